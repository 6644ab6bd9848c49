package io.github.devpayls.ls.store;

import io.github.devpayls.ls.store.NoUsableCredentials.Reason;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/** The in-memory store for tests: same judging and locking rules as the file store, no files. */
final class InMemoryCredentialStore extends LockingCredentialStore {

    private final Map<ProductKey, CredentialEntry> entries = new ConcurrentHashMap<>();
    private final ReentrantLock writeLock = new ReentrantLock();

    InMemoryCredentialStore(Clock clock) {
        super(clock);
    }

    @Override
    CredentialEntry load(ProductKey productKey) throws UnusableEntry {
        CredentialEntry entry = entries.get(productKey);
        if (entry == null) {
            throw new UnusableEntry(Reason.NONE_STORED, "no entry for product " + productKey);
        }
        return entry;
    }

    @Override
    void store(ProductKey productKey, CredentialEntry entry) {
        entries.put(productKey, entry);
    }

    @Override
    void probeWrite(ProductKey productKey) {
        // Memory is always writable.
    }

    @Override
    boolean remove(ProductKey productKey) {
        return entries.remove(productKey) != null;
    }

    @Override
    <T> T locked(ProductKey productKey, Supplier<T> action) {
        // One lock for all products: the in-memory store serves tests, where simplicity beats throughput.
        writeLock.lock();
        try {
            return action.get();
        } finally {
            writeLock.unlock();
        }
    }

    @Override
    public String toString() {
        return "InMemoryCredentialStore[" + entries.size() + " entries]";
    }
}
