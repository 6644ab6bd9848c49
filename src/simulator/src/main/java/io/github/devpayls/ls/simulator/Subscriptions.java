package io.github.devpayls.ls.simulator;

import java.util.Objects;

/**
 * Drives the simulated subscriptions from a test: a subscription starts when a customer first
 * activates a product and becomes active once the builder's vetting delay has passed on the
 * simulator's clock; these methods decline the card, end vetting at once, or cancel. Customer ids
 * come from {@link IssuedCredentials#customerId()}, {@link SimulatorFixtures#activationCustomerId()}
 * and {@link FixtureCustomer#customerId()}.
 */
public final class Subscriptions {

    private final LicenseServiceModel model;

    Subscriptions(LicenseServiceModel model) {
        this.model = model;
    }

    /**
     * @param customerId  a customer
     * @param productCode a product code
     * @return the state of that subscription now, {@link SubscriptionState#NONE} when there is none
     */
    public SubscriptionState state(String customerId, String productCode) {
        return model.subscriptionState(Objects.requireNonNull(customerId, "customerId"),
                Objects.requireNonNull(productCode, "productCode"));
    }

    /**
     * Declines the customer's card: every subscription of the customer, now and later, stays
     * inactive ({@link SubscriptionState#DECLINED}); activation still succeeds, as on the real service.
     *
     * @param customerId a customer
     * @throws IllegalArgumentException when the simulator has no such customer
     */
    public void decline(String customerId) {
        model.decline(Objects.requireNonNull(customerId, "customerId"));
    }

    /**
     * Ends vetting now: the subscription is active from this instant of the simulator's clock.
     *
     * @param customerId  a customer who activated the product
     * @param productCode the product
     * @throws IllegalArgumentException when there is no such subscription
     * @throws IllegalStateException    when the card was declined or the subscription cancelled
     */
    public void activateNow(String customerId, String productCode) {
        model.activateNow(Objects.requireNonNull(customerId, "customerId"),
                Objects.requireNonNull(productCode, "productCode"));
    }

    /**
     * Cancels the subscription: VerifyProductSubscriptionByTokens answers {@code false} from now on.
     *
     * @param customerId  a customer who activated the product
     * @param productCode the product
     * @throws IllegalArgumentException when there is no such subscription
     */
    public void cancel(String customerId, String productCode) {
        model.cancel(Objects.requireNonNull(customerId, "customerId"),
                Objects.requireNonNull(productCode, "productCode"));
    }
}
