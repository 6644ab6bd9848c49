package io.github.devpayls.ls.store;

import io.github.devpayls.ls.DesktopCredentials;
import io.github.devpayls.ls.InvalidInputException;

/**
 * A usable entry: complete, readable, not expired at the time of reading and not invalidated.
 *
 * @param entry the stored entry
 */
public record StoredCredentials(CredentialEntry entry) implements CredentialLookup {

    /**
     * @throws InvalidInputException when the entry is missing
     */
    public StoredCredentials {
        if (entry == null) {
            throw new InvalidInputException("entry", "is required");
        }
    }

    /** @return the credential set of the entry */
    public DesktopCredentials credentials() {
        return entry.credentials();
    }
}
