package io.github.devpayls.ls.simulator;

import java.util.Objects;

/**
 * A customer of the fixtures who activated a desktop product before the simulator started, with
 * the credential set that activation issued, so REST-Query calls can be signed without activating
 * first (SoapUI projects, {@code serve}). The same for the same seed.
 *
 * @param customerId      the customer, as {@link Subscriptions} takes it
 * @param productCode     the product activated (the first fixture product)
 * @param userToken       the issued user token
 * @param accessKeyId     the issued access key id
 * @param secretAccessKey the issued secret access key
 */
public record FixtureCustomer(String customerId, String productCode, String userToken, String accessKeyId,
                              String secretAccessKey) {

    /** Checks that no component is {@code null}. */
    public FixtureCustomer {
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(productCode, "productCode");
        Objects.requireNonNull(userToken, "userToken");
        Objects.requireNonNull(accessKeyId, "accessKeyId");
        Objects.requireNonNull(secretAccessKey, "secretAccessKey");
    }

    /** @return the customer and key pair, with the user token and secret access key masked */
    @Override
    public String toString() {
        return "FixtureCustomer[customerId=" + customerId + ", productCode=" + productCode
                + ", userToken=" + Masking.mask(userToken) + ", accessKeyId=" + accessKeyId
                + ", secretAccessKey=" + Masking.mask(secretAccessKey) + "]";
    }
}
