package io.github.devpayls.ls.simulator;

/** Where a customer's subscription to a product stands, as {@link Subscriptions#state} reports it. */
public enum SubscriptionState {
    /** The customer never activated the product. */
    NONE,
    /** Activated; the card is still being vetted. VerifyProductSubscriptionByTokens answers {@code false}. */
    PENDING,
    /** Vetted and running. VerifyProductSubscriptionByTokens answers {@code true}. */
    ACTIVE,
    /** The customer's card was declined; the subscription never becomes active. Verify answers {@code false}. */
    DECLINED,
    /** Cancelled. Verify answers {@code false}. */
    CANCELLED
}
