package io.github.devpayls.ls.store;

/**
 * Where a stored set stands at the subscription gate, from its last recorded {@link Verification}.
 * Only {@link #SUBSCRIBED} lets the product use the set for Amazon S3.
 */
public enum SubscriptionStatus {
    /** Activated, never verified: the service issues sets before the card is vetted. Pending. */
    UNVERIFIED,
    /** The last verification said not (yet) subscribed: vetting, declined or cancelled. Pending. */
    NOT_SUBSCRIBED,
    /** The last verification said subscribed. */
    SUBSCRIBED;

    /** @return {@code true} unless {@link #SUBSCRIBED}: the product must wait and verify again */
    public boolean isPending() {
        return this != SUBSCRIBED;
    }
}
