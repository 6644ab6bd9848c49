package io.github.devpayls.ls.internal;

import java.util.List;
import org.apache.cxf.logging.FaultListener;
import org.apache.cxf.message.Message;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Replaces CXF's own WARN logging of interceptor-chain failures for this library's clients. CXF's
 * text can quote a response body ("Incoming portion of HTML stream: ..."), so the message is
 * scrubbed and logged at DEBUG: the failure reaches the caller as an exception anyway, and the
 * retry executor logs each attempt.
 */
final class ScrubbingFaultListener implements FaultListener {

    private static final Logger LOG = LoggerFactory.getLogger(ScrubbingFaultListener.class);

    @Override
    public boolean faultOccurred(Exception exception, String description, Message message) {
        if (LOG.isDebugEnabled()) {
            AttemptTrace trace = AttemptTrace.of(message);
            List<String> secrets = trace == null ? List.of() : trace.secrets();
            LOG.debug("CXF chain failed ({}): {}", description,
                    SensitiveNames.scrub(String.valueOf(exception.getMessage()), secrets));
        }
        return false;
    }
}
