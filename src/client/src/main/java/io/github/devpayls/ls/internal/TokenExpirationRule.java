package io.github.devpayls.ls.internal;

import io.github.devpayls.ls.InvalidInputException;
import java.time.Duration;

/**
 * The one rule for a requested user-token lifetime ({@code TokenExpiration}, an {@code xs:duration}
 * the service reads "in seconds"): positive and a whole number of seconds. Applied where a request
 * is made, where the lifecycle is configured and where a stored entry is read, so all three agree.
 */
public final class TokenExpirationRule {

    private TokenExpirationRule() {
    }

    /**
     * @param field      the field to name in the error
     * @param expiration the lifetime
     * @return the lifetime, unchanged
     * @throws InvalidInputException naming the field when it is missing, not positive or has a fraction of a second
     */
    public static Duration check(String field, Duration expiration) {
        if (expiration == null) {
            throw new InvalidInputException(field, "is required");
        }
        if (expiration.isZero() || expiration.isNegative()) {
            throw new InvalidInputException(field, "must be positive (was " + expiration + ")");
        }
        if (expiration.getNano() != 0) {
            throw new InvalidInputException(field, "must be a whole number of seconds (was " + expiration + ")");
        }
        return expiration;
    }
}
