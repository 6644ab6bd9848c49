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
 * {@link Invalidation} mark.
 *
 * <p>{@link #toString()} masks the secrets (through {@link DesktopCredentials#toString()}).
 *
 * @param productKey      the product this entry belongs to
 * @param credentials     the complete set ActivateDesktopProduct returned
 * @param activatedAt     when the set was obtained
 * @param tokenExpiration the token lifetime requested at activation; empty when none was requested
 * @param invalidation    the invalidation mark; empty while the set is considered good
 */
public record CredentialEntry(
        ProductKey productKey,
        DesktopCredentials credentials,
        Instant activatedAt,
        Optional<Duration> tokenExpiration,
        Optional<Invalidation> invalidation) {

    /**
     * @throws InvalidInputException when a component is missing or the token lifetime breaks
     *                               {@link TokenExpirationRule} (positive, whole seconds)
     */
    public CredentialEntry {
        require("productKey", productKey);
        require("credentials", credentials);
        require("activatedAt", activatedAt);
        require("tokenExpiration", tokenExpiration);
        require("invalidation", invalidation);
        tokenExpiration.ifPresent(expiration -> TokenExpirationRule.check("tokenExpiration", expiration));
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
        return new CredentialEntry(productKey, credentials, activatedAt, tokenExpiration, Optional.of(mark));
    }

    private static void require(String field, Object value) {
        if (value == null) {
            throw new InvalidInputException(field, "is required");
        }
    }
}
