package io.github.devpayls.ls.internal;

import io.github.devpayls.ls.NoAnswerException;
import io.github.devpayls.ls.RequestId;
import io.github.devpayls.ls.ServiceError;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.function.IntFunction;

/**
 * How one attempt of a call ended, as the transport saw it; {@link RetryExecutor} decides from it
 * whether to try again.
 *
 * @param <T> the call's result type
 */
sealed interface AttemptOutcome<T> {

    /** @return the HTTP status of the answer, or -1 when none was seen */
    int httpStatus();

    /** @return the request id of the answer, when it carried one */
    Optional<RequestId> requestId();

    /**
     * The service answered with a result the call returns as is (a success or a final refusal).
     *
     * @param value      the result
     * @param httpStatus the HTTP status
     * @param requestId  the answer's request id
     * @param <T>        the result type
     */
    record Answered<T>(T value, int httpStatus, Optional<RequestId> requestId) implements AttemptOutcome<T> {
        /** @throws NullPointerException for a {@code null} component */
        public Answered {
            Objects.requireNonNull(value, "value");
            Objects.requireNonNull(requestId, "requestId");
        }
    }

    /**
     * The service could not take the request now: HTTP 503, or a fault it documents as retryable.
     * The request was not acted on.
     *
     * @param httpStatus the HTTP status
     * @param error      the service error, when the body was a SOAP fault
     * @param requestId  the answer's request id
     * @param retryAfter how long the service asked the caller to wait, when it said
     * @param <T>        the result type
     */
    record Unavailable<T>(int httpStatus, Optional<ServiceError> error, Optional<RequestId> requestId,
                          Optional<Duration> retryAfter) implements AttemptOutcome<T> {
        /** @throws NullPointerException for a {@code null} component */
        public Unavailable {
            Objects.requireNonNull(error, "error");
            Objects.requireNonNull(requestId, "requestId");
            Objects.requireNonNull(retryAfter, "retryAfter");
        }
    }

    /**
     * No usable answer.
     *
     * @param failure    makes the exception to throw, given the number of attempts made
     * @param delivery   how far the request got, which decides whether a retry is safe
     * @param httpStatus the HTTP status, or -1
     * @param requestId  the answer's request id
     * @param <T>        the result type
     */
    record Failed<T>(IntFunction<NoAnswerException> failure, Delivery delivery, int httpStatus,
                     Optional<RequestId> requestId) implements AttemptOutcome<T> {
        /** @throws NullPointerException for a {@code null} component */
        public Failed {
            Objects.requireNonNull(failure, "failure");
            Objects.requireNonNull(delivery, "delivery");
            Objects.requireNonNull(requestId, "requestId");
        }
    }

    /** How far a failed request got. */
    enum Delivery {
        /** Certainly not sent (no connection): retrying is always safe. */
        NOT_SENT,
        /**
         * Certainly not sent, and trying again cannot help (TLS handshake refused, unknown host):
         * a misconfiguration, never retried.
         */
        NOT_SENT_FOR_GOOD,
        /** May have reached the service and been acted on: retried only if the policy says so. */
        MAYBE_PROCESSED,
        /** Something answered, but not validly: never retried. */
        ANSWERED_INVALIDLY,
        /** The caller stopped the call (interrupt, closed client): never retried. */
        ABANDONED
    }
}
