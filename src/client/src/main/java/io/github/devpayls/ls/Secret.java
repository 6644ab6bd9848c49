package io.github.devpayls.ls;

import io.github.devpayls.ls.contract.Masking;

import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * A secret string — a user token, a secret access key or an activation key — that never prints
 * itself. {@link #toString()} is masked; the value comes out only through {@link #reveal()}.
 *
 * <p>A final class rather than a record: a record's generated {@code toString} would print the
 * value. Equality compares values in constant time.
 */
public final class Secret {

    private final String value;

    private Secret(String value) {
        this.value = value;
    }

    /**
     * Wraps a secret value.
     *
     * @param value the secret; not {@code null}
     * @return the wrapped secret
     */
    public static Secret of(String value) {
        return new Secret(Objects.requireNonNull(value, "value"));
    }

    /**
     * Returns the secret in clear. Call it only where the value must leave the process (on the
     * wire, into encrypted storage) — never to log or display it.
     *
     * @return the value in clear
     */
    public String reveal() {
        return value;
    }

    /** @return the number of characters of the secret (safe to show) */
    public int length() {
        return value.length();
    }

    /** @return {@code true} when the secret is empty or only whitespace */
    public boolean isBlank() {
        return value.isBlank();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Secret that
                && MessageDigest.isEqual(
                        value.getBytes(StandardCharsets.UTF_8), that.value.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public int hashCode() {
        // Constant: a hash of the value would leak information about it.
        return 0x5ec7e7;
    }

    /** @return a fixed mask with the length, never the value */
    @Override
    public String toString() {
        return "Secret[" + Masking.masked(value.length()) + "]";
    }
}
