package io.github.devpayls.ls.internal;

import java.io.ByteArrayOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import org.apache.cxf.interceptor.AttachmentOutInterceptor;
import org.apache.cxf.interceptor.StaxOutInterceptor;
import org.apache.cxf.message.Message;
import org.apache.cxf.phase.AbstractPhaseInterceptor;
import org.apache.cxf.phase.Phase;
import org.apache.cxf.transport.http.HTTPConduit;

/**
 * Sends every SOAP request in the JDK's fixed-length streaming mode. In its default, buffered mode
 * {@link HttpURLConnection} resends a POST once on its own when the connection dies after the
 * request went out (a peer that read it all and reset), behind the retry policy's back, and the
 * resend's "connection refused" would then claim the request never left. A streamed request is
 * never resent. CXF's URLConnection conduit never sets fixed-length mode itself (its hook for it
 * is empty) and chunks only what passes its threshold, so this interceptor holds the serialised
 * envelope (an activation request is under 2 KiB) and announces its length before the first byte
 * reaches the connection. The REST-Query transport sets the same mode itself.
 */
final class FixedLengthRequest extends AbstractPhaseInterceptor<Message> {

    FixedLengthRequest() {
        super(Phase.PRE_STREAM);
        // Must wrap the stream before the XML writer is made on it.
        addBefore(StaxOutInterceptor.class.getName());
        addBefore(AttachmentOutInterceptor.class.getName());
    }

    @Override
    public void handleMessage(Message message) {
        OutputStream conduitStream = message.getContent(OutputStream.class);
        if (conduitStream != null && message.get(HTTPConduit.KEY_HTTP_CONNECTION) instanceof HttpURLConnection connection) {
            message.setContent(OutputStream.class, new Held(conduitStream, connection, AttemptTrace.of(message)));
        }
    }

    /** Holds the body until close, then sends it with its length announced. */
    private static final class Held extends FilterOutputStream {
        private final HttpURLConnection connection;
        private final AttemptTrace trace;
        private final ByteArrayOutputStream body = new ByteArrayOutputStream(2048);
        private boolean sent;
        private boolean abandoned;

        Held(OutputStream conduitStream, HttpURLConnection connection, AttemptTrace trace) {
            super(conduitStream);
            this.connection = connection;
            this.trace = trace;
        }

        @Override
        public void write(int b) {
            body.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) {
            body.write(b, off, len);
        }

        @Override
        public void flush() {
            // Nothing reaches the connection before the length is known.
        }

        @Override
        public void close() throws IOException {
            if (abandoned) {
                // Stopped before anything was sent: the conduit must not send an empty request now.
                return;
            }
            if (!sent) {
                sent = true;
                if (trace != null) {
                    try {
                        // The first write connects: from here on the request may reach the service.
                        trace.sendingStarts();
                    } catch (IOException stopped) {
                        abandoned = true;
                        throw stopped;
                    }
                }
                connection.setFixedLengthStreamingMode(body.size());
                body.writeTo(out);
            }
            // The conduit's close sends the request and reads the answer.
            out.close();
        }
    }
}
