package io.github.devpayls.ls.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/** Signature version 1 against every public vector of the spec, and the two wrong-rule controls. */
class RestQuerySignatureTest {

    private static final char[] FAKE_SECRET = "fake-secret-key".toCharArray();

    private static Map<String, String> guideVector(String version) {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("Action", "CreateQueue");
        parameters.put("QueueName", "queue2");
        parameters.put("AWSAccessKeyId", "0A8BDF2G9KCB3ZNKFA82");
        parameters.put("SignatureVersion", "1");
        parameters.put("Expires", "2007-01-12T12:00:00Z");
        parameters.put("Version", version);
        return parameters;
    }

    private static Map<String, String> verifyVector() {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("Action", "VerifyProductSubscriptionByTokens");
        parameters.put("AWSAccessKeyId", "TEST" + "A".repeat(16));
        parameters.put("Expires", "1970-01-01T00:15:00Z");
        parameters.put("ProductToken", "{ProductToken}TESTPRODUCTTOKEN" + "A".repeat(295) + "=");
        parameters.put("SignatureVersion", "1");
        parameters.put("UserToken", "{UserToken}TESTUSERTOKEN" + "A".repeat(385) + "==");
        parameters.put("Version", "2008-04-28");
        return parameters;
    }

    private static final char[] VERIFY_SECRET = ("TEST" + "A".repeat(36)).toCharArray();

    @Test
    void guideVector_signsAsTheGuideSays() {
        assertThat(RestQuerySignature.sign(guideVector("2006-04-01"), FAKE_SECRET))
                .isEqualTo("wlv84EOcHQk800Yq6QHgX4AdJfk=");
    }

    @Test
    void guideVectorWithTheLicenseServiceVersion_signsAsPublished() {
        assertThat(RestQuerySignature.sign(guideVector("2008-04-28"), FAKE_SECRET))
                .isEqualTo("+g091tUDDhl8KZmkstGb41D9Ui4=");
    }

    @Test
    void signedActivationVector_signsAsPublished() {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("Action", "ActivateDesktopProduct");
        parameters.put("ActivationKey", "__FAKE_ACTIVATION_KEY__");
        parameters.put("ProductToken", "__FAKE_PRODUCT_TOKEN__");
        parameters.put("AWSAccessKeyId", "0A8BDF2G9KCB3ZNKFA82");
        parameters.put("SignatureVersion", "1");
        parameters.put("Expires", "2007-01-12T12:00:00Z");
        parameters.put("Version", "2008-04-28");

        assertThat(RestQuerySignature.sign(parameters, FAKE_SECRET)).isEqualTo("vqCzJoNQt+hOhaXWfDywtJ4hBUM=");
    }

    @Test
    void verifyVector_signsAsPublished() {
        assertThat(RestQuerySignature.sign(verifyVector(), VERIFY_SECRET)).isEqualTo("EoWZTlMO9qQA6Pbq5Ze4eHAlKZc=");
    }

    @Test
    void verifyVector_aCaseSensitiveSortGivesTheWrongRulesSignature() {
        // Control: the same parameters signed with a case-sensitive sort give the published wrong value,
        // so the vector really distinguishes the rules, and ours is not that one.
        StringBuilder text = new StringBuilder();
        new TreeMap<>(verifyVector()).forEach((name, value) -> text.append(name).append(value));

        assertThat(hmac(text.toString(), VERIFY_SECRET)).isEqualTo("wmQ91pc5mL3w3Dh37oNv4BPfXOY=");
        assertThat(RestQuerySignature.sign(verifyVector(), VERIFY_SECRET)).isNotEqualTo("wmQ91pc5mL3w3Dh37oNv4BPfXOY=");
    }

    @Test
    void verifyVector_urlEncodedValuesGiveTheWrongRulesSignature() {
        Map<String, String> encoded = new LinkedHashMap<>();
        verifyVector().forEach((name, value) -> encoded.put(name, RestQuery.encode(value)));

        assertThat(hmac(RestQuerySignature.stringToSign(encoded), VERIFY_SECRET))
                .isEqualTo("fNNp2JB7JHtBEGNitKaRMgU3Wqk=");
        assertThat(RestQuerySignature.sign(verifyVector(), VERIFY_SECRET)).isNotEqualTo("fNNp2JB7JHtBEGNitKaRMgU3Wqk=");
    }

    @Test
    void stringToSign_ignoresTheSignatureParameter() {
        Map<String, String> parameters = verifyVector();
        String without = RestQuerySignature.stringToSign(parameters);
        parameters.put("Signature", "anything");

        assertThat(RestQuerySignature.stringToSign(parameters)).isEqualTo(without);
    }

    @Test
    void matches_acceptsTheRightSignatureAndRefusesAnyOther() {
        Map<String, String> parameters = verifyVector();
        parameters.put("Signature", "EoWZTlMO9qQA6Pbq5Ze4eHAlKZc=");
        assertThat(RestQuerySignature.matches(parameters, VERIFY_SECRET)).isTrue();

        parameters.put("Signature", "EoWZTlMO9qQA6Pbq5Ze4eHAlKZd=");
        assertThat(RestQuerySignature.matches(parameters, VERIFY_SECRET)).isFalse();
        parameters.remove("Signature");
        assertThat(RestQuerySignature.matches(parameters, VERIFY_SECRET)).isFalse();
        parameters.put("Signature", "EoWZTlMO9qQA6Pbq5Ze4eHAlKZc=");
        assertThat(RestQuerySignature.matches(parameters, "TEST".toCharArray())).isFalse();
    }

    @Test
    void encode_percentEncodesWhatTheQueryCannotCarry() {
        assertThat(RestQuery.encode("+g091tUDDhl8KZmkstGb41D9Ui4=")).isEqualTo("%2Bg091tUDDhl8KZmkstGb41D9Ui4%3D");
        assertThat(RestQuery.encode("{UserToken}a b~*")).isEqualTo("%7BUserToken%7Da%20b~%2A");
    }

    @Test
    void time_isUtcWholeSecondsWithZ() {
        java.time.Instant instant = java.time.Instant.parse("1970-01-01T00:15:00.750Z");
        assertThat(RestQuery.formatTime(instant)).isEqualTo("1970-01-01T00:15:00Z");
        assertThat(RestQuery.parseTime("1970-01-01T00:15:00Z")).isEqualTo(java.time.Instant.ofEpochSecond(900));
    }

    private static String hmac(String text, char[] secret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(new String(secret).getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
            return Base64.getEncoder().encodeToString(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.GeneralSecurityException e) {
            throw new AssertionError(e);
        }
    }
}
