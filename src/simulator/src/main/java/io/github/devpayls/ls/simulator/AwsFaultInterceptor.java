package io.github.devpayls.ls.simulator;

import io.github.devpayls.ls.contract.ErrorCode;

import io.github.devpayls.ls.contract.AwsSoapFault;
import io.github.devpayls.ls.contract.LicenseServiceFacts;

import org.apache.cxf.binding.soap.SoapFault;
import org.apache.cxf.binding.soap.SoapMessage;
import org.apache.cxf.interceptor.Fault;
import org.apache.cxf.message.Message;
import org.apache.cxf.phase.AbstractPhaseInterceptor;
import org.apache.cxf.phase.Phase;
import org.w3c.dom.Element;

import javax.xml.namespace.QName;
import javax.xml.stream.XMLStreamException;
import java.util.Optional;
import org.xml.sax.SAXException;

/**
 * Gives every fault the endpoint sends the AWS shape: {@code faultcode} {@code aws:Client.<Code>}
 * or {@code aws:Server.<Code>}, the message as {@code faultstring}, and {@code <aws:RequestId>} in
 * the detail. The model's {@link ServiceRefusal} keeps its code; faults CXF raises itself are mapped:
 * a body the XML parser refuses (not XML, a DOCTYPE, beyond the limits) to
 * {@link SimulatorFacts#MALFORMED_REQUEST_CODE}, an unknown body element to {@code InvalidAction},
 * an unreadable parameter to {@code InvalidParameterValue}, anything else to
 * {@code Server.InternalError}. The one place
 * the simulator builds SOAP faults from errors.
 */
final class AwsFaultInterceptor extends AbstractPhaseInterceptor<SoapMessage> {

    private final LicenseServiceModel model;

    AwsFaultInterceptor(LicenseServiceModel model) {
        super(Phase.SETUP);
        this.model = model;
    }

    @Override
    public void handleMessage(SoapMessage message) {
        Exception exception = message.getContent(Exception.class);
        ServiceRefusal error = refusal(exception, message);
        message.setContent(Exception.class, soapFault(error, model.newRequestId()));
    }

    /**
     * What the endpoint answers for an exception raised while handling a request; also what
     * {@link RefusalLogging} logs, so the log and the answer cannot disagree.
     */
    static ServiceRefusal refusal(Throwable exception, Message message) {
        for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
            if (cause instanceof ServiceRefusal error) {
                return error;
            }
        }
        // Before the operation check: an unreadable body has no operation either, but it is a
        // malformed request, not a request for an unknown action.
        Optional<Throwable> unreadable = xmlFailure(exception);
        if (unreadable.isPresent()) {
            return new ServiceRefusal(SimulatorFacts.MALFORMED_REQUEST_CODE,
                    String.format(SimulatorFacts.MESSAGE_INVALID_REQUEST, firstLine(unreadable.get())));
        }
        if (message.getExchange() == null || message.getExchange().getBindingOperationInfo() == null) {
            return new ServiceRefusal(ErrorCode.INVALID_ACTION, SimulatorFacts.MESSAGE_UNKNOWN_ACTION);
        }
        if (exception instanceof Fault fault && isCallersFault(fault)) {
            return new ServiceRefusal(ErrorCode.INVALID_PARAMETER_VALUE,
                    String.format(SimulatorFacts.MESSAGE_INVALID_REQUEST, fault.getMessage()));
        }
        return new ServiceRefusal(ErrorCode.INTERNAL_ERROR, SimulatorFacts.MESSAGE_INTERNAL_ERROR);
    }

    /** The XML parser's refusal (not well-formed, a DOCTYPE, beyond the XML limits), if that is the cause. */
    private static Optional<Throwable> xmlFailure(Throwable exception) {
        for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
            if (cause instanceof XMLStreamException || cause instanceof SAXException) {
                return Optional.of(cause);
            }
        }
        return Optional.empty();
    }

    /** The parser's reason, without its location lines, bounded (it may quote the request). */
    private static String firstLine(Throwable failure) {
        String text = String.valueOf(failure.getMessage()).strip();
        int end = text.indexOf('\n');
        String line = end < 0 ? text : text.substring(0, end).strip();
        return line.length() <= SimulatorFacts.MAX_REASON_CHARS ? line
                : line.substring(0, SimulatorFacts.MAX_REASON_CHARS) + "...";
    }

    private static boolean isCallersFault(Fault fault) {
        QName code = fault.getFaultCode();
        return Fault.FAULT_CODE_CLIENT.equals(code) || (code != null && "Client".equals(code.getLocalPart()));
    }

    /** The AWS-shaped SOAP fault for an error; also used for injected throttling bodies' code. */
    static SoapFault soapFault(ServiceRefusal error, String requestId) {
        SoapFault fault = new SoapFault(error.getMessage(), faultCode(error.code()));
        Element detail = fault.getOrCreateDetail();
        Element requestIdElement = detail.getOwnerDocument().createElementNS(LicenseServiceFacts.AWS_FAULT_NAMESPACE,
                AwsSoapFault.PREFIX + ":" + LicenseServiceFacts.FAULT_DETAIL_REQUEST_ID);
        requestIdElement.setTextContent(requestId);
        detail.appendChild(requestIdElement);
        return fault;
    }

    static QName faultCode(ErrorCode code) {
        return new QName(LicenseServiceFacts.AWS_FAULT_NAMESPACE, code.soapFaultCode(), AwsSoapFault.PREFIX);
    }
}
