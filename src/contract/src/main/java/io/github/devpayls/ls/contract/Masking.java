package io.github.devpayls.ls.contract;

/**
 * How every part of the project prints a secret (activation key, product token, user token,
 * secret access key, signature): the one spelling of the mask, shared by the client, the CLI and
 * the simulator. The length may show; the value never does.
 */
public final class Masking {

    /** What stands in for a secret's value. */
    public static final String MASK = "****";

    private Masking() {
    }

    /**
     * @param secret a secret's value; may be {@code null}
     * @return {@code **** (N chars)}, or {@code null} for {@code null}
     */
    public static String masked(CharSequence secret) {
        return secret == null ? "null" : masked(secret.length());
    }

    /**
     * @param length a secret's length
     * @return {@code **** (N chars)}
     */
    public static String masked(int length) {
        return MASK + " (" + length + " chars)";
    }
}
