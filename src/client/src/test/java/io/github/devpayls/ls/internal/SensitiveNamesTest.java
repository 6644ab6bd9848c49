package io.github.devpayls.ls.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SensitiveNamesTest {

    @Test
    void maskXml_masksEverySensitiveElementWhateverItsPrefix() {
        String xml = "<ns2:ActivationKey>KEY123456</ns2:ActivationKey><UserToken a=\"1\">{UserToken}abc</UserToken>"
                + "<ls:SecretAccessKey>SECRETSECRET</ls:SecretAccessKey><AWSAccessKeyId>AKIAX</AWSAccessKeyId>"
                + "<AdditionalTokens>{UserToken}more</AdditionalTokens>";

        String masked = SensitiveNames.maskXml(xml);

        assertThat(masked).doesNotContain("KEY123456", "{UserToken}abc", "SECRETSECRET", "{UserToken}more")
                .contains("<ns2:ActivationKey>****</ns2:ActivationKey>")
                .contains("<UserToken a=\"1\">****</UserToken>")
                .contains("<AWSAccessKeyId>AKIAX</AWSAccessKeyId>");
    }

    @Test
    void maskXml_masksCdataAndTruncatedDocuments() {
        assertThat(SensitiveNames.maskXml("<UserToken><![CDATA[{UserToken}x<y]]></UserToken>"))
                .isEqualTo("<UserToken>****</UserToken>");
        assertThat(SensitiveNames.maskXml("<Result><SecretAccessKey>abcdefgh"))
                .isEqualTo("<Result><SecretAccessKey>****");
    }

    @Test
    void maskXml_leavesSimilarNamesAndSelfClosingElementsAlone() {
        assertThat(SensitiveNames.maskXml("<UserTokenHint>visible</UserTokenHint><UserToken/>"))
                .isEqualTo("<UserTokenHint>visible</UserTokenHint><UserToken/>");
    }

    @Test
    void maskHeaders_matchesNamesIgnoringCase() {
        Map<String, List<String>> masked = SensitiveNames.maskHeaders(Map.of(
                "authorization", List.of("AWS abc:def"), "COOKIE", List.of("s=1"), "Content-Type", List.of("text/xml")));

        assertThat(masked.get("authorization")).containsExactly("****");
        assertThat(masked.get("COOKIE")).containsExactly("****");
        assertThat(masked.get("Content-Type")).containsExactly("text/xml");
        assertThat(SensitiveNames.isSensitiveHeader("Set-cookie")).isTrue();
        assertThat(SensitiveNames.maskHeaders(null)).isEmpty();
    }

    @Test
    void scrub_removesKnownSecretValuesAndMasksElements() {
        String text = "bad key ADMAY7DVLJTWHJ76MMBMQEXAMPLE in <ActivationKey>ADMAY7</ActivationKey>";

        assertThat(SensitiveNames.scrub(text, List.of("ADMAY7DVLJTWHJ76MMBMQEXAMPLE")))
                .isEqualTo("bad key **** in <ActivationKey>****</ActivationKey>");
        assertThat(SensitiveNames.scrub(null, List.of())).isNull();
    }

    @Test
    void scrub_masksUserTokensQuotedOutsideAnyElement() {
        String text = "<html>your token {UserToken}AAAAbbbb+/== is revoked</html>";

        assertThat(SensitiveNames.scrub(text, List.of())).isEqualTo("<html>your token {UserToken}**** is revoked</html>");
    }

    @Test
    void scrubbedCopy_keepsClassNamesAndTracesButNotSecrets() {
        IOException root = new IOException("echo SECRETKEY123");
        RuntimeException top = new RuntimeException("wrapped <SecretAccessKey>abc</SecretAccessKey>", root);

        Throwable copy = SensitiveNames.scrubbedCopy(top, List.of("SECRETKEY123"));

        assertThat(copy.getMessage()).startsWith(RuntimeException.class.getName())
                .doesNotContain("abc</SecretAccessKey>");
        assertThat(copy.getCause().getMessage()).isEqualTo(IOException.class.getName() + ": echo ****");
        assertThat(copy.getStackTrace()).isEqualTo(top.getStackTrace());
        assertThat(copy.getCause().getCause()).isNull();
    }
}
