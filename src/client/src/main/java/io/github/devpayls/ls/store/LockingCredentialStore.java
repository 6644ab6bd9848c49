package io.github.devpayls.ls.store;

import io.github.devpayls.ls.InvalidInputException;
import io.github.devpayls.ls.store.NoUsableCredentials.Reason;
import java.time.Clock;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The behaviour every store shares — judging entries, marking, compare-and-replace — over four
 * primitives a concrete store provides: load, store, remove and "run under the product's lock".
 */
abstract class LockingCredentialStore implements CredentialStore {

    private final Clock clock;

    LockingCredentialStore(Clock clock) {
        this.clock = clock;
    }

    /** Loads the raw entry, whatever its expiry or mark; never returns {@code null}. */
    abstract CredentialEntry load(ProductKey productKey) throws UnusableEntry;

    /** Durably stores the entry; called under the product's lock. */
    abstract void store(ProductKey productKey, CredentialEntry entry);

    /** Removes the entry; called under the product's lock. */
    abstract boolean remove(ProductKey productKey);

    /** Runs the action holding the product's lock against every other writer. */
    abstract <T> T locked(ProductKey productKey, Supplier<T> action);

    /** Proves an entry could be stored now without changing it; called under the product's lock. */
    abstract void probeWrite(ProductKey productKey);

    @Override
    public final void checkWritable(ProductKey productKey) {
        requireKey(productKey);
        locked(productKey, () -> {
            probeWrite(productKey);
            return null;
        });
    }

    @Override
    public final CredentialLookup read(ProductKey productKey) {
        requireKey(productKey);
        try {
            return judge(load(productKey));
        } catch (UnusableEntry unusable) {
            return unusable.lookup();
        }
    }

    @Override
    public final void replace(ProductKey productKey, CredentialEntry entry) {
        requireEntryFor(productKey, entry);
        locked(productKey, () -> {
            store(productKey, entry);
            return null;
        });
    }

    @Override
    public final CredentialLookup markInvalid(ProductKey productKey, String reason) {
        requireKey(productKey);
        Invalidation mark = new Invalidation(reason, clock.instant());
        return locked(productKey, () -> {
            CredentialEntry current;
            try {
                current = load(productKey);
            } catch (UnusableEntry unusable) {
                return unusable.lookup();
            }
            if (current.invalidation().isEmpty()) {
                current = current.invalidated(mark);
                store(productKey, current);
            }
            return judge(current);
        });
    }

    @Override
    public final boolean delete(ProductKey productKey) {
        requireKey(productKey);
        return locked(productKey, () -> remove(productKey));
    }

    @Override
    public final CredentialLookup update(ProductKey productKey,
            Function<CredentialLookup, Optional<CredentialEntry>> change) {
        requireKey(productKey);
        if (change == null) {
            throw new InvalidInputException("change", "is required");
        }
        return locked(productKey, () -> {
            CredentialLookup current = read(productKey);
            Optional<CredentialEntry> next = change.apply(current);
            if (next == null) {
                throw new InvalidInputException("change", "must return an Optional, not null");
            }
            if (next.isEmpty()) {
                return current;
            }
            requireEntryFor(productKey, next.get());
            store(productKey, next.get());
            return judge(next.get());
        });
    }

    /** Turns a complete entry into what a read reports now: an invalidation wins over expiry. */
    private CredentialLookup judge(CredentialEntry entry) {
        if (entry.invalidation().isPresent()) {
            Invalidation mark = entry.invalidation().get();
            return new NoUsableCredentials(Reason.INVALIDATED,
                    "marked invalid at " + mark.invalidatedAt() + ": " + mark.reason());
        }
        if (entry.isExpiredAt(clock.instant())) {
            return new NoUsableCredentials(Reason.EXPIRED, "the user token expired at "
                    + entry.expiresAt().orElseThrow() + " (activated " + entry.activatedAt()
                    + ", TokenExpiration " + entry.tokenExpiration().orElseThrow() + ")");
        }
        return new StoredCredentials(entry);
    }

    private static void requireKey(ProductKey productKey) {
        if (productKey == null) {
            throw new InvalidInputException("productKey", "is required");
        }
    }

    private static void requireEntryFor(ProductKey productKey, CredentialEntry entry) {
        requireKey(productKey);
        if (entry == null) {
            throw new InvalidInputException("entry", "is required");
        }
        if (!entry.productKey().equals(productKey)) {
            throw new InvalidInputException("entry",
                    "belongs to product " + entry.productKey() + ", not " + productKey);
        }
    }
}
