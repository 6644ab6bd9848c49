package io.github.devpayls.ls;

import java.util.Objects;
import java.util.Optional;

/**
 * The service stayed unavailable — throttling (HTTP 503) or a retryable service error such as
 * {@code InternalError} — through every attempt the retry policy and the call's deadline allowed.
 * The request was not acted on; the same request may succeed later.
 */
public final class ServiceUnavailableException extends NoAnswerException {

    private static final long serialVersionUID = 1L;

    private final int lastHttpStatus;
    // Transient and nullable: RequestId and ServiceError are not serializable; after
    // deserialization the accessors answer empty.
    private final transient RequestId lastRequestId;
    private final transient ServiceError lastError;

    /**
     * @param message        a description without secrets
     * @param attempts       how many requests the call sent
     * @param lastHttpStatus the HTTP status of the last answer
     * @param lastRequestId  the request id of the last answer, when it carried one
     * @param lastError      the service error of the last answer, when it was a SOAP fault
     */
    public ServiceUnavailableException(String message, int attempts, int lastHttpStatus,
                                       Optional<RequestId> lastRequestId, Optional<ServiceError> lastError) {
        super(message, attempts, null);
        this.lastHttpStatus = lastHttpStatus;
        this.lastRequestId = Objects.requireNonNull(lastRequestId, "lastRequestId").orElse(null);
        this.lastError = Objects.requireNonNull(lastError, "lastError").orElse(null);
    }

    /** @return the HTTP status of the last answer, e.g. 503 */
    public int lastHttpStatus() {
        return lastHttpStatus;
    }

    /** @return the request id of the last answer, when the service sent one */
    public Optional<RequestId> lastRequestId() {
        return Optional.ofNullable(lastRequestId);
    }

    /** @return the service error of the last answer, when it was a SOAP fault */
    public Optional<ServiceError> lastError() {
        return Optional.ofNullable(lastError);
    }
}
