package io.github.devpayls.ls.internal;

import io.github.devpayls.ls.DesktopCredentials;
import io.github.devpayls.ls.contract.LicenseServiceFacts;
import io.github.devpayls.ls.contract.RestQuery;
import io.github.devpayls.ls.contract.RestQuerySignature;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * One signed REST-Query request: the parameters of an action, signed (signature version 1) with
 * the customer's secret access key, with {@code Expires} = the signing time +
 * {@link RestQuery#EXPIRES_WINDOW}. Built afresh for every attempt, so a retried request carries
 * a new expiry and signature.
 *
 * @param action     the action, e.g. {@link RestQuery#VERIFY_PRODUCT_SUBSCRIPTION_BY_TOKENS}
 * @param parameters every parameter, {@code Signature} included, in the order they are sent
 * @param secrets    the secret values the request carries, which no log line or message may show
 */
record RestQueryRequest(String action, Map<String, String> parameters, List<String> secrets) {

    RestQueryRequest {
        Objects.requireNonNull(action, "action");
        parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
        secrets = List.copyOf(secrets);
    }

    /**
     * @param action      the action
     * @param credentials the customer's set: its access key id is sent, its secret key signs
     * @param specific    the action's own parameters (tokens), in the order to send them
     * @param signedAt    now, from the client's clock
     * @return the signed request
     */
    static RestQueryRequest signed(String action, DesktopCredentials credentials, Map<String, String> specific,
                                   Instant signedAt) {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put(RestQuery.ACTION, action);
        parameters.put(RestQuery.AWS_ACCESS_KEY_ID, credentials.accessKeyId());
        parameters.put(RestQuery.EXPIRES, RestQuery.formatTime(signedAt.plus(RestQuery.EXPIRES_WINDOW)));
        parameters.putAll(specific);
        parameters.put(RestQuery.SIGNATURE_VERSION, RestQuerySignature.VERSION);
        parameters.put(RestQuery.VERSION, LicenseServiceFacts.API_VERSION);
        char[] secretKey = credentials.secretAccessKey().reveal().toCharArray();
        String signature;
        try {
            signature = RestQuerySignature.sign(parameters, secretKey);
        } finally {
            java.util.Arrays.fill(secretKey, '\0');
        }
        parameters.put(RestQuery.SIGNATURE, signature);
        return new RestQueryRequest(action, parameters, List.of(credentials.secretAccessKey().reveal(),
                credentials.userToken().reveal(), signature));
    }

    /** @return the parameters as {@code application/x-www-form-urlencoded} text, values URL-encoded */
    String formEncoded() {
        return parameters.entrySet().stream()
                .map(p -> RestQuery.encode(p.getKey()) + '=' + RestQuery.encode(p.getValue()))
                .collect(Collectors.joining("&"));
    }

    /** @return {@link #formEncoded()} as the bytes of the request body */
    byte[] body() {
        return formEncoded().getBytes(StandardCharsets.US_ASCII);
    }

    /** @return the query as a log line may show it: every sensitive parameter's value masked */
    String maskedForLog() {
        return SensitiveNames.maskQuery(formEncoded());
    }

    /** @return the action and the masked query; never a secret */
    @Override
    public String toString() {
        return "RestQueryRequest[" + maskedForLog() + "]";
    }
}
