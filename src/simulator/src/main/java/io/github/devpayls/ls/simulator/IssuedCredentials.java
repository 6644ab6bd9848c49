package io.github.devpayls.ls.simulator;

import io.github.devpayls.ls.contract.Masking;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A credential set the simulator issued in one successful {@code ActivateDesktopProduct}
 * response, as a test can look it up by the response's request id.
 *
 * @param requestId          the {@code ResponseMetadata/RequestId} of the response that carried it
 * @param productCode        the product activated
 * @param customerId         the simulated customer the activation key belonged to
 * @param userToken          the issued user token
 * @param accessKeyId        the issued AWS access key id
 * @param secretAccessKey    the issued secret access key
 * @param userTokenExpiresAt when the user token expires (the request's {@code TokenExpiration}),
 *                           empty when the request set none
 */
public record IssuedCredentials(String requestId, String productCode, String customerId,
                                String userToken, String accessKeyId, String secretAccessKey,
                                Optional<Instant> userTokenExpiresAt) {

    /** Checks that no component is {@code null}. */
    public IssuedCredentials {
        Objects.requireNonNull(requestId, "requestId");
        Objects.requireNonNull(productCode, "productCode");
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(userToken, "userToken");
        Objects.requireNonNull(accessKeyId, "accessKeyId");
        Objects.requireNonNull(secretAccessKey, "secretAccessKey");
        Objects.requireNonNull(userTokenExpiresAt, "userTokenExpiresAt");
    }

    /** @return the set with the user token and secret access key masked */
    @Override
    public String toString() {
        return "IssuedCredentials[requestId=" + requestId + ", productCode=" + productCode
                + ", customerId=" + customerId + ", userToken=" + Masking.masked(userToken)
                + ", accessKeyId=" + accessKeyId + ", secretAccessKey=" + Masking.masked(secretAccessKey)
                + ", userTokenExpiresAt=" + userTokenExpiresAt + "]";
    }
}
