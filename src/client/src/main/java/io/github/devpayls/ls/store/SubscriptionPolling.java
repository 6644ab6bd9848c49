package io.github.devpayls.ls.store;

import io.github.devpayls.ls.InvalidInputException;
import java.time.Duration;

/**
 * How {@link DesktopActivation#awaitSubscription(Duration)} polls VerifyProductSubscriptionByTokens
 * while the customer's card is vetted: every {@link #interval()} while the service answers "not
 * yet", and, when it gives no answer (throttled, unreachable), waits that double each time up to
 * {@link #maxInterval()}, so a struggling service is never hammered. The decided values are here.
 *
 * @param interval    the wait between two checks the service answered
 * @param maxInterval the longest wait after repeated failures to get an answer
 */
public record SubscriptionPolling(Duration interval, Duration maxInterval) {

    /** Decided: real desktop products polled every 30 s right after activation. */
    public static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(30);
    /** Decided: after failures, at most one check every 5 minutes. */
    public static final Duration DEFAULT_MAX_INTERVAL = Duration.ofMinutes(5);
    /** Decided: real products gave up after 20 minutes; the suggested {@code awaitSubscription} timeout. */
    public static final Duration DEFAULT_WAIT = Duration.ofMinutes(20);

    /** @throws InvalidInputException when a wait is missing or not positive, or the maximum is below the interval */
    public SubscriptionPolling {
        if (interval == null || interval.isNegative() || interval.isZero()) {
            throw new InvalidInputException("interval", "must be a positive duration");
        }
        if (maxInterval == null || maxInterval.compareTo(interval) < 0) {
            throw new InvalidInputException("maxInterval", "must be at least the interval (" + interval + ")");
        }
    }

    /** @return every 30 s, backing off to every 5 minutes after failures */
    public static SubscriptionPolling defaults() {
        return new SubscriptionPolling(DEFAULT_INTERVAL, DEFAULT_MAX_INTERVAL);
    }

    /**
     * @param previous the wait before the failed check
     * @return the wait after another check that got no answer: doubled, at most {@link #maxInterval()}
     */
    Duration afterFailure(Duration previous) {
        Duration doubled = previous.multipliedBy(2);
        return doubled.compareTo(maxInterval) > 0 ? maxInterval : doubled;
    }
}
