package io.github.devpayls.ls.cli;

import io.github.devpayls.ls.store.CredentialEntry;
import io.github.devpayls.ls.store.CredentialLookup;
import io.github.devpayls.ls.store.CredentialStore;
import io.github.devpayls.ls.store.CredentialStoreException;
import io.github.devpayls.ls.store.ProductKey;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

/**
 * Ctrl-C (SIGINT, also SIGTERM) during {@code activate}: a shutdown hook prints the
 * {@code interrupted} outcome, and the store the activation writes through refuses to write once
 * the hook ran, so an interrupted run leaves the stored set as it was. The JVM then exits 130
 * (128 + SIGINT). Exactly one outcome is printed: the command's own, or the interruption's.
 */
final class InterruptGuard {

    // Long enough for the command to finish printing an outcome it already claimed.
    private static final long OUTPUT_WAIT_SECONDS = 5;

    private final Object lock = new Object();
    private final AtomicBoolean outputClaimed = new AtomicBoolean();
    private final CountDownLatch outputDone = new CountDownLatch(1);
    private final Thread hook;
    private boolean interrupted;

    private InterruptGuard(Runnable printInterrupted) {
        this.hook = new Thread(() -> {
            synchronized (lock) { // waits for a replace in progress: it finishes or never starts
                interrupted = true;
            }
            if (outputClaimed.compareAndSet(false, true)) {
                printInterrupted.run();
            } else {
                awaitOutput();
            }
        }, "devpay-ls-interrupt");
    }

    /** @return a guard whose hook is installed until {@link #uninstall()} */
    static InterruptGuard install(Runnable printInterrupted) {
        InterruptGuard guard = new InterruptGuard(printInterrupted);
        Runtime.getRuntime().addShutdownHook(guard.hook);
        return guard;
    }

    /** Removes the hook; a no-op once the JVM is shutting down. */
    void uninstall() {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // The hook runs or ran; it prints the outcome.
        }
    }

    /** @return whether the command may print its outcome (false: the interruption's was printed) */
    boolean claimOutput() {
        return outputClaimed.compareAndSet(false, true);
    }

    /** Says the command's outcome is printed, so a hook waiting for it may let the JVM exit. */
    void outputDone() {
        outputDone.countDown();
    }

    private void awaitOutput() {
        try {
            outputDone.await(OUTPUT_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** @return the store seen through this guard: writes are refused once interrupted */
    CredentialStore guarding(CredentialStore store) {
        return new CredentialStore() {
            @Override
            public CredentialLookup read(ProductKey productKey) {
                return store.read(productKey);
            }

            @Override
            public void replace(ProductKey productKey, CredentialEntry entry) {
                synchronized (lock) {
                    refuseIfInterrupted(productKey);
                    store.replace(productKey, entry);
                }
            }

            @Override
            public CredentialLookup markInvalid(ProductKey productKey, String reason) {
                synchronized (lock) {
                    refuseIfInterrupted(productKey);
                    return store.markInvalid(productKey, reason);
                }
            }

            @Override
            public boolean delete(ProductKey productKey) {
                synchronized (lock) {
                    refuseIfInterrupted(productKey);
                    return store.delete(productKey);
                }
            }

            @Override
            public CredentialLookup update(ProductKey productKey,
                    Function<CredentialLookup, Optional<CredentialEntry>> change) {
                synchronized (lock) {
                    refuseIfInterrupted(productKey);
                    return store.update(productKey, change);
                }
            }

            @Override
            public void checkWritable(ProductKey productKey) {
                store.checkWritable(productKey);
            }

            @Override
            public String toString() {
                return store.toString();
            }
        };
    }

    private void refuseIfInterrupted(ProductKey productKey) {
        if (interrupted) {
            throw new CredentialStoreException("interrupted: the entry for product " + productKey
                    + " was left unchanged", null);
        }
    }
}
