package io.github.devpayls.ls.store;

import io.github.devpayls.ls.store.NoUsableCredentials.Reason;

/**
 * Internal signal that an entry cannot be used; carries the lookup the caller reports. Checked, so
 * that no code path forgets it, and without a stack trace, since it is an expected outcome.
 */
final class UnusableEntry extends Exception {

    private static final long serialVersionUID = 1L;

    private final transient NoUsableCredentials lookup;

    UnusableEntry(Reason reason, String detail) {
        super(detail, null, false, false);
        this.lookup = new NoUsableCredentials(reason, detail);
    }

    NoUsableCredentials lookup() {
        return lookup;
    }
}
