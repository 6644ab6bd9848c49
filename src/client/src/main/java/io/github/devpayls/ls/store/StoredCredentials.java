package io.github.devpayls.ls.store;

import io.github.devpayls.ls.DesktopCredentials;
import io.github.devpayls.ls.InvalidInputException;

/**
 * A usable entry: complete, readable, not expired at the time of reading and not invalidated.
 * Usable means activated; {@link #isReadyForS3()} says whether the customer is also subscribed.
 *
 * @param entry the stored entry
 */
public record StoredCredentials(CredentialEntry entry) implements CredentialLookup {

    /**
     * @throws InvalidInputException when the entry is missing
     */
    public StoredCredentials {
        if (entry == null) {
            throw new InvalidInputException("entry", "is required");
        }
    }

    /**
     * @return where the set stands at the subscription gate: activation succeeds before the card is
     *         vetted, so a stored set is pending until a verification said subscribed
     */
    public SubscriptionStatus subscription() {
        return entry.subscription();
    }

    /** @return {@code true} only when the last verification said subscribed: the set may be used for S3 */
    public boolean isReadyForS3() {
        return subscription() == SubscriptionStatus.SUBSCRIBED;
    }

    /** @return the credential set of the entry */
    public DesktopCredentials credentials() {
        return entry.credentials();
    }
}
