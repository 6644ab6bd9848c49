package io.github.devpayls.ls.contract;

import java.util.Optional;

/**
 * The one list of error codes the License Service documents, with whose fault each is and whether
 * the same request may succeed later. The client's public {@code ServiceErrorCode} and the
 * simulator's answers both derive from it. Names are known; the HTTP status rules are decided
 * ({@link #restHttpStatus()}).
 */
public enum ErrorCode {

    // ActivateDesktopProduct's own codes. Known.
    EXPIRED_ACTIVATION_KEY("ExpiredActivationKey", ErrorType.SENDER, false),
    INCORRECT_ACTIVATION_KEY("IncorrectActivationKey", ErrorType.SENDER, false),
    INVALID_ACTIVATION_KEY("InvalidActivationKey", ErrorType.SENDER, false),
    INVALID_PRODUCT_TOKEN("InvalidProductToken", ErrorType.SENDER, false),

    // The codes of the calls a desktop product signs with the customer's keys. Known.
    INVALID_USER_TOKEN("InvalidUserToken", ErrorType.SENDER, false),
    MISSING_USER_TOKEN("MissingUserToken", ErrorType.SENDER, false),
    MISSING_PRODUCT_TOKEN("MissingProductToken", ErrorType.SENDER, false),
    /** "Subscription pending because the sign-up payment failed": a state, not a defect. Known (one client's list). */
    USER_NOT_SUBSCRIBED("UserNotSubscribed", ErrorType.SENDER, false),

    // Common codes any action could return. Known.
    INVALID_ACTION("InvalidAction", ErrorType.SENDER, false),
    MISSING_ACTION("MissingAction", ErrorType.SENDER, false),
    MISSING_PARAMETER("MissingParameter", ErrorType.SENDER, false),
    INVALID_PARAMETER_VALUE("InvalidParameterValue", ErrorType.SENDER, false),
    INVALID_PARAMETER_COMBINATION("InvalidParameterCombination", ErrorType.SENDER, false),
    INVALID_QUERY_PARAMETER("InvalidQueryParameter", ErrorType.SENDER, false),
    MALFORMED_VERSION("MalformedVersion", ErrorType.SENDER, false),
    NO_SUCH_VERSION("NoSuchVersion", ErrorType.SENDER, false),
    ACCESS_DENIED("AccessDenied", ErrorType.SENDER, false),
    INVALID_ACCESS_KEY_ID("InvalidAccessKeyId", ErrorType.SENDER, false),
    /** The code for a wrong REST-Query signature. Decided: AWS's usual name; the service's is not documented. */
    SIGNATURE_DOES_NOT_MATCH("SignatureDoesNotMatch", ErrorType.SENDER, false),
    REQUIRES_SSL("RequiresSSL", ErrorType.SENDER, false),
    REQUEST_EXPIRED("RequestExpired", ErrorType.SENDER, false),
    INTERNAL_ERROR("InternalError", ErrorType.RECEIVER, true),
    REQUEST_THROTTLED("RequestThrottled", ErrorType.RECEIVER, true),
    SERVICE_UNAVAILABLE("ServiceUnavailable", ErrorType.RECEIVER, true),

    // SOAP-level codes. Known.
    SOAP_BODY_MISSING("SoapBodyMissing", ErrorType.SENDER, false),
    UNKNOWN_ENVELOPE_NAMESPACE("UnknownEnvelopeNamespace", ErrorType.SENDER, false);

    private final String wireName;
    private final ErrorType type;
    private final boolean retryable;

    ErrorCode(String wireName, ErrorType type, boolean retryable) {
        this.wireName = wireName;
        this.type = type;
        this.retryable = retryable;
    }

    /**
     * @param wireName the code as sent, without a {@code Client.}/{@code Server.} prefix; the
     *                 service's codes are case-sensitive, so the match is exact
     * @return the code, or empty when the list does not have it
     */
    public static Optional<ErrorCode> fromWireName(String wireName) {
        for (ErrorCode code : values()) {
            if (code.wireName.equals(wireName)) {
                return Optional.of(code);
            }
        }
        return Optional.empty();
    }

    /** @return the code as the service spells it, e.g. {@code ExpiredActivationKey} */
    public String wireName() {
        return wireName;
    }

    /** @return whose fault this code is when a message does not say */
    public ErrorType type() {
        return type;
    }

    /** @return {@code true} when sending the same request again later could succeed. Decided. */
    public boolean retryable() {
        return retryable;
    }

    /** @return the local part of the SOAP fault code, e.g. {@code Client.ExpiredActivationKey} */
    public String soapFaultCode() {
        return type.soapFaultPrefix() + wireName;
    }

    /**
     * The HTTP status of this error over REST-Query. Decided: Sender errors 400, except 403 for
     * the access-key and signature errors; Receiver errors 500; throttling and unavailability 503.
     *
     * @return the status
     */
    public int restHttpStatus() {
        return switch (this) {
            case ACCESS_DENIED, INVALID_ACCESS_KEY_ID, SIGNATURE_DOES_NOT_MATCH -> 403;
            case REQUEST_THROTTLED, SERVICE_UNAVAILABLE -> LicenseServiceFacts.THROTTLED_HTTP_STATUS;
            default -> type == ErrorType.SENDER ? 400 : 500;
        };
    }

    /**
     * The HTTP status of this error over SOAP. Decided: every fault travels with 500 (the SOAP 1.1
     * rule), except throttling, which is 503.
     *
     * @return the status
     */
    public int soapHttpStatus() {
        return this == REQUEST_THROTTLED ? LicenseServiceFacts.THROTTLED_HTTP_STATUS
                : LicenseServiceFacts.SOAP_FAULT_HTTP_STATUS;
    }
}
