package io.github.devpayls.ls.store;

/**
 * The store could not be written or its lock could not be taken (an I/O failure, a full disk, an
 * interrupted thread). The message names the product and the file, never a secret. Readers then
 * still see a complete entry: the previous one, or — when only making the directory change durable
 * failed, after the atomic rename — the new one; never a mix.
 */
public final class CredentialStoreException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * @param message what failed, without secrets
     * @param cause   the underlying failure
     */
    public CredentialStoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
