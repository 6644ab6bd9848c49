package io.github.devpayls.ls;

import java.util.Objects;

/**
 * The request or its answer was lost on the way: the connection was refused, TLS failed, the
 * call ran out of time, or the connection broke; or the call was stopped from outside (the
 * calling thread was interrupted, the client was closed). {@link #requestMayHaveReachedService()} tells
 * whether the service may have received and acted on the request, which matters for an operation
 * such as activation that issues a new credential set each time.
 */
public final class TransportFailureException extends NoAnswerException {

    private static final long serialVersionUID = 1L;

    /** What went wrong on the way. */
    public enum Kind {
        /** No connection could be made (refused, unreachable, unknown host, connect timeout). */
        CONNECT,
        /** The TLS handshake failed, for example because the server's certificate is not trusted. */
        TLS,
        /** The answer did not come within the request timeout or the call's deadline. */
        TIMEOUT,
        /** The connection broke while sending the request or reading the answer. */
        CONNECTION_LOST,
        /**
         * The calling thread was interrupted while waiting for an answer or for the next attempt;
         * the call ended at once and the thread's interrupt flag stays set.
         */
        INTERRUPTED,
        /** The client was closed while the call was in flight; the call ended at once. */
        CLOSED
    }

    private final Kind kind;
    private final boolean requestMayHaveReachedService;

    /**
     * @param kind                         what went wrong
     * @param message                      a description without secrets
     * @param requestMayHaveReachedService whether the service may have received the request
     * @param attempts                     how many requests the call sent or tried to send
     * @param cause                        the underlying failure, secrets removed; may be {@code null}
     */
    public TransportFailureException(Kind kind, String message, boolean requestMayHaveReachedService, int attempts,
                                     Throwable cause) {
        super(message, attempts, cause);
        this.kind = Objects.requireNonNull(kind, "kind");
        this.requestMayHaveReachedService = requestMayHaveReachedService;
    }

    /** @return what went wrong */
    public Kind kind() {
        return kind;
    }

    /**
     * @return {@code false} only when the request certainly did not reach the service (no
     *         connection, failed handshake); {@code true} when it may have been received and acted on
     */
    public boolean requestMayHaveReachedService() {
        return requestMayHaveReachedService;
    }
}
