package io.github.devpayls.ls.store;

import io.github.devpayls.ls.InvalidInputException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.function.Function;

/**
 * Keeps one credential entry per product. Implementations are thread-safe; the file store is also
 * safe between processes. Reading never throws over a missing or damaged entry: it reports it as
 * {@link NoUsableCredentials}. Writing either completes or leaves the previous entry in place, and
 * throws {@link CredentialStoreException} when the store could not be written.
 *
 * <p>Designed for an activation lifecycle on top: {@code current()} is {@link #read}, a new
 * activation is {@link #replace} (or {@link #update} to decide under the lock), and "S3 rejected
 * the token" is {@link #markInvalid}.
 */
public interface CredentialStore {

    /**
     * Reads the product's entry and judges it against the store's clock.
     *
     * @param productKey the product
     * @return the usable set, or the reason there is none (also {@code EXPIRED} and {@code INVALIDATED})
     */
    CredentialLookup read(ProductKey productKey);

    /**
     * Stores the entry in place of whatever the product had, atomically: a reader sees the old entry
     * until the new one is durably written, then the new one, never a mix.
     *
     * @param productKey the product
     * @param entry      the entry to store; its product key must be {@code productKey}
     * @throws InvalidInputException    when the entry belongs to another product
     * @throws CredentialStoreException when the entry could not be written; the old one is kept
     */
    void replace(ProductKey productKey, CredentialEntry entry);

    /**
     * Marks the stored set invalid, keeping it stored. Does nothing when no complete set is stored
     * or the set is already marked.
     *
     * @param productKey the product
     * @param reason     why, in words; no secrets (see {@link Invalidation})
     * @return what a read returns afterwards: {@code INVALIDATED} when a set was marked or already
     *         marked, otherwise the reason nothing could be marked
     * @throws InvalidInputException    when the reason is blank, too long or spans lines
     * @throws CredentialStoreException when the mark could not be written
     */
    CredentialLookup markInvalid(ProductKey productKey, String reason);

    /**
     * Removes the product's entry, whatever its state.
     *
     * @param productKey the product
     * @return {@code true} when an entry existed
     * @throws CredentialStoreException when the entry could not be removed
     */
    boolean delete(ProductKey productKey);

    /**
     * Reads the entry and lets {@code change} decide what to store, holding the product's lock
     * throughout so no other writer (thread or process) interleaves. Use it for compare-and-replace,
     * e.g. "store the new set unless another activation already stored a newer one", or "mark the
     * set invalid only if it is still the set S3 rejected".
     *
     * @param productKey the product
     * @param change     receives the current lookup; returns the entry to store, or empty to keep
     *                   the store unchanged. It runs under a lock: keep it short, and call only
     *                   this store's methods for the same product from inside it
     * @return what a read returns after the update
     * @throws InvalidInputException    when the returned entry belongs to another product
     * @throws CredentialStoreException when the entry could not be written; the old one is kept
     */
    CredentialLookup update(ProductKey productKey, Function<CredentialLookup, Optional<CredentialEntry>> change);

    /**
     * Checks that an entry for the product could be written now, changing no entry: call it before
     * asking the service for a set, so an unwritable store is found before a set is issued and lost.
     * {@link DesktopActivation#activate} calls it before sending anything. A store may still fail
     * later (a full disk, a directory changed in between); {@link #replace} reports that.
     *
     * <p>The file store creates the directory and the product's lock file if missing, writes and
     * removes a temp file under the product's lock, and refuses an entry path that is a directory.
     * The default does nothing, for stores that cannot check ahead.
     *
     * @param productKey the product
     * @throws InvalidInputException    when the key is missing
     * @throws CredentialStoreException when an entry could not be written; the message names the file
     */
    default void checkWritable(ProductKey productKey) {
        if (productKey == null) {
            throw new InvalidInputException("productKey", "is required");
        }
    }

    /**
     * Where this store keeps a product's entry, for showing to a user (the file store's
     * {@code <product>.credentials} file). The default: nowhere a user could look.
     *
     * @param productKey the product
     * @return the entry's location, when the store has one
     * @throws InvalidInputException when the key is missing
     */
    default Optional<Path> entryLocation(ProductKey productKey) {
        if (productKey == null) {
            throw new InvalidInputException("productKey", "is required");
        }
        return Optional.empty();
    }

    /**
     * Starts configuring the file-based store (see {@code docs/storage.md}).
     *
     * @return a builder
     */
    static FileStoreBuilder inFiles() {
        return new FileStoreBuilder();
    }

    /**
     * An in-memory store on the system clock, for tests: nothing survives the process.
     *
     * @return an empty store
     */
    static CredentialStore inMemory() {
        return inMemory(Clock.systemUTC());
    }

    /**
     * An in-memory store for tests, judging expiry and stamping invalidations with the given clock.
     *
     * @param clock the clock
     * @return an empty store
     * @throws InvalidInputException when the clock is missing
     */
    static CredentialStore inMemory(Clock clock) {
        if (clock == null) {
            throw new InvalidInputException("clock", "is required");
        }
        return new InMemoryCredentialStore(clock);
    }
}
