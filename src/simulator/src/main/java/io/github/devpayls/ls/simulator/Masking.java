package io.github.devpayls.ls.simulator;

/** How the simulator's values print when they are secrets (keys, tokens, secret keys). */
final class Masking {

    private Masking() {
    }

    /** Shows only the length, so equal-looking values in logs cannot leak a secret. */
    static String mask(String secret) {
        return secret == null ? "null" : "****(" + secret.length() + " chars)";
    }
}
