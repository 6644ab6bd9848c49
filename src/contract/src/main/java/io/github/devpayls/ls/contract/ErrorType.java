package io.github.devpayls.ls.contract;

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

    /** @return the REST {@code Error/Type} value, {@code Sender} or {@code Receiver}. Known. */
    public String restName() {
        return restName;
    }

    /** @return the SOAP fault-code prefix, {@code Client.} or {@code Server.}. Decided (AWS SOAP convention). */
    public String soapFaultPrefix() {
        return soapFaultPrefix;
    }
}
