package io.github.devpayls.ls;

import io.github.devpayls.ls.contract.Masking;

import io.github.devpayls.ls.contract.LicenseServiceFacts;
import java.util.Objects;

/**
 * The activation key a customer copied from the product's activation page. A secret: it prints
 * masked and its value comes out only through {@link #reveal()}.
 *
 * <p>{@link #of(String)} trims surrounding whitespace and refuses blank keys, inner whitespace,
 * control characters and absurd lengths. It does not insist on today's 28 characters: the service
 * documented that keys may grow.
 */
public final class ActivationKey {

    private final Secret value;

    private ActivationKey(Secret value) {
        this.value = value;
    }

    /**
     * Parses a key as a customer typed or pasted it.
     *
     * @param raw the key; surrounding whitespace is ignored
     * @return the key
     * @throws InvalidInputException naming {@code activationKey} and the rule it broke
     */
    public static ActivationKey of(String raw) {
        if (raw == null) {
            throw new InvalidInputException("activationKey", "is required");
        }
        String key = raw.strip();
        if (key.isEmpty()) {
            throw new InvalidInputException("activationKey", "must not be blank");
        }
        if (key.length() > LicenseServiceFacts.ACTIVATION_KEY_MAX_LENGTH) {
            throw new InvalidInputException("activationKey",
                    "must be at most " + LicenseServiceFacts.ACTIVATION_KEY_MAX_LENGTH + " characters (was "
                            + key.length() + ")");
        }
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            if (Character.isISOControl(c)) {
                throw new InvalidInputException("activationKey", "must not contain control characters");
            }
            if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                throw new InvalidInputException("activationKey", "must not contain whitespace inside the key");
            }
        }
        return new ActivationKey(Secret.of(key));
    }

    /** @return the key in clear, for the wire only */
    public String reveal() {
        return value.reveal();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ActivationKey that && value.equals(that.value);
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(value);
    }

    /** @return a mask; never the key */
    @Override
    public String toString() {
        return "ActivationKey[" + Masking.MASK + "]";
    }
}
