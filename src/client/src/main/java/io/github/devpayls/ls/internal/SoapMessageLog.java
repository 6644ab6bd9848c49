package io.github.devpayls.ls.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.apache.cxf.interceptor.Fault;
import org.apache.cxf.message.Message;
import org.apache.cxf.phase.AbstractPhaseInterceptor;
import org.apache.cxf.phase.Phase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opt-in logging of SOAP messages at DEBUG on {@value #LOGGER_NAME}, masked through
 * {@link SensitiveNames}. Written here rather than with CXF's logging feature, which is a separate
 * module this library does not ship; the masking list is the same one exception texts use.
 */
final class SoapMessageLog {

    /** The logger's name, stable so applications can switch it on. */
    static final String LOGGER_NAME = "io.github.devpayls.ls.soap";

    private static final Logger LOG = LoggerFactory.getLogger(LOGGER_NAME);

    // Messages of this contract are well under a kilobyte; a longer body is logged cut.
    private static final int MAX_LOGGED_BYTES = 16 * 1024;

    private SoapMessageLog() {
    }

    /** @return the interceptor that logs requests */
    static AbstractPhaseInterceptor<Message> outbound() {
        return new Outbound();
    }

    /** @return the interceptor that logs responses */
    static AbstractPhaseInterceptor<Message> inbound() {
        return new Inbound();
    }

    static String render(String direction, Object status, Object headers, byte[] body, int length, boolean cut,
                         Message message) {
        AttemptTrace trace = AttemptTrace.of(message);
        @SuppressWarnings("unchecked")
        Map<String, List<String>> masked = SensitiveNames.maskHeaders(
                headers instanceof Map<?, ?> ? (Map<String, List<String>>) headers : null);
        // Scrubbing the request's own secrets too catches a peer that echoes them outside any
        // element, in the body or in a header of any name.
        List<String> secrets = trace == null ? List.of() : trace.secrets();
        String text = SensitiveNames.scrub(new String(body, 0, length, StandardCharsets.UTF_8), secrets);
        return direction + (status == null ? "" : " status=" + status) + " headers="
                + SensitiveNames.scrub(masked.toString(), secrets) + " body=" + text + (cut ? "…(cut)" : "");
    }

    private static final class Outbound extends AbstractPhaseInterceptor<Message> {
        Outbound() {
            super(Phase.PRE_STREAM);
        }

        @Override
        public void handleMessage(Message message) {
            OutputStream original = message.getContent(OutputStream.class);
            if (original == null || !LOG.isDebugEnabled()) {
                return;
            }
            message.setContent(OutputStream.class, new FilterOutputStream(original) {
                private final ByteArrayOutputStream copy = new ByteArrayOutputStream();
                private boolean logged;

                @Override
                public void write(int b) throws IOException {
                    if (copy.size() < MAX_LOGGED_BYTES) {
                        copy.write(b);
                    }
                    out.write(b);
                }

                @Override
                public void write(byte[] b, int off, int len) throws IOException {
                    copy.write(b, off, Math.max(0, Math.min(len, MAX_LOGGED_BYTES - copy.size())));
                    out.write(b, off, len);
                }

                @Override
                public void close() throws IOException {
                    // Log before the conduit's close, which sends the request and handles the response.
                    if (!logged) {
                        logged = true;
                        byte[] bytes = copy.toByteArray();
                        LOG.debug(render("request to " + message.get(Message.ENDPOINT_ADDRESS), null,
                                message.get(Message.PROTOCOL_HEADERS), bytes, bytes.length,
                                bytes.length >= MAX_LOGGED_BYTES, message));
                    }
                    super.close();
                }
            });
        }
    }

    private static final class Inbound extends AbstractPhaseInterceptor<Message> {
        Inbound() {
            super(Phase.RECEIVE);
        }

        @Override
        public void handleMessage(Message message) {
            InputStream original = message.getContent(InputStream.class);
            if (original == null || !LOG.isDebugEnabled()) {
                return;
            }
            try {
                byte[] head = original.readNBytes(MAX_LOGGED_BYTES + 1);
                boolean cut = head.length > MAX_LOGGED_BYTES;
                LOG.debug(render("response", message.get(Message.RESPONSE_CODE), message.get(Message.PROTOCOL_HEADERS),
                        head, Math.min(head.length, MAX_LOGGED_BYTES), cut, message));
                // Whatever was read goes back in front of the rest, so parsing sees the whole body.
                message.setContent(InputStream.class, cut
                        ? new SequenceInputStream(new ByteArrayInputStream(head), original)
                        : new ByteArrayInputStream(head));
            } catch (IOException e) {
                throw new Fault(e);
            }
        }
    }
}
