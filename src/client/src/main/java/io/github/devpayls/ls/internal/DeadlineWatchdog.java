package io.github.devpayls.ls.internal;

import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * One daemon thread for the whole library that cuts attempts off at their call's deadline while
 * they still wait for the answer's head (see {@link AttemptTrace#abortForDeadline()}); the body
 * stream checks the deadline itself. The socket read timeout bounds each silence, not the whole
 * exchange: headers trickling in a byte at a time would otherwise hold a call past its deadline.
 */
final class DeadlineWatchdog {

    private static final ScheduledThreadPoolExecutor TIMER = create();

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
}
