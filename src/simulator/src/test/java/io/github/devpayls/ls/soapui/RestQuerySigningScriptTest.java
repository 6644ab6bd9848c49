package io.github.devpayls.ls.soapui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The Java equivalent of the project's signing script, against the spec's "verify" vector. */
class RestQuerySigningScriptTest {

    private static final String PRODUCT_TOKEN = "{ProductToken}TESTPRODUCTTOKEN" + "A".repeat(295) + "=";
    private static final String USER_TOKEN = "{UserToken}TESTUSERTOKEN" + "A".repeat(385) + "==";

    private final Map<String, String> caseProperties = new LinkedHashMap<>();
    private final PropertyExpander expander = new PropertyExpander(new PropertyExpander.Scope(
            Map.of("secret", "TEST" + "A".repeat(36)), Map.of(), caseProperties, Path.of("."), Map.of()));

    @Test
    void run_setsExpiresFifteenMinutesAhead_andTheSignatureOfTheSpecsVerifyVector() {
        caseProperties.put("SignedParameters",
                "Action, AWSAccessKeyId, Expires, ProductToken, SignatureVersion, UserToken, Version");
        caseProperties.put("Action", "VerifyProductSubscriptionByTokens");
        caseProperties.put("AWSAccessKeyId", "TEST" + "A".repeat(16));
        caseProperties.put("ProductToken", PRODUCT_TOKEN);
        caseProperties.put("SignatureVersion", "1");
        caseProperties.put("UserToken", USER_TOKEN);
        caseProperties.put("Version", "2008-04-28");
        caseProperties.put("SecretAccessKey", "${#Project#secret}");

        RestQuerySigningScript.run(caseProperties, expander, Clock.fixed(Instant.EPOCH, ZoneOffset.UTC));

        assertThat(caseProperties).containsEntry("Expires", "1970-01-01T00:15:00Z")
                .containsEntry("Signature", "EoWZTlMO9qQA6Pbq5Ze4eHAlKZc=");
    }

    @Test
    void run_withoutSignedParameters_failsByName() {
        assertThatThrownBy(() -> RestQuerySigningScript.run(caseProperties, expander, Clock.systemUTC()))
                .isInstanceOf(SoapUiProjectException.class).hasMessageContaining("SignedParameters");
    }

    @Test
    void isThisScript_ignoresLineEndings_butNotAChangedLine() {
        String script = RestQuerySigningScript.text();

        assertThat(RestQuerySigningScript.isThisScript(script.replace("\n", "\r\n") + "  \n")).isTrue();
        assertThat(RestQuerySigningScript.isThisScript(script.replace("15 * 60", "60"))).isFalse();
    }
}
