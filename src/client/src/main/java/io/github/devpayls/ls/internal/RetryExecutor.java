package io.github.devpayls.ls.internal;

import io.github.devpayls.ls.NoAnswerException;
import io.github.devpayls.ls.RetryPolicy;
import io.github.devpayls.ls.ServiceUnavailableException;
import io.github.devpayls.ls.TransportFailureException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.LongSupplier;
import java.util.function.LongUnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place where calls are retried. Runs attempts until one answers, the policy's attempts
 * run out, or the call's deadline would pass; waits between attempts with capped exponential
 * backoff and full jitter, or as long as {@code Retry-After} asks. Logs one DEBUG line per attempt.
 *
 * <p>Randomness, sleeping and both clocks are injected, so tests assert exact delays and never sleep.
 */
public final class RetryExecutor {

    private static final Logger LOG = LoggerFactory.getLogger(RetryExecutor.class);

    /** Waits; the real one is {@link Thread#sleep}. */
    @FunctionalInterface
    public interface Sleeper {
        /**
         * @param delay how long to wait
         * @throws InterruptedException when the thread is interrupted while waiting
         */
        void sleep(Duration delay) throws InterruptedException;
    }

    /** One attempt of a call. */
    @FunctionalInterface
    interface Attempt<T> {
        /**
         * @param attempt   the attempt's number, from 1
         * @param remaining time left until the call's deadline; the attempt must not wait longer
         * @return how the attempt ended; never throws for transport or service problems
         */
        AttemptOutcome<T> run(int attempt, Duration remaining);
    }

    private final RetryPolicy policy;
    private final Duration callDeadline;
    private final Sleeper sleeper;
    private final LongUnaryOperator random;
    private final LongSupplier nanoTime;
    private final Clock wallClock;

    /**
     * @param policy       when to try again
     * @param callDeadline longest a whole call may take
     * @param sleeper      how to wait
     * @param random       given a bound {@code n > 0}, a uniformly random value in {@code [0, n)}
     * @param nanoTime     a monotonic clock in nanoseconds, for the deadline
     * @param wallClock    the wall clock, for {@code Retry-After} dates
     */
    public RetryExecutor(RetryPolicy policy, Duration callDeadline, Sleeper sleeper, LongUnaryOperator random,
                         LongSupplier nanoTime, Clock wallClock) {
        this.policy = Objects.requireNonNull(policy, "policy");
        this.callDeadline = Objects.requireNonNull(callDeadline, "callDeadline");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
        this.random = Objects.requireNonNull(random, "random");
        this.nanoTime = Objects.requireNonNull(nanoTime, "nanoTime");
        this.wallClock = Objects.requireNonNull(wallClock, "wallClock");
    }

    /**
     * @param policy       when to try again
     * @param callDeadline longest a whole call may take
     * @return an executor that really sleeps, with a thread-local random source
     */
    public static RetryExecutor system(RetryPolicy policy, Duration callDeadline) {
        return new RetryExecutor(policy, callDeadline, delay -> Thread.sleep(delay.toMillis()),
                bound -> ThreadLocalRandom.current().nextLong(bound), System::nanoTime, Clock.systemUTC());
    }

    /**
     * Runs a call.
     *
     * @param operation the operation's name, for the log
     * @param attempt   one attempt
     * @param <T>       the result type
     * @return the result of the attempt that answered
     * @throws NoAnswerException when no attempt answered
     */
    public <T> T execute(String operation, Attempt<T> attempt) {
        long deadline = nanoTime.getAsLong() + callDeadline.toNanos();
        boolean anySent = false;
        AttemptOutcome<T> previous = null;
        for (int number = 1; ; number++) {
            long remaining = deadline - nanoTime.getAsLong();
            if (remaining <= 0 && previous != null) {
                // The wait overslept the deadline: no time is left for another attempt.
                throw finalFailure(previous, number - 1);
            }
            if (Thread.currentThread().isInterrupted()) {
                // Interrupted between attempts (or before the first): no further request is sent.
                throw new TransportFailureException(TransportFailureException.Kind.INTERRUPTED,
                        operation + " was interrupted before attempt " + number, anySent, number - 1, null);
            }
            AttemptOutcome<T> outcome = attempt.run(number, Duration.ofNanos(Math.max(remaining, 1)));
            previous = outcome;
            if (outcome instanceof AttemptOutcome.Answered<T> answered) {
                log(operation, number, outcome, "done", null);
                return answered.value();
            }
            anySent |= !(outcome instanceof AttemptOutcome.Failed<T> failed
                    && (failed.delivery() == AttemptOutcome.Delivery.NOT_SENT
                    || failed.delivery() == AttemptOutcome.Delivery.NOT_SENT_FOR_GOOD));
            Optional<Duration> retryAfter = outcome instanceof AttemptOutcome.Unavailable<T> unavailable
                    ? unavailable.retryAfter() : Optional.empty();
            boolean retryAllowed = number < policy.maxAttempts() && mayRetry(outcome);
            Duration delay = retryAllowed ? delayBefore(number + 1, retryAfter) : null;
            if (delay != null && nanoTime.getAsLong() + delay.toNanos() >= deadline) {
                log(operation, number, outcome, "giving up: a wait of " + delay + " would pass the deadline", null);
                throw finalFailure(outcome, number);
            }
            if (delay == null) {
                log(operation, number, outcome, "giving up", null);
                throw finalFailure(outcome, number);
            }
            log(operation, number, outcome, "retrying", delay);
            try {
                sleeper.sleep(delay);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new TransportFailureException(TransportFailureException.Kind.INTERRUPTED,
                        operation + " was interrupted while waiting to retry", anySent, number, null);
            }
        }
    }

    private boolean mayRetry(AttemptOutcome<?> outcome) {
        if (outcome instanceof AttemptOutcome.Unavailable<?>) {
            return true;
        }
        if (outcome instanceof AttemptOutcome.Failed<?> failed) {
            return switch (failed.delivery()) {
                case NOT_SENT -> true;
                case MAYBE_PROCESSED -> policy.retryPossiblyProcessedRequests();
                case NOT_SENT_FOR_GOOD, ANSWERED_INVALIDLY, ABANDONED -> false;
            };
        }
        return false;
    }

    private static NoAnswerException finalFailure(AttemptOutcome<?> outcome, int attempts) {
        if (outcome instanceof AttemptOutcome.Unavailable<?> unavailable) {
            String cause = unavailable.error().map(e -> " (" + e.rawCode() + ")").orElse("");
            return new ServiceUnavailableException("the service was unavailable after " + attempts
                    + (attempts == 1 ? " attempt" : " attempts") + "; last answer HTTP " + unavailable.httpStatus() + cause,
                    attempts, unavailable.httpStatus(), unavailable.requestId(), unavailable.error());
        }
        return ((AttemptOutcome.Failed<?>) outcome).failure().apply(attempts);
    }

    /**
     * The wait before an attempt: a random value in {@code [0, min(maxDelay, baseDelay * 2^(n-2))]}
     * for attempt {@code n >= 2}, raised to {@code Retry-After} when the service asked for more.
     *
     * @param nextAttempt the number of the attempt about to be made, from 2
     * @param retryAfter  what the service asked for, if anything
     * @return the wait
     */
    Duration delayBefore(int nextAttempt, Optional<Duration> retryAfter) {
        long base = policy.baseDelay().toMillis();
        long cap = policy.maxDelay().toMillis();
        long ceiling = Math.min(base, cap);
        for (int i = 2; i < nextAttempt && ceiling < cap; i++) {
            ceiling = ceiling > cap / 2 ? cap : ceiling * 2;
        }
        long jittered = ceiling == 0 ? 0 : random.applyAsLong(ceiling + 1);
        Duration delay = Duration.ofMillis(jittered);
        if (retryAfter.isPresent() && retryAfter.get().compareTo(delay) > 0) {
            delay = retryAfter.get();
        }
        return delay;
    }

    /**
     * Reads a {@code Retry-After} value: delay-seconds or an HTTP date (RFC 9110).
     *
     * @param value the header value; may be {@code null}
     * @return the wait it asks for, never negative; empty when absent or unreadable
     */
    public Optional<Duration> parseRetryAfter(String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        String v = value.strip();
        if (v.chars().allMatch(Character::isDigit)) {
            try {
                return Optional.of(Duration.ofSeconds(Long.parseLong(v)));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }
        try {
            Instant at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            Duration until = Duration.between(wallClock.instant(), at);
            return Optional.of(until.isNegative() ? Duration.ZERO : until);
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private void log(String operation, int number, AttemptOutcome<?> outcome, String decision, Duration delay) {
        if (!LOG.isDebugEnabled()) {
            return;
        }
        String what = outcome instanceof AttemptOutcome.Failed<?> failed ? "failed (" + failed.delivery() + ")"
                : outcome instanceof AttemptOutcome.Unavailable<?> ? "unavailable" : "answered";
        LOG.debug("{} attempt {}/{}: status={} {} requestId={} -> {} delay={}", operation, number,
                policy.maxAttempts(), outcome.httpStatus() < 0 ? "-" : outcome.httpStatus(), what,
                outcome.requestId().map(Object::toString).orElse("-"), decision,
                delay == null ? "-" : delay.toMillis() + "ms");
    }
}
