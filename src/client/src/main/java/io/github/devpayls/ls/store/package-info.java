/**
 * Credential storage for desktop products: one entry per product holding the credential set
 * ActivateDesktopProduct issued, when it was activated, the token lifetime requested and an
 * optional "invalidated" mark.
 *
 * <p>{@link io.github.devpayls.ls.store.CredentialStore} is the abstraction; the file-based
 * default comes from {@link io.github.devpayls.ls.store.CredentialStore#inFiles()}, an in-memory
 * one for tests from {@link io.github.devpayls.ls.store.CredentialStore#inMemory()}. Reading never
 * throws over a bad entry: it returns a {@link io.github.devpayls.ls.store.CredentialLookup} that
 * is either a complete, usable set or the reason there is none. The on-disk format, location rules,
 * encryption and atomicity are described in {@code docs/storage.md}.
 *
 * <p>Null policy: no method of this package accepts or returns {@code null}; optional values are
 * {@link java.util.Optional}. Bad arguments fail fast with
 * {@link io.github.devpayls.ls.InvalidInputException}. Secrets never appear in a
 * {@code toString}, an exception message or a log line.
 */
package io.github.devpayls.ls.store;
