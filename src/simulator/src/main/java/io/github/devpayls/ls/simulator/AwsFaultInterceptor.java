package io.github.devpayls.ls.simulator;

import io.github.devpayls.ls.contract.ErrorCode;

import io.github.devpayls.ls.contract.AwsSoapFault;
import io.github.devpayls.ls.contract.LicenseServiceFacts;

import org.apache.cxf.binding.soap.SoapFault;
import org.apache.cxf.binding.soap.SoapMessage;
import org.apache.cxf.interceptor.Fault;
import org.apache.cxf.phase.AbstractPhaseInterceptor;
import org.apache.cxf.phase.Phase;
import org.w3c.dom.Element;

import javax.xml.namespace.QName;

/**
 * Gives every fault the endpoint sends the AWS shape: {@code faultcode} {@code aws:Client.<Code>}
 * or {@code aws:Server.<Code>}, the message as {@code faultstring}, and {@code <aws:RequestId>} in
 * the detail. The model's {@link ServiceRefusal} keeps its code; faults CXF raises itself are mapped:
 * an unknown body element to {@code InvalidAction}, an unreadable request to
 * {@code InvalidParameterValue}, anything else to {@code Server.InternalError}. The one place
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
        ServiceRefusal error = serviceError(exception, message);
        message.setContent(Exception.class, soapFault(error, model.newRequestId()));
    }

    private static ServiceRefusal serviceError(Throwable exception, SoapMessage message) {
        for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
            if (cause instanceof ServiceRefusal error) {
                return error;
            }
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
