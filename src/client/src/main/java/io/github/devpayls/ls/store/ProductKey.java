package io.github.devpayls.ls.store;

import io.github.devpayls.ls.InvalidInputException;
import java.util.regex.Pattern;

/**
 * Names one product's entry in a {@link CredentialStore}: the product code or an id the
 * application chooses. It is not the activation key, and not secret. Two products on one machine
 * use two keys and so keep two separate credential sets.
 *
 * <p>The value becomes part of a file name, so it is limited to ASCII letters, digits, {@code .},
 * {@code _} and {@code -}, starts with a letter or digit and is at most 64 characters long.
 * Keys differing only in case should not be used: some file systems ignore case.
 *
 * @param value the key, e.g. a DevPay product code
 */
public record ProductKey(String value) {

    private static final Pattern SHAPE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    /**
     * @throws InvalidInputException when the value is missing or not a safe file-name part
     */
    public ProductKey {
        requireFileNameSafe("productKey", value);
    }

    /**
     * Creates a key.
     *
     * @param value the product code or a caller-chosen id
     * @return the key
     * @throws InvalidInputException when the value is missing or not a safe file-name part
     */
    public static ProductKey of(String value) {
        return new ProductKey(value);
    }

    /** Checks that a name can be used as one file-name part on every supported OS. */
    static void requireFileNameSafe(String field, String value) {
        if (value == null) {
            throw new InvalidInputException(field, "is required");
        }
        if (!SHAPE.matcher(value).matches()) {
            throw new InvalidInputException(field,
                    "must be 1 to 64 ASCII letters, digits, '.', '_' or '-', starting with a letter or digit");
        }
    }

    /** @return the value itself; a product key is not secret */
    @Override
    public String toString() {
        return value;
    }
}
