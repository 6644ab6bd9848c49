package io.github.devpayls.ls.internal;

import io.github.devpayls.ls.contract.LicenseServiceFacts;

import io.github.devpayls.ls.FaultType;
import io.github.devpayls.ls.contract.AwsSoapFault;
import io.github.devpayls.ls.RequestId;
import io.github.devpayls.ls.ServiceError;
import io.github.devpayls.ls.ServiceErrorCode;
import jakarta.xml.soap.SOAPFault;
import java.util.Collection;
import java.util.Optional;
import javax.xml.namespace.QName;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * The one place that reads SOAP faults. Turns the service's fault format — faultcode
 * {@code aws:Client.<Code>} or {@code aws:Server.<Code>}, faultstring the message, the request id
 * in {@code detail/aws:RequestId} — into a {@link ServiceError}. Tolerant: a code without the
 * {@code Client.}/{@code Server.} prefix takes the type the code usually has; a missing detail
 * means no request id; an unknown code keeps its raw text.
 */
final class FaultTranslator {

    private FaultTranslator() {
    }

    /**
     * @param fault        the fault as SAAJ parsed it
     * @param knownSecrets secret values of the request, scrubbed from the message
     * @return the service error
     */
    public static ServiceError translate(SOAPFault fault, Collection<String> knownSecrets) {
        QName code = fault.getFaultCodeAsQName();
        return translate(code == null ? null : code.getLocalPart(), fault.getFaultString(), fault.getDetail(),
                knownSecrets);
    }

    /**
     * @param faultCode    the fault code's local part, e.g. {@code Client.ExpiredActivationKey};
     *                     a stray {@code prefix:} is ignored; may be {@code null}
     * @param faultString  the fault string; may be {@code null}
     * @param detail       the fault's detail element; may be {@code null}
     * @param knownSecrets secret values of the request, scrubbed from the message
     * @return the service error
     */
    public static ServiceError translate(String faultCode, String faultString, Element detail,
                                         Collection<String> knownSecrets) {
        AwsSoapFault.FaultCode parsed = AwsSoapFault.parseCode(faultCode);
        String raw = parsed.raw();
        String name = parsed.name();
        FaultType type = parsed.type().map(t -> switch (t) {
            case SENDER -> FaultType.SENDER;
            case RECEIVER -> FaultType.RECEIVER;
        }).orElse(null);
        ServiceErrorCode code = ServiceErrorCode.fromWireName(name);
        if (type == null) {
            type = soapDefaultType(raw).orElse(code.usualType());
        }
        String message = faultString == null ? "" : SensitiveNames.scrub(faultString.strip(), knownSecrets);
        return new ServiceError(code, raw, type, message, requestId(detail));
    }

    // A bare SOAP 1.1 code (soapenv:Client / soapenv:Server) still says whose fault it is.
    private static Optional<FaultType> soapDefaultType(String raw) {
        if (raw.equals("Client")) {
            return Optional.of(FaultType.SENDER);
        }
        if (raw.equals("Server")) {
            return Optional.of(FaultType.RECEIVER);
        }
        return Optional.empty();
    }

    /**
     * @param detail a fault detail; may be {@code null}
     * @return the text of the first {@code RequestId} element in it, in any namespace
     */
    static Optional<RequestId> requestId(Element detail) {
        if (detail == null) {
            return Optional.empty();
        }
        Element found = find(detail, 0);
        if (found == null) {
            return Optional.empty();
        }
        String text = found.getTextContent();
        return text == null || text.isBlank() ? Optional.empty() : Optional.of(new RequestId(text.strip()));
    }

    private static Element find(Element element, int depth) {
        String local = element.getLocalName() != null ? element.getLocalName() : element.getTagName();
        if (local.endsWith(LicenseServiceFacts.FAULT_DETAIL_REQUEST_ID)
                && (local.length() == LicenseServiceFacts.FAULT_DETAIL_REQUEST_ID.length()
                        || local.charAt(local.length() - LicenseServiceFacts.FAULT_DETAIL_REQUEST_ID.length() - 1) == ':')) {
            return element;
        }
        if (depth > 8) {
            return null;
        }
        for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element childElement) {
                Element found = find(childElement, depth + 1);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }
}
