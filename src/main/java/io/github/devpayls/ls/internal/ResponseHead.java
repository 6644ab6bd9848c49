package io.github.devpayls.ls.internal;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.cxf.message.Message;
import org.apache.cxf.phase.AbstractPhaseInterceptor;
import org.apache.cxf.phase.Phase;

/**
 * What one attempt saw of the HTTP response before its body was parsed: status, content type and
 * {@code Retry-After}. Created per attempt and put in the thread's request context; the
 * {@link Recorder} fills it in. The one place that looks at the HTTP layer of a response, because
 * a 503 must be recognised whatever its body is.
 */
final class ResponseHead {

    /** Request-context key under which the attempt's instance travels. */
    static final String KEY = ResponseHead.class.getName();

    private int status = -1;
    private String contentType;
    private String retryAfter;

    /** @return the HTTP status, or -1 when no response head arrived */
    int status() {
        return status;
    }

    /** @return the response's content type, if any */
    Optional<String> contentType() {
        return Optional.ofNullable(contentType);
    }

    /** @return the raw {@code Retry-After} value, if any */
    Optional<String> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    /** Fills the attempt's {@link ResponseHead} in as soon as a response arrives, before anything parses it. */
    static final class Recorder extends AbstractPhaseInterceptor<Message> {

        Recorder() {
            super(Phase.RECEIVE);
        }

        @Override
        public void handleMessage(Message message) {
            Message out = message.getExchange() == null ? null : message.getExchange().getOutMessage();
            Object holder = out == null ? null : out.getContextualProperty(KEY);
            if (!(holder instanceof ResponseHead head)) {
                return;
            }
            Object code = message.get(Message.RESPONSE_CODE);
            if (code instanceof Integer status) {
                head.status = status;
            }
            Object type = message.get(Message.CONTENT_TYPE);
            head.contentType = type == null ? null : type.toString();
            Object headers = message.get(Message.PROTOCOL_HEADERS);
            if (headers instanceof Map<?, ?> map) {
                // HTTP header names are case-insensitive; the map's own ordering is not guaranteed to be.
                for (Map.Entry<?, ?> header : map.entrySet()) {
                    if (LicenseServiceFacts.RETRY_AFTER_HEADER.equalsIgnoreCase(String.valueOf(header.getKey()))
                            && header.getValue() instanceof List<?> list && !list.isEmpty()) {
                        head.retryAfter = String.valueOf(list.get(0));
                    }
                }
            }
        }
    }
}
