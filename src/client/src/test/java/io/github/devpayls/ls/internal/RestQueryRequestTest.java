package io.github.devpayls.ls.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.devpayls.ls.DesktopCredentials;
import io.github.devpayls.ls.Secret;
import io.github.devpayls.ls.contract.RestQuery;
import io.github.devpayls.ls.contract.RestQuerySignature;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The REST-Query request builder: parameters, expiry, signature and the masked log form. */
class RestQueryRequestTest {

    static final String USER_TOKEN = "{UserToken}TESTUSERTOKEN" + "A".repeat(385) + "==";
    static final String PRODUCT_TOKEN = "{ProductToken}TESTPRODUCTTOKEN" + "A".repeat(295) + "=";
    static final String ACCESS_KEY_ID = "TEST" + "A".repeat(16);
    static final String SECRET_KEY = "TEST" + "A".repeat(36);
    static final DesktopCredentials CREDENTIALS =
            new DesktopCredentials(Secret.of(USER_TOKEN), ACCESS_KEY_ID, Secret.of(SECRET_KEY));

    static Map<String, String> verifyParameters() {
        Map<String, String> specific = new LinkedHashMap<>();
        specific.put(RestQuery.PRODUCT_TOKEN, PRODUCT_TOKEN);
        specific.put(RestQuery.USER_TOKEN, USER_TOKEN);
        return specific;
    }

    static Map<String, String> decodeForm(String body) {
        Map<String, String> parameters = new LinkedHashMap<>();
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            parameters.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return parameters;
    }

    @Test
    void signed_verifyAtEpoch_reproducesTheSpecsVerifyVector() {
        // The spec's vector: Expires 1970-01-01T00:15:00Z is "signed at the epoch" with the 15-minute window.
        RestQueryRequest request = RestQueryRequest.signed(RestQuery.VERIFY_PRODUCT_SUBSCRIPTION_BY_TOKENS,
                CREDENTIALS, verifyParameters(), Instant.EPOCH);

        assertThat(request.parameters()).containsEntry(RestQuery.EXPIRES, "1970-01-01T00:15:00Z")
                .containsEntry(RestQuery.SIGNATURE, "EoWZTlMO9qQA6Pbq5Ze4eHAlKZc=");
    }

    @Test
    void signed_verify_sendsExactlyTheDocumentedParameters() {
        RestQueryRequest request = RestQueryRequest.signed(RestQuery.VERIFY_PRODUCT_SUBSCRIPTION_BY_TOKENS,
                CREDENTIALS, verifyParameters(), Instant.parse("2026-12-02T10:00:00Z"));

        assertThat(request.parameters()).containsOnlyKeys("Action", "AWSAccessKeyId", "Expires", "ProductToken",
                "UserToken", "SignatureVersion", "Version", "Signature");
        assertThat(request.parameters()).containsEntry("Action", "VerifyProductSubscriptionByTokens")
                .containsEntry("AWSAccessKeyId", ACCESS_KEY_ID).containsEntry("SignatureVersion", "1")
                .containsEntry("Version", "2008-04-28").containsEntry("Expires", "2026-12-02T10:15:00Z")
                .doesNotContainKey("Timestamp");
        assertThat(RestQuerySignature.matches(request.parameters(), SECRET_KEY.toCharArray())).isTrue();
    }

    @Test
    void formEncoded_decodesBackToTheSignedParameters() {
        RestQueryRequest request = RestQueryRequest.signed(RestQuery.REFRESH_USER_TOKEN, CREDENTIALS,
                Map.of(RestQuery.USER_TOKEN, USER_TOKEN, RestQuery.ADDITIONAL_TOKENS, PRODUCT_TOKEN),
                Instant.parse("2026-12-02T10:00:00Z"));

        Map<String, String> decoded = decodeForm(request.formEncoded());

        assertThat(decoded).isEqualTo(request.parameters());
        assertThat(request.formEncoded()).doesNotContain("+", "{", "}").contains("%7BUserToken%7D", "%3D");
    }

    @Test
    void signed_atTwoInstants_carriesAFreshExpiryAndSignature() {
        Instant first = Instant.parse("2026-12-02T10:00:00Z");
        RestQueryRequest a = RestQueryRequest.signed(RestQuery.VERIFY_PRODUCT_SUBSCRIPTION_BY_TOKENS, CREDENTIALS,
                verifyParameters(), first);
        RestQueryRequest b = RestQueryRequest.signed(RestQuery.VERIFY_PRODUCT_SUBSCRIPTION_BY_TOKENS, CREDENTIALS,
                verifyParameters(), first.plusSeconds(7));

        assertThat(b.parameters().get("Expires")).isEqualTo("2026-12-02T10:15:07Z");
        assertThat(b.parameters().get("Signature")).isNotEqualTo(a.parameters().get("Signature"));
    }

    @Test
    void maskedForLog_andToString_showNoTokenSecretOrSignature() {
        RestQueryRequest request = RestQueryRequest.signed(RestQuery.REFRESH_USER_TOKEN, CREDENTIALS,
                Map.of(RestQuery.USER_TOKEN, USER_TOKEN, RestQuery.ADDITIONAL_TOKENS, PRODUCT_TOKEN),
                Instant.parse("2026-12-02T10:00:00Z"));
        String signature = RestQuery.encode(request.parameters().get("Signature"));

        for (String logged : new String[] {request.maskedForLog(), request.toString()}) {
            assertThat(logged).contains("Signature=****", "UserToken=****", "AdditionalTokens=****",
                    "Action=RefreshUserToken", "AWSAccessKeyId=" + ACCESS_KEY_ID);
            assertThat(logged).doesNotContain(signature, RestQuery.encode(USER_TOKEN), "TESTUSERTOKEN",
                    "TESTPRODUCTTOKEN", SECRET_KEY);
        }
    }

    @Test
    void maskQuery_masksSensitiveNamesInAnyCaseInAUrl() {
        String url = "https://ls.example/?action=x&signature=abc%2B%3D&USERTOKEN=%7BUserToken%7Dxyz&producttoken=p q";

        assertThat(SensitiveNames.maskQuery(url))
                .isEqualTo("https://ls.example/?action=x&signature=****&USERTOKEN=****&producttoken=**** q");
        assertThat(SensitiveNames.scrub("GET /?Signature=abcdef&Version=1", java.util.List.of()))
                .isEqualTo("GET /?Signature=****&Version=1");
    }
}
