package io.github.devpayls.ls.simulator;

import io.github.devpayls.ls.contract.Masking;

import java.util.Objects;

/**
 * One demo product of the simulator's fixtures, with a key that activates it and one that has
 * already expired.
 *
 * @param productCode          the product code, as {@code GetActiveSubscriptionsByPid} lists it
 * @param productToken         the product token a desktop product sends with each activation
 * @param activationKey        a key for this product, created when the simulator started (valid
 *                             for one hour of the simulator's clock)
 * @param expiredActivationKey a key for this product created more than an hour before start
 */
public record FixtureProduct(String productCode, String productToken,
                             String activationKey, String expiredActivationKey) {

    /** Checks that no component is {@code null}. */
    public FixtureProduct {
        Objects.requireNonNull(productCode, "productCode");
        Objects.requireNonNull(productToken, "productToken");
        Objects.requireNonNull(activationKey, "activationKey");
        Objects.requireNonNull(expiredActivationKey, "expiredActivationKey");
    }

    /** @return the product code and token; the activation keys are masked */
    @Override
    public String toString() {
        return "FixtureProduct[productCode=" + productCode + ", productToken=" + productToken
                + ", activationKey=" + Masking.masked(activationKey)
                + ", expiredActivationKey=" + Masking.masked(expiredActivationKey) + "]";
    }
}
