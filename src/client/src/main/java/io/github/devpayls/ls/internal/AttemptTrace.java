package io.github.devpayls.ls.internal;

import io.github.devpayls.ls.contract.LicenseServiceFacts;

import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.SocketTimeoutException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.cxf.binding.soap.SoapFault;
import org.apache.cxf.message.Message;
import org.apache.cxf.phase.AbstractPhaseInterceptor;
import org.apache.cxf.phase.Phase;
import org.apache.cxf.transport.http.HTTPConduit;

/**
 * One attempt's state inside CXF: the secrets of its request (for masking in logs), and what it
 * saw of the HTTP response before the body was parsed — status, content type, {@code Retry-After}
 * and whether the body was a SOAP fault. Created per attempt and put in the thread's request
 * context; the interceptors below fill it in. The one place that looks at the HTTP layer of a
 * response, because a 503 must be recognised whatever its body is.
 */
final class AttemptTrace {

    /** Request-context key under which the attempt's instance travels. */
    static final String KEY = AttemptTrace.class.getName();

    /** The header a redirect names its target in; read (never followed) by both transports. */
    static final String LOCATION_HEADER = "Location";

    private final List<String> secrets;
    private final long deadlineNanos;
    // Read by the watchdog thread too.
    private volatile int status = -1;
    private String contentType;
    private String retryAfter;
    private String location;
    private boolean soapFaultRead;
    // Written by the watchdog thread, read by the calling thread.
    private volatile HttpURLConnection connection;
    private volatile Abort abort;
    private volatile boolean sendingStarted;
    // The thread that runs the attempt, watched for interrupts (plain-HTTP socket reads do not notice them).
    private final Thread caller = Thread.currentThread();

    /** Why an attempt was cut off from outside the calling thread's own reads. */
    enum Abort {
        /** The call's deadline passed. */
        DEADLINE,
        /** The client was closed while the attempt was in flight. */
        CLOSED,
        /** The calling thread was interrupted. */
        INTERRUPTED;

        /** @return whether the attempt is cut off for good, answer head or not (not just timed out) */
        boolean abandons() {
            return this == CLOSED || this == INTERRUPTED;
        }
    }

    /**
     * @param secrets       secret values of the attempt's request
     * @param deadlineNanos the call's deadline on the {@link System#nanoTime()} scale
     */
    AttemptTrace(List<String> secrets, long deadlineNanos) {
        this.secrets = List.copyOf(secrets);
        this.deadlineNanos = deadlineNanos;
    }

    /** @return secret values of the attempt's request, which no log line may show */
    List<String> secrets() {
        return secrets;
    }

    /** @return the HTTP status, or -1 when no response head arrived */
    int status() {
        return status;
    }

    /** @return the response's content type, if any */
    Optional<String> contentType() {
        return Optional.ofNullable(contentType);
    }

    /** @return the raw {@code Location} value of a redirect, if any (may carry secrets: mask before showing) */
    Optional<String> location() {
        return Optional.ofNullable(location);
    }

    /**
     * Records the {@code Location} of an answer of an attempt made outside CXF.
     *
     * @param value the raw header value; may be {@code null}
     */
    void location(String value) {
        location = value;
    }

    /** @return the raw {@code Retry-After} value, if any */
    Optional<String> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    /**
     * Called by the deadline watchdog. Before the response head has arrived (connecting, sending,
     * waiting, headers trickling in) it closes the connection, which fails the blocked call at
     * once; a read timeout alone would restart with every byte. Once the head is in, the body
     * stream checks the deadline itself ({@link GuardedBody}): closing a keep-alive connection
     * mid-body does not stop a reader that is still being fed.
     */
    void abortForDeadline() {
        markAborted(Abort.DEADLINE);
        HttpURLConnection open = connection;
        if (open != null && status < 0) {
            open.disconnect();
        }
    }

    /**
     * Cuts the attempt off for good, answer head or not: the client closed, or the caller was
     * interrupted. Closing the connection fails the calling thread's blocked read at once; the
     * body stream refuses further reads. Called again by the watchdog while the attempt is still
     * running, which catches a connection that was still being made at the first call.
     *
     * @param reason why
     */
    void abandon(Abort reason) {
        markAborted(reason);
        HttpURLConnection open = connection;
        if (open != null) {
            open.disconnect();
        }
    }

    /** Called by the watchdog while the attempt runs: abandons it once its caller is interrupted. */
    void checkCaller() {
        Abort current = abort;
        if (current == null && caller.isInterrupted()) {
            abandon(Abort.INTERRUPTED);
        } else if (current != null && current.abandons()) {
            abandon(current);
        }
    }

    private synchronized void markAborted(Abort reason) {
        if (abort == null) {
            abort = reason;
        }
    }

    /** @return whether the watchdog cut the attempt off at the call's deadline */
    boolean deadlineAborted() {
        return abort == Abort.DEADLINE;
    }

    /** @return why the attempt was cut off from outside, if it was */
    Optional<Abort> aborted() {
        return Optional.ofNullable(abort);
    }

    /**
     * Called just before the attempt connects and writes its request: from here on request bytes
     * may reach the service. Refuses to start an attempt already abandoned, which then certainly
     * sent nothing.
     *
     * @throws IOException when the attempt was abandoned before it sent anything
     */
    void sendingStarts() throws IOException {
        Abort current = abort;
        if (current != null && current.abandons()) {
            throw new IOException("the attempt was abandoned before it was sent (" + current + ")");
        }
        sendingStarted = true;
    }

    /** @return whether any request byte may have been written */
    boolean sendingStarted() {
        return sendingStarted;
    }

    /** @return whether the response body was a SOAP fault that CXF read from the wire */
    boolean soapFaultRead() {
        return soapFaultRead;
    }

    /**
     * @param message any message of the attempt's exchange
     * @return the attempt's trace, or {@code null} outside a call of this client
     */
    static AttemptTrace of(Message message) {
        Message out = message.getExchange() == null ? null : message.getExchange().getOutMessage();
        Object holder = out == null ? null : out.getContextualProperty(KEY);
        return holder instanceof AttemptTrace head ? head : null;
    }

    /**
     * Marks that the in-fault chain read a SOAP fault from the response. CXF raises its own
     * failures (connection refused, unparseable body) as SOAP faults too; only a fault that came
     * over the wire is the service's answer.
     */
    static final class FaultMarker extends AbstractPhaseInterceptor<Message> {

        FaultMarker() {
            super(Phase.POST_UNMARSHAL);
        }

        @Override
        public void handleMessage(Message message) {
            AttemptTrace head = of(message);
            if (head != null && message.getContent(Exception.class) instanceof SoapFault) {
                head.soapFaultRead = true;
            }
        }
    }

    /**
     * Records the connection of an attempt made outside CXF (the REST-Query transport), so the
     * watchdog can cut it off like a CXF attempt's.
     *
     * @param open the attempt's connection, not yet connected
     */
    void connectionOpened(HttpURLConnection open) {
        connection = open;
        if (abort != null) {
            open.disconnect();
        }
    }

    /**
     * Records the response head of an attempt made outside CXF (the REST-Query transport).
     *
     * @param httpStatus the status
     * @param type       the content type; may be {@code null}
     * @param retryAfterValue the raw {@code Retry-After}; may be {@code null}
     */
    void responseHead(int httpStatus, String type, String retryAfterValue) {
        contentType = type;
        retryAfter = retryAfterValue;
        status = httpStatus;
    }

    /** @return the response facts only; CXF's debug logging prints request contexts, and this travels in one */
    @Override
    public String toString() {
        return "AttemptTrace[status=" + status + ", soapFault=" + soapFaultRead + ", abort=" + abort + "]";
    }

    private static long contentLength(String declared) {
        try {
            return Long.parseLong(declared.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /**
     * The response body as the parser reads it, with two checks the JDK does not make: the call's
     * deadline, before every read (an answer trickling in must not outlive it), and the declared
     * Content-Length, because the JDK reports a connection closed early as a normal end of stream,
     * which the XML parser would then call malformed.
     */
    static final class GuardedBody extends FilterInputStream {
        private final long declared;
        private final AttemptTrace trace;
        private long read;

        GuardedBody(InputStream in, long declared, AttemptTrace trace) {
            super(in);
            this.declared = declared;
            this.trace = trace;
        }

        @Override
        public int read() throws IOException {
            checkDeadline();
            int b = super.read();
            count(b < 0 ? -1 : 1);
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            checkDeadline();
            int n = super.read(buffer, offset, length);
            count(n);
            return n;
        }

        private void checkDeadline() throws IOException {
            Abort abandoned = trace.abort;
            if (abandoned != null && abandoned.abandons()) {
                throw new IOException("the call was abandoned while the answer was arriving (" + abandoned + ")");
            }
            if (System.nanoTime() - trace.deadlineNanos >= 0) {
                trace.markAborted(Abort.DEADLINE);
                throw new SocketTimeoutException("the call's deadline passed while the answer was arriving");
            }
        }

        private void count(int n) throws EOFException {
            if (n >= 0) {
                read += n;
            } else if (declared > 0 && read < declared) {
                throw new EOFException("the connection closed after " + read + " of " + declared + " bytes");
            }
        }
    }

    /** Remembers the attempt's HTTP connection once the conduit has opened it, for {@link #abortForDeadline()}. */
    static final class ConnectionCatcher extends AbstractPhaseInterceptor<Message> {

        ConnectionCatcher() {
            super(Phase.PRE_STREAM);
        }

        @Override
        public void handleMessage(Message message) {
            AttemptTrace trace = of(message);
            if (trace != null && message.get(HTTPConduit.KEY_HTTP_CONNECTION) instanceof HttpURLConnection open) {
                trace.connection = open;
                if (trace.abort != null) {
                    open.disconnect();
                }
            }
        }
    }

    /** Fills the attempt's {@link AttemptTrace} in as soon as a response arrives, before anything parses it. */
    static final class Recorder extends AbstractPhaseInterceptor<Message> {

        Recorder() {
            super(Phase.RECEIVE);
        }

        @Override
        public void handleMessage(Message message) {
            AttemptTrace head = of(message);
            if (head == null) {
                return;
            }
            Object code = message.get(Message.RESPONSE_CODE);
            if (code instanceof Integer status) {
                head.status = status;
            }
            Object type = message.get(Message.CONTENT_TYPE);
            head.contentType = type == null ? null : type.toString();
            Object headers = message.get(Message.PROTOCOL_HEADERS);
            long declaredLength = -1;
            if (headers instanceof Map<?, ?> map) {
                // HTTP header names are case-insensitive; the map's own ordering is not guaranteed to be.
                for (Map.Entry<?, ?> header : map.entrySet()) {
                    String name = String.valueOf(header.getKey());
                    if (!(header.getValue() instanceof List<?> list) || list.isEmpty()) {
                        continue;
                    }
                    if (LicenseServiceFacts.RETRY_AFTER_HEADER.equalsIgnoreCase(name)) {
                        head.retryAfter = String.valueOf(list.get(0));
                    } else if (LOCATION_HEADER.equalsIgnoreCase(name)) {
                        head.location = String.valueOf(list.get(0));
                    } else if ("Content-Length".equalsIgnoreCase(name)) {
                        declaredLength = contentLength(String.valueOf(list.get(0)));
                    }
                }
            }
            InputStream body = message.getContent(InputStream.class);
            if (body != null) {
                message.setContent(InputStream.class, new GuardedBody(body, declaredLength, head));
            }
        }
    }
}
