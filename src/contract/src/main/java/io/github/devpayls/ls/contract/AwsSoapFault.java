package io.github.devpayls.ls.contract;

import java.util.Optional;

/**
 * The AWS SOAP fault format of that era, both directions: {@code faultcode}
 * {@code aws:Client.<Code>} or {@code aws:Server.<Code>} with the {@code aws} prefix bound to
 * {@link LicenseServiceFacts#AWS_FAULT_NAMESPACE}, the message as {@code faultstring}, and
 * {@code <aws:RequestId>} in {@code detail}. Decided (the convention of AWS's SOAP services).
 */
public final class AwsSoapFault {

    /** The prefix the format binds to the AWS fault namespace. */
    public static final String PREFIX = "aws";

    private AwsSoapFault() {
    }

    /**
     * A fault code as read, split into whose fault it says it is and the code's name.
     *
     * @param type the type the prefix says, empty when the code had no {@code Client.}/{@code Server.} prefix
     * @param name the code's name without prefixes, e.g. {@code ExpiredActivationKey}; may be empty
     * @param raw  the code as sent, stripped of any {@code prefix:} qualifier
     */
    public record FaultCode(Optional<ErrorType> type, String name, String raw) {
    }

    /**
     * Reads a fault code tolerantly: any {@code prefix:} qualifier is dropped (bound or not), and
     * a missing {@code Client.}/{@code Server.} prefix leaves the type empty.
     *
     * @param faultCode the fault code's text, e.g. {@code aws:Client.ExpiredActivationKey}; may be {@code null}
     * @return the parts
     */
    public static FaultCode parseCode(String faultCode) {
        String raw = faultCode == null ? "" : faultCode.strip();
        int colon = raw.lastIndexOf(':');
        if (colon >= 0) {
            raw = raw.substring(colon + 1);
        }
        for (ErrorType type : ErrorType.values()) {
            if (raw.startsWith(type.soapFaultPrefix())) {
                return new FaultCode(Optional.of(type), raw.substring(type.soapFaultPrefix().length()), raw);
            }
        }
        return new FaultCode(Optional.empty(), raw, raw);
    }

    /**
     * Reads a code whose format states whose fault it is in a separate place — a REST-Query
     * {@code Error/Type}, a SOAP 1.2 {@code env:Code/env:Value} — and spells it the way a SOAP 1.1
     * fault of this format would: a code without a {@code Client.}/{@code Server.} prefix gets the
     * stated type's prefix, so every format yields the same raw code for the same error. A prefix
     * in the code itself wins over the stated type.
     *
     * @param code       the code's text, e.g. {@code ExpiredActivationKey}; may be {@code null}
     * @param statedType the type stated beside it, empty when absent or unreadable
     * @return the parts
     */
    public static FaultCode parseCode(String code, Optional<ErrorType> statedType) {
        FaultCode parsed = parseCode(code);
        if (parsed.type().isPresent() || statedType.isEmpty()) {
            return parsed;
        }
        String raw = parsed.name().isEmpty() ? parsed.raw() : statedType.get().soapFaultPrefix() + parsed.name();
        return new FaultCode(statedType, parsed.name(), raw);
    }

    /**
     * Writes a whole SOAP 1.1 envelope holding one fault in this format, for answers written
     * without a SOAP stack (injected faults).
     *
     * @param faultCode the fault code's local part, e.g. {@code Server.RequestThrottled}
     * @param message   the fault string (escaped here)
     * @param requestId the request id
     * @return the envelope's text
     */
    public static String envelope(String faultCode, String message, String requestId) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                + "<soap:Envelope xmlns:soap=\"" + LicenseServiceFacts.SOAP11_ENVELOPE_NAMESPACE + "\" xmlns:"
                + PREFIX + "=\"" + LicenseServiceFacts.AWS_FAULT_NAMESPACE + "\"><soap:Body><soap:Fault>"
                + "<faultcode>" + PREFIX + ":" + escape(faultCode) + "</faultcode>"
                + "<faultstring>" + escape(message) + "</faultstring>"
                + "<detail><" + PREFIX + ":" + LicenseServiceFacts.FAULT_DETAIL_REQUEST_ID + ">" + escape(requestId)
                + "</" + PREFIX + ":" + LicenseServiceFacts.FAULT_DETAIL_REQUEST_ID + "></detail>"
                + "</soap:Fault></soap:Body></soap:Envelope>";
    }

    /**
     * @param code      the error
     * @param message   the fault string
     * @param requestId the request id
     * @return the envelope's text for a documented error
     */
    public static String envelope(ErrorCode code, String message, String requestId) {
        return envelope(code.soapFaultCode(), message, requestId);
    }

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
