package io.github.devpayls.ls.store;

import io.github.devpayls.ls.InvalidInputException;

/**
 * There is no set the product may use; {@link #reason()} says why and {@link #detail()} explains
 * it in words (never with a secret in it). Every reason means the product needs a new activation,
 * except {@link Reason#INSECURE_PERMISSIONS} and {@link Reason#UNREADABLE}, which may first need
 * the user's attention.
 *
 * @param reason why nothing usable was found
 * @param detail a human-readable explanation, e.g. the file problem found
 */
public record NoUsableCredentials(Reason reason, String detail) implements CredentialLookup {

    /**
     * @throws InvalidInputException when reason or detail is missing
     */
    public NoUsableCredentials {
        if (reason == null) {
            throw new InvalidInputException("reason", "is required");
        }
        if (detail == null) {
            throw new InvalidInputException("detail", "is required");
        }
    }

    /** Why a product has no usable credentials. */
    public enum Reason {
        /** Nothing was ever stored for the product, or the entry was deleted. */
        NONE_STORED,
        /** The entry is cut short (empty file, write interrupted, truncated) or lacks a part of the set. */
        INCOMPLETE,
        /** The entry is not in the expected shape: garbage, a bad checksum, unparsable values, another product's entry. */
        CORRUPTED,
        /** The entry was written in a format version this library does not read. */
        UNSUPPORTED_VERSION,
        /**
         * The entry file is readable or writable by group or others, so its secrets may have leaked;
         * the store refuses it rather than use credentials others could have copied.
         */
        INSECURE_PERMISSIONS,
        /**
         * An encrypted entry failed authentication (tampered with, or a wrong key or passphrase), or
         * the entry's protection does not match the store's (encrypted vs clear).
         */
        DECRYPTION_FAILED,
        /** The entry exists but could not be read (an I/O error, or it is not a regular file). */
        UNREADABLE,
        /** The set is complete but its user token's {@code TokenExpiration} has passed. */
        EXPIRED,
        /** The application marked the set invalid, e.g. after S3 rejected the user token. */
        INVALIDATED
    }
}
