package io.github.devpayls.ls.simulator;

import org.apache.cxf.binding.soap.SoapMessage;
import org.apache.cxf.message.Message;
import org.apache.cxf.phase.AbstractPhaseInterceptor;
import org.apache.cxf.phase.Phase;

import java.util.List;
import java.util.Map;

/**
 * Makes CXF choose the operation by the SOAP body element alone. The contract's
 * {@code soapAction} values are a decision, and a client of the era may send {@code urn:<Op>} or
 * nothing; CXF would trust a recognised SOAPAction over the body, so the header is dropped
 * before CXF reads it.
 */
final class BodyElementDispatch extends AbstractPhaseInterceptor<SoapMessage> {

    private static final String SOAP_ACTION_HEADER = "SOAPAction";

    BodyElementDispatch() {
        super(Phase.RECEIVE);
    }

    @Override
    public void handleMessage(SoapMessage message) {
        @SuppressWarnings("unchecked")
        Map<String, List<String>> headers = (Map<String, List<String>>) message.get(Message.PROTOCOL_HEADERS);
        if (headers != null) {
            headers.keySet().removeIf(SOAP_ACTION_HEADER::equalsIgnoreCase);
        }
    }
}
