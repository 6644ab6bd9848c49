package io.github.devpayls.ls;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Something answered, but not with a valid License Service answer: the body was not SOAP or not
 * XML, or it broke the contract — for example a success response missing one of the three
 * credentials, which are handed out together or not at all. Not retried: the request may have
 * been acted on, and the same peer is likely to answer the same way.
 */
public final class ProtocolFailureException extends NoAnswerException {

    private static final long serialVersionUID = 1L;

    private final int httpStatus;
    // Transient and nullable: RequestId is not serializable; after deserialization the accessor answers empty.
    private final transient RequestId requestId;

    /**
     * @param message    a description without secrets
     * @param attempts   how many requests the call sent
     * @param httpStatus the HTTP status of the answer, or -1 when none was seen
     * @param requestId  the request id of the answer, when it carried one
     * @param cause      the underlying failure, secrets removed; may be {@code null}
     */
    public ProtocolFailureException(String message, int attempts, int httpStatus, Optional<RequestId> requestId,
                                    Throwable cause) {
        super(message, attempts, cause);
        this.httpStatus = httpStatus;
        this.requestId = Objects.requireNonNull(requestId, "requestId").orElse(null);
    }

    /** @return the HTTP status of the answer, when one was seen */
    public OptionalInt httpStatus() {
        return httpStatus < 0 ? OptionalInt.empty() : OptionalInt.of(httpStatus);
    }

    /** @return the request id of the answer, when it carried one */
    public Optional<RequestId> requestId() {
        return Optional.ofNullable(requestId);
    }
}
