package io.github.devpayls.ls;

import java.util.Optional;

/**
 * The error codes the License Service documents: the four of ActivateDesktopProduct first, then
 * the common ones any action could return, then the SOAP-level ones. A code this client does not
 * know maps to {@link #UNKNOWN}; the raw code stays on {@link ServiceError#rawCode()}.
 *
 * <p>Each code carries the action an application should take ({@link #action()}), written so it
 * can be shown to whoever has to act, and whether retrying the same request could help.
 */
public enum ServiceErrorCode {

    /** The activation key is older than one hour. */
    EXPIRED_ACTIVATION_KEY("ExpiredActivationKey", FaultType.SENDER, false,
            "The activation key has expired (keys are valid for one hour). Ask the customer to get a fresh key"
                    + " from the product's activation page, then activate again with it."),
    /** The activation key belongs to another product. */
    INCORRECT_ACTIVATION_KEY("IncorrectActivationKey", FaultType.SENDER, false,
            "The activation key belongs to a different product. Ask the customer to get an activation key"
                    + " for this product from its activation page."),
    /** The activation key is invalid or malformed. */
    INVALID_ACTIVATION_KEY("InvalidActivationKey", FaultType.SENDER, false,
            "The activation key is not valid. Ask the customer to re-enter the key exactly as shown, or to"
                    + " generate a new one on the product's activation page."),
    /** The product token is not valid. A configuration error of the developer. */
    INVALID_PRODUCT_TOKEN("InvalidProductToken", FaultType.SENDER, false,
            "The product token is not valid. This is a configuration error of the product, not the customer's:"
                    + " the developer must check the product token the application is built with."),

    /** The action name is not valid. */
    INVALID_ACTION("InvalidAction", FaultType.SENDER, false, Actions.CLIENT_DEFECT),
    /** The request named no action. */
    MISSING_ACTION("MissingAction", FaultType.SENDER, false, Actions.CLIENT_DEFECT),
    /** A required parameter was missing. */
    MISSING_PARAMETER("MissingParameter", FaultType.SENDER, false, Actions.CLIENT_DEFECT),
    /** A parameter had an invalid value (for example a token expiration that is not positive). */
    INVALID_PARAMETER_VALUE("InvalidParameterValue", FaultType.SENDER, false,
            "A request parameter had an invalid value. The developer must check the values the application sends"
                    + " (for example the token expiration); the message names the parameter."),
    /** Parameters that must not be combined were combined. */
    INVALID_PARAMETER_COMBINATION("InvalidParameterCombination", FaultType.SENDER, false, Actions.CLIENT_DEFECT),
    /** A query parameter was not valid. */
    INVALID_QUERY_PARAMETER("InvalidQueryParameter", FaultType.SENDER, false, Actions.CLIENT_DEFECT),
    /** The API version was malformed. */
    MALFORMED_VERSION("MalformedVersion", FaultType.SENDER, false, Actions.CLIENT_DEFECT),
    /** The API version does not exist. */
    NO_SUCH_VERSION("NoSuchVersion", FaultType.SENDER, false, Actions.CLIENT_DEFECT),
    /** The caller may not perform the action. */
    ACCESS_DENIED("AccessDenied", FaultType.SENDER, false,
            "The service denied access. The developer must check the product's DevPay registration and the"
                    + " credentials used to call the service."),
    /** The access key id is not known. */
    INVALID_ACCESS_KEY_ID("InvalidAccessKeyId", FaultType.SENDER, false,
            "The service does not know the access key id used. The developer must check the credentials used"
                    + " to call the service."),
    /** The request was not sent over HTTPS. */
    REQUIRES_SSL("RequiresSSL", FaultType.SENDER, false,
            "The service accepts HTTPS only. Configure an https:// endpoint."),
    /** The request's timestamp was too old. */
    REQUEST_EXPIRED("RequestExpired", FaultType.SENDER, false,
            "The request was too old when it arrived. Check the computer's clock, then try again."),
    /** The service failed internally. */
    INTERNAL_ERROR("InternalError", FaultType.RECEIVER, true,
            "The service failed while handling the request. Try again later."),
    /** Too many requests. */
    REQUEST_THROTTLED("RequestThrottled", FaultType.RECEIVER, true,
            "The service is receiving too many requests. Wait a little, then try again."),
    /** The service is temporarily unavailable. */
    SERVICE_UNAVAILABLE("ServiceUnavailable", FaultType.RECEIVER, true,
            "The service is temporarily unavailable. Try again later."),
    /** The SOAP envelope had no body. */
    SOAP_BODY_MISSING("SoapBodyMissing", FaultType.SENDER, false, Actions.CLIENT_DEFECT),
    /** The SOAP envelope namespace was not SOAP 1.1. */
    UNKNOWN_ENVELOPE_NAMESPACE("UnknownEnvelopeNamespace", FaultType.SENDER, false, Actions.CLIENT_DEFECT),

    /** A code this client does not know; see {@link ServiceError#rawCode()}. */
    UNKNOWN(null, FaultType.UNKNOWN, false,
            "The service reported an error this client does not know. Show the error code, message and request id"
                    + " to the product's support.");

    private final String wireName;
    private final FaultType usualType;
    private final boolean retryable;
    private final String action;

    ServiceErrorCode(String wireName, FaultType usualType, boolean retryable, String action) {
        this.wireName = wireName;
        this.usualType = usualType;
        this.retryable = retryable;
        this.action = action;
    }

    /**
     * Finds the code for the name the service sent, without any {@code Client.}/{@code Server.}
     * prefix. The match is exact: the service's codes are case-sensitive.
     *
     * @param wireName the code as sent, e.g. {@code "ExpiredActivationKey"}
     * @return the code, or {@link #UNKNOWN} when this client does not know it
     */
    public static ServiceErrorCode fromWireName(String wireName) {
        for (ServiceErrorCode code : values()) {
            if (code.wireName != null && code.wireName.equals(wireName)) {
                return code;
            }
        }
        return UNKNOWN;
    }

    /** @return the code as the service spells it; empty for {@link #UNKNOWN} */
    public Optional<String> wireName() {
        return Optional.ofNullable(wireName);
    }

    /** @return whose fault this code usually is, used when a fault code carries no prefix */
    public FaultType usualType() {
        return usualType;
    }

    /** @return {@code true} when sending the same request again later could succeed */
    public boolean retryable() {
        return retryable;
    }

    /** @return what to do about this error, in words an application can show */
    public String action() {
        return action;
    }

    /** Action texts shared by several codes; an enum constant cannot refer to a static field of its own class. */
    private static final class Actions {
        static final String CLIENT_DEFECT = "The service could not understand the request: a defect in the"
                + " application or this client. Report it to the developer with the request id.";
    }
}
