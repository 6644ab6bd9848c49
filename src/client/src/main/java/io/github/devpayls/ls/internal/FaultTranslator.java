package io.github.devpayls.ls.internal;

import io.github.devpayls.ls.FaultType;
import io.github.devpayls.ls.RequestId;
import io.github.devpayls.ls.ServiceError;
import io.github.devpayls.ls.ServiceErrorCode;
import io.github.devpayls.ls.contract.AwsSoapFault;
import io.github.devpayls.ls.contract.ErrorType;
import io.github.devpayls.ls.contract.LicenseServiceFacts;
import io.github.devpayls.ls.contract.generated.ErrorResponse;
import io.github.devpayls.ls.contract.generated.RestError;
import jakarta.xml.soap.SOAPConstants;
import jakarta.xml.soap.SOAPException;
import jakarta.xml.soap.SOAPFault;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import javax.xml.namespace.QName;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * The one place that turns the service's error formats into a {@link ServiceError}:
 * <ul>
 *   <li>the SOAP 1.1 fault — faultcode {@code aws:Client.<Code>} or {@code aws:Server.<Code>},
 *       faultstring the message, the request id in {@code detail/aws:RequestId};</li>
 *   <li>the SOAP 1.2 fault — {@code env:Code/env:Value} {@code env:Sender}/{@code env:Receiver},
 *       the service's code in {@code env:Subcode/env:Value}, {@code env:Reason/env:Text} the
 *       message, the request id in {@code env:Detail};</li>
 *   <li>the REST-Query {@code ErrorResponse} — one or more {@code Error} ({@code Type},
 *       {@code Code}, {@code Message}) then {@code RequestId}; the first error decides, the others
 *       are kept in {@link ServiceError#alsoReported()}.</li>
 * </ul>
 * Every format gives the same error for the same code (the code parsing is
 * {@link AwsSoapFault#parseCode(String, Optional)}). Tolerant: a code without the
 * {@code Client.}/{@code Server.} prefix takes the type stated beside it or the type the code
 * usually has; a missing detail means no request id; an unknown code keeps its raw text.
 */
public final class FaultTranslator {

    private FaultTranslator() {
    }

    /**
     * @param fault        the fault as SAAJ parsed it, SOAP 1.1 or SOAP 1.2
     * @param knownSecrets secret values of the request, scrubbed from the message
     * @return the service error
     */
    public static ServiceError translate(SOAPFault fault, Collection<String> knownSecrets) {
        if (SOAPConstants.URI_NS_SOAP_1_2_ENVELOPE.equals(fault.getNamespaceURI())) {
            QName value = fault.getFaultCodeAsQName();
            Iterator<QName> subcodes = fault.getFaultSubcodes();
            String subcode = subcodes.hasNext() ? subcodes.next().getLocalPart() : null;
            String reason = null;
            try {
                Iterator<String> texts = fault.getFaultReasonTexts();
                reason = texts.hasNext() ? texts.next() : null;
            } catch (SOAPException e) {
                // No readable reason: the error keeps its code with an empty message.
            }
            return translateSoap12(value == null ? null : value.getLocalPart(), subcode, reason, fault.getDetail(),
                    knownSecrets);
        }
        QName code = fault.getFaultCodeAsQName();
        return translate(code == null ? null : code.getLocalPart(), fault.getFaultString(), fault.getDetail(),
                knownSecrets);
    }

    /**
     * A SOAP 1.1 fault's parts.
     *
     * @param faultCode    the fault code's local part, e.g. {@code Client.ExpiredActivationKey};
     *                     a stray {@code prefix:} is ignored; may be {@code null}
     * @param faultString  the fault string; may be {@code null}
     * @param detail       the fault's detail element; may be {@code null}
     * @param knownSecrets secret values of the request, scrubbed from the message
     * @return the service error
     */
    public static ServiceError translate(String faultCode, String faultString, Element detail,
                                         Collection<String> knownSecrets) {
        return error(AwsSoapFault.parseCode(faultCode), faultString, requestId(detail), knownSecrets, List.of());
    }

    /**
     * A SOAP 1.2 fault's parts. Without a subcode the code is the value itself ({@code Sender} /
     * {@code Receiver}), which says whose fault it is and nothing more.
     *
     * @param codeValue    {@code env:Code/env:Value}, e.g. {@code env:Sender}; may be {@code null}
     * @param subcode      the first {@code env:Subcode/env:Value}, e.g. {@code aws:ExpiredActivationKey}
     *                     or {@code aws:Client.ExpiredActivationKey}; may be {@code null}
     * @param reason       the first {@code env:Reason/env:Text}; may be {@code null}
     * @param detail       {@code env:Detail}; may be {@code null}
     * @param knownSecrets secret values of the request, scrubbed from the message
     * @return the service error
     */
    public static ServiceError translateSoap12(String codeValue, String subcode, String reason, Element detail,
                                               Collection<String> knownSecrets) {
        AwsSoapFault.FaultCode parsed = subcode == null || subcode.isBlank()
                ? AwsSoapFault.parseCode(codeValue)
                : AwsSoapFault.parseCode(subcode, ErrorType.fromStated(codeValue));
        return error(parsed, reason, requestId(detail), knownSecrets, List.of());
    }

    /**
     * A REST-Query error body, as {@link RestAnswers} read it. The first {@code Error} decides;
     * every further one becomes an entry of {@link ServiceError#alsoReported()}, all with the
     * body's request id. A body without any {@code Error} (the contract requires one) is an
     * error of unknown code, still with its request id.
     *
     * @param body         the error body
     * @param knownSecrets secret values of the request, scrubbed from the messages
     * @return the service error
     */
    public static ServiceError fromErrorResponse(ErrorResponse body, Collection<String> knownSecrets) {
        Optional<RequestId> requestId = Optional.ofNullable(body.getRequestId())
                .filter(id -> !id.isBlank())
                .map(id -> new RequestId(id.strip()));
        List<RestError> errors = body.getError();
        if (errors.isEmpty()) {
            return error(AwsSoapFault.parseCode(null), null, requestId, knownSecrets, List.of());
        }
        List<ServiceError> further = new ArrayList<>(errors.size() - 1);
        for (RestError error : errors.subList(1, errors.size())) {
            further.add(restError(error, requestId, knownSecrets, List.of()));
        }
        return restError(errors.get(0), requestId, knownSecrets, further);
    }

    private static ServiceError restError(RestError error, Optional<RequestId> requestId,
                                          Collection<String> knownSecrets, List<ServiceError> further) {
        AwsSoapFault.FaultCode parsed = AwsSoapFault.parseCode(error.getCode(), ErrorType.fromStated(error.getType()));
        return error(parsed, error.getMessage(), requestId, knownSecrets, further);
    }

    private static ServiceError error(AwsSoapFault.FaultCode parsed, String message, Optional<RequestId> requestId,
                                      Collection<String> knownSecrets, List<ServiceError> further) {
        String raw = parsed.raw();
        FaultType type = parsed.type().map(t -> switch (t) {
            case SENDER -> FaultType.SENDER;
            case RECEIVER -> FaultType.RECEIVER;
        }).orElse(null);
        ServiceErrorCode code = ServiceErrorCode.fromWireName(parsed.name());
        if (type == null) {
            type = soapDefaultType(raw).orElse(code.usualType());
        }
        String text = message == null ? "" : SensitiveNames.scrub(message.strip(), knownSecrets);
        return new ServiceError(code, raw, type, text, requestId, further);
    }

    // A bare SOAP code (soapenv:Client / soapenv:Server, SOAP 1.2's Sender / Receiver) still says whose fault it is.
    private static Optional<FaultType> soapDefaultType(String raw) {
        return ErrorType.fromStated(raw).map(t -> switch (t) {
            case SENDER -> FaultType.SENDER;
            case RECEIVER -> FaultType.RECEIVER;
        });
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
