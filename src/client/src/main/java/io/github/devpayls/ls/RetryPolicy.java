package io.github.devpayls.ls;

import io.github.devpayls.ls.internal.ClientDefaults;

import java.time.Duration;
import java.util.Objects;

/**
 * When and how often a call is tried again. Retried are: throttling (HTTP 503), service errors
 * the service documents as retryable ({@code InternalError}, {@code ServiceUnavailable},
 * {@code RequestThrottled}), and connection failures where the request was certainly not sent.
 * A request that may have reached the service (a read timeout, a connection lost mid-call) is
 * retried only when {@link #retryPossiblyProcessedRequests()} is on: activation issues a new
 * credential set each time, so a blind retry can leave an earlier set unused.
 *
 * <p>Between attempts the client waits a random delay between zero and
 * {@code min(maxDelay, baseDelay * 2^(retry - 1))} ("full jitter"), or longer when the service
 * asked for it with {@code Retry-After}. No attempt and no wait goes past the call's deadline.
 *
 * @param maxAttempts                    total attempts including the first, at least 1
 * @param baseDelay                      the ceiling of the first wait; not negative
 * @param maxDelay                       the largest ceiling of any wait; at least {@code baseDelay}
 * @param retryPossiblyProcessedRequests whether a request that may have reached the service is retried
 */
public record RetryPolicy(int maxAttempts, Duration baseDelay, Duration maxDelay,
                          boolean retryPossiblyProcessedRequests) {

    /** @throws IllegalArgumentException when a value breaks the rules above */
    public RetryPolicy {
        if (maxAttempts < 1) {
            throw new InvalidInputException("maxAttempts", "must be at least 1");
        }
        Objects.requireNonNull(baseDelay, "baseDelay");
        Objects.requireNonNull(maxDelay, "maxDelay");
        if (baseDelay.isNegative()) {
            throw new InvalidInputException("baseDelay", "must not be negative");
        }
        if (maxDelay.compareTo(baseDelay) < 0) {
            throw new InvalidInputException("maxDelay", "must not be shorter than baseDelay");
        }
    }

    /** @return the default policy: 4 attempts, waits up to 200 ms doubling to 5 s, no retry of possibly processed requests */
    public static RetryPolicy defaults() {
        return builder().build();
    }

    /** @return a policy that never retries */
    public static RetryPolicy none() {
        return new RetryPolicy(1, Duration.ZERO, Duration.ZERO, false);
    }

    /** @return a builder starting from {@link #defaults()} */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link RetryPolicy}; starts from the defaults. Not thread-safe. */
    public static final class Builder {
        private int maxAttempts = ClientDefaults.DEFAULT_RETRY_MAX_ATTEMPTS;
        private Duration baseDelay = ClientDefaults.DEFAULT_RETRY_BASE_DELAY;
        private Duration maxDelay = ClientDefaults.DEFAULT_RETRY_MAX_DELAY;
        private boolean retryPossiblyProcessedRequests;

        private Builder() {
        }

        /**
         * @param maxAttempts total attempts including the first, at least 1
         * @return this builder
         */
        public Builder maxAttempts(int maxAttempts) {
            this.maxAttempts = maxAttempts;
            return this;
        }

        /**
         * @param baseDelay the ceiling of the first wait
         * @return this builder
         */
        public Builder baseDelay(Duration baseDelay) {
            this.baseDelay = baseDelay;
            return this;
        }

        /**
         * @param maxDelay the largest ceiling of any wait
         * @return this builder
         */
        public Builder maxDelay(Duration maxDelay) {
            this.maxDelay = maxDelay;
            return this;
        }

        /**
         * @param retry whether to retry a request that may have reached the service
         * @return this builder
         */
        public Builder retryPossiblyProcessedRequests(boolean retry) {
            this.retryPossiblyProcessedRequests = retry;
            return this;
        }

        /**
         * @return the policy
         * @throws InvalidInputException when a value breaks the rules of {@link RetryPolicy}
         */
        public RetryPolicy build() {
            return new RetryPolicy(maxAttempts, baseDelay, maxDelay, retryPossiblyProcessedRequests);
        }
    }
}
