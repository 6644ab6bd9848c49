package io.github.devpayls.ls.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Masking by shape: what looks like a product token, a user token or an activation key, in any case. */
class SensitiveNamesShapesTest {

    private static final String KEY = "JOUBS43S7MOFUJKZWFVSRN376YRC";

    @Test
    void scrub_masksAProductTokenByItsPrefix_inAnyCase() {
        assertThat(SensitiveNames.scrub("Unknown options: '--product-token', '{ProductToken}AAAAVGVzdA=='"))
                .isEqualTo("Unknown options: '--product-token', '{ProductToken}****'");
        assertThat(SensitiveNames.scrub("token {producttoken}AAAAVGVzdA== here"))
                .isEqualTo("token {ProductToken}**** here");
    }

    @Test
    void scrub_masksAUserTokenByItsPrefix_inAnyCase() {
        assertThat(SensitiveNames.scrub("got {USERTOKEN}AAAAbbbb+/== back")).isEqualTo("got {UserToken}**** back");
    }

    @Test
    void scrub_masksAKnownSecretEchoedInAnotherCase() {
        String text = "the key " + KEY.toLowerCase(java.util.Locale.ROOT) + "! is not valid";

        assertThat(SensitiveNames.scrub(text, List.of(KEY))).isEqualTo("the key ****! is not valid");
    }

    @Test
    void scrub_masksActivationKeyShapedRuns_inAnyCase_evenWhenNotKnown() {
        assertThat(SensitiveNames.scrub("Unmatched argument at index 1: '" + KEY + "'"))
                .isEqualTo("Unmatched argument at index 1: '****'");
        assertThat(SensitiveNames.scrub("key=" + KEY.toLowerCase(java.util.Locale.ROOT) + "0")).isEqualTo("key=****");
    }

    @Test
    void scrub_leavesWhatIsNotKeyShapedAlone() {
        String text = "SunCertPathBuilderException at /tmp/junit4437063598461826386/x, access key IRO3XRI6DAHB7Z75I2W5, "
                + "request 9e9ac69f-a46a-4d08-bf7b-f2b8d8af56dd, number 1234567890123456789012345678, "
                + "key of 31 JOUBS43S7MOFUJKZWFVSRN376YRCABC";

        assertThat(SensitiveNames.scrub(text)).isEqualTo(text);
    }
}
