package io.github.devpayls.ls.store;

import io.github.devpayls.ls.InvalidInputException;
import java.time.Instant;

/**
 * The mark the application sets on a stored set it must not use any more, typically after S3
 * rejected the user token. An invalidated set stays stored (for diagnosis) but reads as
 * {@link NoUsableCredentials.Reason#INVALIDATED} until it is replaced.
 *
 * @param reason        why the set was invalidated, in words; shown to people, so it must not
 *                      contain secrets; one line of at most 500 characters
 * @param invalidatedAt when the mark was set
 */
public record Invalidation(String reason, Instant invalidatedAt) {

    private static final int MAX_REASON_LENGTH = 500;

    /**
     * @throws InvalidInputException when the reason is blank, too long or spans lines, or the time is missing
     */
    public Invalidation {
        if (reason == null || reason.isBlank()) {
            throw new InvalidInputException("reason", "is required and must not be blank");
        }
        if (reason.length() > MAX_REASON_LENGTH) {
            throw new InvalidInputException("reason", "must be at most " + MAX_REASON_LENGTH + " characters");
        }
        if (reason.chars().anyMatch(Character::isISOControl)) {
            throw new InvalidInputException("reason", "must not contain control characters");
        }
        if (invalidatedAt == null) {
            throw new InvalidInputException("invalidatedAt", "is required");
        }
    }
}
