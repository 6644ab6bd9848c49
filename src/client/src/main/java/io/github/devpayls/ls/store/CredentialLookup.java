package io.github.devpayls.ls.store;

/**
 * What reading a product's entry found: either {@link StoredCredentials}, a complete set the
 * product may use, or {@link NoUsableCredentials} with the reason there is none. Never a partial
 * set; switch over the two variants.
 */
public sealed interface CredentialLookup permits StoredCredentials, NoUsableCredentials {

    /** @return {@code true} for {@link StoredCredentials} */
    default boolean isUsable() {
        return this instanceof StoredCredentials;
    }
}
