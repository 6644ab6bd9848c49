package io.github.devpayls.ls.simulator;

import org.apache.cxf.logging.FaultListener;
import org.apache.cxf.message.Message;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs each refused request as one DEBUG line (the fault code the client gets and the operation)
 * instead of CXF's default: a WARN or INFO line with the whole stack trace for every fault, which
 * for a simulator that refuses requests by design is noise. No stack trace, no request content.
 */
final class RefusalLogging implements FaultListener {

    private static final Logger LOG = LoggerFactory.getLogger(RefusalLogging.class);

    @Override
    public boolean faultOccurred(Exception exception, String description, Message message) {
        if (LOG.isDebugEnabled()) {
            ServiceRefusal refusal = AwsFaultInterceptor.refusal(exception, message);
            LOG.debug("refused {}: {}", operation(message), refusal.code().soapFaultCode());
        }
        return false; // false: CXF's own logging of this fault is skipped
    }

    private static String operation(Message message) {
        if (message.getExchange() == null || message.getExchange().getBindingOperationInfo() == null) {
            return "a request with no operation";
        }
        return message.getExchange().getBindingOperationInfo().getName().getLocalPart();
    }
}
