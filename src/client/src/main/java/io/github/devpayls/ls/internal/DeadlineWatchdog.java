package io.github.devpayls.ls.internal;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * One daemon thread for the whole library that cuts attempts off at their call's deadline while
 * they still wait for the answer's head (see {@link AttemptTrace#abortForDeadline()}); the body
 * stream checks the deadline itself. The socket read timeout bounds each silence, not the whole
 * exchange: headers trickling in a byte at a time would otherwise hold a call past its deadline.
 *
 * <p>The same thread watches the callers of running attempts for interrupts: a thread blocked in
 * {@code HttpURLConnection}'s plain-HTTP socket reads does not notice its interrupt (a TLS
 * connection runs on a channel, which an interrupt closes at once), so while any attempt runs
 * the watchdog looks every {@link ClientDefaults#INTERRUPT_CHECK_INTERVAL} and abandons the attempts
 * whose caller was interrupted (see {@link AttemptTrace#checkCaller()}). It stops looking when none runs.
 */
final class DeadlineWatchdog {

    private static final ScheduledThreadPoolExecutor TIMER = create();
    private static final Object LOCK = new Object();
    private static final Set<AttemptTrace> RUNNING = ConcurrentHashMap.newKeySet();
    // Guarded by LOCK: the periodic check, scheduled only while an attempt runs.
    private static ScheduledFuture<?> checker;

    private DeadlineWatchdog() {
    }

    private static ScheduledThreadPoolExecutor create() {
        ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1, task -> {
            Thread thread = new Thread(task, "devpay-ls-deadline-watchdog");
            thread.setDaemon(true);
            return thread;
        });
        // Nearly every task is cancelled when its call answers in time; drop those at once.
        timer.setRemoveOnCancelPolicy(true);
        return timer;
    }

    /**
     * @param abort  what to do when the deadline passes
     * @param within time left until the deadline
     * @return the scheduled task; cancel it when the attempt ends
     */
    static ScheduledFuture<?> schedule(Runnable abort, Duration within) {
        return TIMER.schedule(abort, Math.max(1, within.toNanos()), TimeUnit.NANOSECONDS);
    }

    /**
     * Watches an attempt's caller for interrupts until {@link #unwatch}.
     *
     * @param attempt the running attempt
     */
    static void watch(AttemptTrace attempt) {
        synchronized (LOCK) {
            RUNNING.add(attempt);
            if (checker == null) {
                long every = ClientDefaults.INTERRUPT_CHECK_INTERVAL.toNanos();
                checker = TIMER.scheduleWithFixedDelay(DeadlineWatchdog::checkCallers, every, every, TimeUnit.NANOSECONDS);
            }
        }
    }

    /** @param attempt an attempt that has ended */
    static void unwatch(AttemptTrace attempt) {
        RUNNING.remove(attempt);
    }

    private static void checkCallers() {
        for (AttemptTrace attempt : RUNNING) {
            attempt.checkCaller();
        }
        synchronized (LOCK) {
            if (RUNNING.isEmpty() && checker != null) {
                checker.cancel(false);
                checker = null;
            }
        }
    }
}
