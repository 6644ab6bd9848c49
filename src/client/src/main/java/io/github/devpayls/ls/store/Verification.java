package io.github.devpayls.ls.store;

import io.github.devpayls.ls.InvalidInputException;
import java.time.Instant;

/**
 * The last answer VerifyProductSubscriptionByTokens gave for a stored set, kept with the set in the
 * same entry (written atomically with it), so a product can tell "activated" from "subscribed"
 * without asking the service on every launch.
 *
 * @param subscribed whether the service said the customer is subscribed
 * @param verifiedAt when the answer came, on the lifecycle's clock
 */
public record Verification(boolean subscribed, Instant verifiedAt) {

    /** @throws InvalidInputException when the time is missing */
    public Verification {
        if (verifiedAt == null) {
            throw new InvalidInputException("verifiedAt", "is required");
        }
    }
}
