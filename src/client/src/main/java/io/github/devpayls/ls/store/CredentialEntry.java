package io.github.devpayls.ls.store;

import io.github.devpayls.ls.DesktopCredentials;
import io.github.devpayls.ls.InvalidInputException;
import io.github.devpayls.ls.internal.TokenExpirationRule;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Everything stored for one product: the complete credential set and what the activation
 * lifecycle needs to judge it — when it was activated, the {@code TokenExpiration} requested at
 * activation (absent: the token never expires) and, once the application set it, the
 * {@link Invalidation} mark, and the last {@link Verification} of the subscription.
 *
 * <p>{@link #toString()} masks the secrets (through {@link DesktopCredentials#toString()}).
 *
 * @param productKey      the product this entry belongs to
 * @param credentials     the complete set ActivateDesktopProduct returned
 * @param activatedAt     when the set was obtained
 * @param tokenExpiration the token lifetime requested at activation; empty when none was requested
 * @param invalidation    the invalidation mark; empty while the set is considered good
 * @param verification    the last recorded subscription check; empty until the first one
 */
public record CredentialEntry(
        ProductKey productKey,
        DesktopCredentials credentials,
        Instant activatedAt,
        Optional<Duration> tokenExpiration,
        Optional<Invalidation> invalidation,
        Optional<Verification> verification) {

    /**
     * @throws InvalidInputException when a component is missing or the token lifetime breaks
     *                               {@link TokenExpirationRule} (positive, whole seconds)
     */
    public CredentialEntry {
        require("verification", verification);
        require("productKey", productKey);
        require("credentials", credentials);
        require("activatedAt", activatedAt);
        require("tokenExpiration", tokenExpiration);
        require("invalidation", invalidation);
        tokenExpiration.ifPresent(expiration -> TokenExpirationRule.check("tokenExpiration", expiration));
    }

    /**
     * An entry with no verification recorded (as format version 1 stored them).
     *
     * @param productKey      the product this entry belongs to
     * @param credentials     the complete set
     * @param activatedAt     when the set was obtained
     * @param tokenExpiration the token lifetime requested at activation; empty when none was requested
     * @param invalidation    the invalidation mark; empty while the set is considered good
     * @throws InvalidInputException when a component is missing or the token lifetime is not positive
     */
    public CredentialEntry(ProductKey productKey, DesktopCredentials credentials, Instant activatedAt,
            Optional<Duration> tokenExpiration, Optional<Invalidation> invalidation) {
        this(productKey, credentials, activatedAt, tokenExpiration, invalidation, Optional.empty());
    }

    /**
     * A freshly activated, not invalidated entry.
     *
     * @param productKey      the product
     * @param credentials     the set the service returned
     * @param activatedAt     when the service returned it
     * @param tokenExpiration the lifetime requested in the activation call, or empty for none
     * @return the entry
     */
    public static CredentialEntry activated(ProductKey productKey, DesktopCredentials credentials,
            Instant activatedAt, Optional<Duration> tokenExpiration) {
        return new CredentialEntry(productKey, credentials, activatedAt, tokenExpiration, Optional.empty());
    }

    /**
     * @return when the user token expires ({@code activatedAt + tokenExpiration}); empty when it never does
     */
    public Optional<Instant> expiresAt() {
        return tokenExpiration.map(activatedAt::plus);
    }

    /**
     * @param now the current time
     * @return {@code true} when the token has a lifetime and {@code now} is at or past its end
     */
    public boolean isExpiredAt(Instant now) {
        return expiresAt().filter(end -> !now.isBefore(end)).isPresent();
    }

    /**
     * @param mark the invalidation to record
     * @return a copy of this entry carrying the mark
     */
    public CredentialEntry invalidated(Invalidation mark) {
        require("invalidation", mark);
        return new CredentialEntry(productKey, credentials, activatedAt, tokenExpiration, Optional.of(mark),
                verification);
    }

    /**
     * @param checked the answer of a subscription check of this set
     * @return a copy of this entry recording it in place of the previous one
     */
    public CredentialEntry verified(Verification checked) {
        require("verification", checked);
        return new CredentialEntry(productKey, credentials, activatedAt, tokenExpiration, invalidation,
                Optional.of(checked));
    }

    /**
     * @param refreshed the set RefreshUserToken returned: the same key pair with a newer user token
     * @return a copy of this entry holding it; activation time, lifetime and verification kept
     * @throws InvalidInputException when the set is missing or has another key pair
     */
    public CredentialEntry refreshed(DesktopCredentials refreshed) {
        require("refreshed", refreshed);
        if (!refreshed.accessKeyId().equals(credentials.accessKeyId())
                || !refreshed.secretAccessKey().equals(credentials.secretAccessKey())) {
            throw new InvalidInputException("refreshed", "must keep the stored key pair; only the user token changes");
        }
        return new CredentialEntry(productKey, refreshed, activatedAt, tokenExpiration, invalidation, verification);
    }

    /** @return where this set stands at the subscription gate, from the last recorded verification */
    public SubscriptionStatus subscription() {
        return verification.map(v -> v.subscribed() ? SubscriptionStatus.SUBSCRIBED : SubscriptionStatus.NOT_SUBSCRIBED)
                .orElse(SubscriptionStatus.UNVERIFIED);
    }

    private static void require(String field, Object value) {
        if (value == null) {
            throw new InvalidInputException(field, "is required");
        }
    }
}
