package io.github.devpayls.ls.contract;

import java.util.Optional;

/**
 * Whose fault an error is, as the service's error formats say it: {@code Type} {@code Sender} or
 * {@code Receiver} in a REST {@code ErrorResponse}, the {@code Client.}/{@code Server.} prefix of a
 * SOAP fault code.
 */
public enum ErrorType {
    /** The caller's fault: sending the same request again will fail the same way. */
    SENDER("Sender", "Client."),
    /** The service's fault. */
    RECEIVER("Receiver", "Server.");

    private final String restName;
    private final String soapFaultPrefix;

    ErrorType(String restName, String soapFaultPrefix) {
        this.restName = restName;
        this.soapFaultPrefix = soapFaultPrefix;
    }

    /**
     * Reads the type as REST-Query's {@code Error/Type} or SOAP 1.2's {@code env:Code/env:Value}
     * spell it ({@code Sender}/{@code Receiver}, any {@code prefix:} dropped, surrounding
     * whitespace ignored), or SOAP 1.1's bare {@code Client}/{@code Server}. Exact case: the
     * formats define these spellings.
     *
     * @param text the text; may be {@code null}
     * @return the type, or empty when the text names none
     */
    public static Optional<ErrorType> fromStated(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String name = text.strip();
        name = name.substring(name.lastIndexOf(':') + 1);
        for (ErrorType type : values()) {
            if (type.restName.equals(name)
                    || type.soapFaultPrefix.substring(0, type.soapFaultPrefix.length() - 1).equals(name)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }

    /** @return the REST {@code Error/Type} value, {@code Sender} or {@code Receiver}. Known. */
    public String restName() {
        return restName;
    }

    /** @return the SOAP fault-code prefix, {@code Client.} or {@code Server.}. Decided (AWS SOAP convention). */
    public String soapFaultPrefix() {
        return soapFaultPrefix;
    }
}
