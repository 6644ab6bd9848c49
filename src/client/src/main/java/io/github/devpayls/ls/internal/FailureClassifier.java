package io.github.devpayls.ls.internal;

import io.github.devpayls.ls.ProtocolFailureException;
import io.github.devpayls.ls.TransportFailureException;
import io.github.devpayls.ls.TransportFailureException.Kind;
import java.io.EOFException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.PortUnreachableException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.channels.ClosedByInterruptException;
import java.util.Collection;
import java.util.Locale;
import java.util.Optional;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;

/**
 * Decides what an invocation failure that is not a SOAP fault means: the request never left
 * (connect, TLS handshake), it left and the answer was lost (timeout, broken connection), or an
 * answer came that was not valid SOAP. Looks through CXF's wrappers at the JDK exception beneath.
 */
final class FailureClassifier {

    private static final int MAX_DETAIL = 240;
    // How CXF's HTTPConduit and the JDK's HttpsClient word a certificate naming another host.
    private static final String CXF_HOSTNAME_MISMATCH = "hostname does not match the Common Name";
    private static final String JDK_HOSTNAME_MISMATCH = "HTTPS hostname wrong";

    private FailureClassifier() {
    }

    /**
     * @param failure       what the invocation threw
     * @param head          what the attempt saw of the response
     * @param operation     the operation, for messages
     * @param timeoutMillis the receive timeout the attempt used
     * @param deadlineBound whether that timeout was cut short by the call's deadline
     * @param secrets       secret values of the request, kept out of messages
     * @param <T>           the call's result type
     * @return the failed outcome
     */
    static <T> AttemptOutcome.Failed<T> classify(Throwable failure, AttemptTrace head, String operation,
                                                 long timeoutMillis, boolean deadlineBound,
                                                 Collection<String> secrets) {
        Throwable cause = SensitiveNames.scrubbedCopy(failure, secrets);
        int status = head.status();
        String root = detail(failure, secrets);

        Optional<AttemptTrace.Abort> abandoned = head.aborted().filter(AttemptTrace.Abort::abandons);
        if (abandoned.isEmpty() && find(failure, ClosedByInterruptException.class) != null) {
            // A TLS connection runs on a channel (KeptAliveTlsSocket): the caller's interrupt closed
            // it at once, before the watchdog looked.
            abandoned = Optional.of(AttemptTrace.Abort.INTERRUPTED);
        }
        if (abandoned.isPresent()) {
            boolean closed = abandoned.get() == AttemptTrace.Abort.CLOSED;
            if (!closed) {
                // Whatever the JDK or CXF did on the way, the caller keeps its interrupt.
                Thread.currentThread().interrupt();
            }
            // Honest about delivery: false only when the attempt was stopped before it connected.
            boolean mayHaveReached = head.sendingStarted();
            return transport(closed ? Kind.CLOSED : Kind.INTERRUPTED,
                    operation + (closed ? ": the client was closed during the call" : ": the calling thread was interrupted")
                            + (mayHaveReached ? "; the request may have reached the service" : "; nothing was sent"),
                    mayHaveReached, cause, AttemptOutcome.Delivery.ABANDONED, status);
        }
        if (head.deadlineAborted()) {
            return transport(Kind.TIMEOUT, operation + ": no complete answer within the call's deadline",
                    true, cause, AttemptOutcome.Delivery.MAYBE_PROCESSED, status);
        }
        if (find(failure, SSLHandshakeException.class) != null || handshakeFailed(failure)) {
            // A fixed misconfiguration (untrusted certificate, a plain-HTTP port, no common protocol):
            // trying again meets the same server in the same state, so it is not retried.
            return transport(Kind.TLS, operation + ": TLS handshake failed, the server is not trusted or TLS is"
                    + " misconfigured (" + root + ")", false, cause, AttemptOutcome.Delivery.NOT_SENT_FOR_GOOD, status);
        }
        if (find(failure, UnknownHostException.class) != null) {
            // The endpoint's host name does not resolve: a typo or a missing DNS entry, not a blip.
            return transport(Kind.CONNECT, operation + ": unknown host (" + root + ")", false, cause,
                    AttemptOutcome.Delivery.NOT_SENT_FOR_GOOD, status);
        }
        if (find(failure, ConnectException.class) != null || find(failure, NoRouteToHostException.class) != null
                || find(failure, PortUnreachableException.class) != null) {
            return transport(Kind.CONNECT, operation + ": could not connect (" + root + ")", false, cause,
                    AttemptOutcome.Delivery.NOT_SENT, status);
        }
        SocketTimeoutException timeout = find(failure, SocketTimeoutException.class);
        if (timeout != null) {
            String text = String.valueOf(timeout.getMessage()).toLowerCase(Locale.ROOT);
            if (text.contains("connect")) {
                return transport(Kind.CONNECT, operation + ": connecting timed out (" + root + ")", false, cause,
                        AttemptOutcome.Delivery.NOT_SENT, status);
            }
            String limit = deadlineBound ? "the call's deadline" : "the request timeout";
            return transport(Kind.TIMEOUT, operation + ": no answer within " + limit + " (" + timeoutMillis + " ms)",
                    true, cause, AttemptOutcome.Delivery.MAYBE_PROCESSED, status);
        }
        if (find(failure, SSLException.class) != null) {
            return transport(Kind.TLS, operation + ": TLS failed during the exchange (" + root + ")", true, cause,
                    AttemptOutcome.Delivery.MAYBE_PROCESSED, status);
        }
        if (find(failure, SocketException.class) != null || find(failure, EOFException.class) != null
                || (status < 0 && find(failure, IOException.class) != null) || looksLikeEof(failure)) {
            return transport(Kind.CONNECTION_LOST, operation + ": the connection broke before a complete answer ("
                    + root + ")", true, cause, AttemptOutcome.Delivery.MAYBE_PROCESSED, status);
        }
        String seen = status < 0 ? "no HTTP status" : "HTTP " + status
                + head.contentType().map(t -> " " + t).orElse("");
        String message = operation + ": the answer (" + seen + ") is not a valid SOAP response (" + root + ")";
        return new AttemptOutcome.Failed<>(
                attempts -> new ProtocolFailureException(message, attempts, status, Optional.empty(), cause),
                AttemptOutcome.Delivery.ANSWERED_INVALIDLY, status, Optional.empty());
    }

    /**
     * A redirect answer: never followed (it would resend the request's secrets somewhere the caller
     * did not choose), reported with its target, masked, instead of what parsing its body would say.
     *
     * @param operation the operation, for the message
     * @param head      the attempt's trace, with the status and {@code Location}
     * @param secrets   secret values of the request
     * @param <T>       the call's result type
     * @return the failed outcome, never retried
     */
    static <T> AttemptOutcome.Failed<T> redirected(String operation, AttemptTrace head, Collection<String> secrets) {
        int status = head.status();
        String message = operation + ": the service redirected (HTTP " + status + ") to "
                + SensitiveNames.maskLocation(head.location().orElse(null), secrets) + ", not followed";
        return new AttemptOutcome.Failed<>(
                attempts -> new ProtocolFailureException(message, attempts, status, Optional.empty(), null),
                AttemptOutcome.Delivery.ANSWERED_INVALIDLY, status, Optional.empty());
    }

    /** @return whether an HTTP status is a redirect */
    static boolean isRedirect(int status) {
        return status >= 300 && status < 400;
    }

    private static <T> AttemptOutcome.Failed<T> transport(Kind kind, String message, boolean mayHaveReached,
                                                          Throwable cause, AttemptOutcome.Delivery delivery,
                                                          int status) {
        return new AttemptOutcome.Failed<>(
                attempts -> new TransportFailureException(kind, message, mayHaveReached, attempts, cause),
                delivery, status, Optional.empty());
    }

    /**
     * A TLS failure before the request left that is not an {@link SSLHandshakeException}: a plain
     * SSLException raised inside the handshake (e.g. a plain-HTTP server answering a ClientHello),
     * or the host-name check after it, which CXF reports as a bare IOException with its own text.
     */
    private static boolean handshakeFailed(Throwable failure) {
        SSLException tls = find(failure, SSLException.class);
        if (tls != null) {
            for (StackTraceElement frame : tls.getStackTrace()) {
                if (frame.getMethodName().equals("startHandshake")) {
                    return true;
                }
            }
        }
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String text = String.valueOf(t.getMessage());
            if (text.contains(CXF_HOSTNAME_MISMATCH) || text.contains(JDK_HOSTNAME_MISMATCH)) {
                return true;
            }
        }
        return false;
    }

    // A body cut short arrives as a parser error whose text, not type, says the input ended.
    private static boolean looksLikeEof(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String text = String.valueOf(t.getMessage()).toLowerCase(Locale.ROOT);
            if (text.contains("premature eof") || text.contains("unexpected end of file")
                    || text.contains("connection reset")) {
                return true;
            }
        }
        return false;
    }

    private static <E extends Throwable> E find(Throwable failure, Class<E> type) {
        int depth = 0;
        for (Throwable t = failure; t != null && depth < 16; t = t.getCause(), depth++) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }

    private static String detail(Throwable failure, Collection<String> secrets) {
        Throwable root = failure;
        int depth = 0;
        while (root.getCause() != null && root.getCause() != root && depth++ < 16) {
            root = root.getCause();
        }
        String text = root.getClass().getSimpleName()
                + (root.getMessage() == null ? "" : ": " + SensitiveNames.scrub(root.getMessage(), secrets));
        text = text.replaceAll("\\s+", " ");
        return text.length() > MAX_DETAIL ? text.substring(0, MAX_DETAIL) + "…" : text;
    }
}
