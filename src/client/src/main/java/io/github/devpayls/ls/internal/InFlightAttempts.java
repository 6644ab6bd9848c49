package io.github.devpayls.ls.internal;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;

/**
 * The attempts one client has in flight, over either transport, so that closing the client ends
 * them promptly ({@link AttemptTrace.Abort#CLOSED}) instead of leaving them to fail inside a
 * destroyed CXF client; and the one place an attempt is put under the {@link DeadlineWatchdog}
 * (its deadline, its caller's interrupts).
 */
final class InFlightAttempts {

    /** Ends the watch of one attempt; call when the attempt ends, however it ends. */
    interface Watch extends AutoCloseable {
        @Override
        void close();
    }

    private final Set<AttemptTrace> running = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    /**
     * @param attempt   the attempt about to run on the calling thread
     * @param remaining time left until the call's deadline
     * @return the watch to close when the attempt ends
     */
    Watch begin(AttemptTrace attempt, Duration remaining) {
        running.add(attempt);
        if (closed) {
            // Closed between the caller's check and here: the attempt must not start.
            attempt.abandon(AttemptTrace.Abort.CLOSED);
        }
        ScheduledFuture<?> deadline = DeadlineWatchdog.schedule(attempt::abortForDeadline, remaining);
        DeadlineWatchdog.watch(attempt);
        return () -> {
            deadline.cancel(false);
            DeadlineWatchdog.unwatch(attempt);
            running.remove(attempt);
        };
    }

    /** Abandons every attempt in flight and every later one; does not wait for them to end. */
    void closeAll() {
        closed = true;
        for (AttemptTrace attempt : running) {
            attempt.abandon(AttemptTrace.Abort.CLOSED);
        }
    }
}
