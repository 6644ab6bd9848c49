package io.github.devpayls.ls;

import io.github.devpayls.ls.contract.ErrorCode;
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
    EXPIRED_ACTIVATION_KEY(ErrorCode.EXPIRED_ACTIVATION_KEY,
            "The activation key has expired (keys are valid for one hour). Ask the customer to get a fresh key"
                    + " from the product's activation page, then activate again with it."),
    /** The activation key belongs to another product. */
    INCORRECT_ACTIVATION_KEY(ErrorCode.INCORRECT_ACTIVATION_KEY,
            "The activation key belongs to a different product. Ask the customer to get an activation key"
                    + " for this product from its activation page."),
    /** The activation key is invalid or malformed. */
    INVALID_ACTIVATION_KEY(ErrorCode.INVALID_ACTIVATION_KEY,
            "The activation key is not valid. Ask the customer to re-enter the key exactly as shown, or to"
                    + " generate a new one on the product's activation page."),
    /** The product token is not valid. A configuration error of the developer. */
    INVALID_PRODUCT_TOKEN(ErrorCode.INVALID_PRODUCT_TOKEN,
            "The product token is not valid. This is a configuration error of the product, not the customer's:"
                    + " the developer must check the product token the application is built with."),

    /** The user token is not valid, or not the one issued with the key pair that signed the call. */
    INVALID_USER_TOKEN(ErrorCode.INVALID_USER_TOKEN,
            "The stored user token is not valid (any more). Activate the product again: send the customer to the"
                    + " product's activation page for a new key."),
    /** The call carried no user token. */
    MISSING_USER_TOKEN(ErrorCode.MISSING_USER_TOKEN, Actions.CLIENT_DEFECT),
    /** The call carried no product token. */
    MISSING_PRODUCT_TOKEN(ErrorCode.MISSING_PRODUCT_TOKEN, Actions.CLIENT_DEFECT),
    /** The customer's subscription is pending because the sign-up payment failed. */
    USER_NOT_SUBSCRIBED(ErrorCode.USER_NOT_SUBSCRIBED,
            "The customer is not subscribed yet (the payment is still being checked or failed). Do not use the"
                    + " credentials for Amazon S3 until a verification says subscribed."),

    /** The action name is not valid. */
    INVALID_ACTION(ErrorCode.INVALID_ACTION, Actions.CLIENT_DEFECT),
    /** The request named no action. */
    MISSING_ACTION(ErrorCode.MISSING_ACTION, Actions.CLIENT_DEFECT),
    /** A required parameter was missing. */
    MISSING_PARAMETER(ErrorCode.MISSING_PARAMETER, Actions.CLIENT_DEFECT),
    /** A parameter had an invalid value (for example a token expiration that is not positive). */
    INVALID_PARAMETER_VALUE(ErrorCode.INVALID_PARAMETER_VALUE,
            "A request parameter had an invalid value. The developer must check the values the application sends"
                    + " (for example the token expiration); the message names the parameter."),
    /** Parameters that must not be combined were combined. */
    INVALID_PARAMETER_COMBINATION(ErrorCode.INVALID_PARAMETER_COMBINATION, Actions.CLIENT_DEFECT),
    /** A query parameter was not valid. */
    INVALID_QUERY_PARAMETER(ErrorCode.INVALID_QUERY_PARAMETER, Actions.CLIENT_DEFECT),
    /** The API version was malformed. */
    MALFORMED_VERSION(ErrorCode.MALFORMED_VERSION, Actions.CLIENT_DEFECT),
    /** The API version does not exist. */
    NO_SUCH_VERSION(ErrorCode.NO_SUCH_VERSION, Actions.CLIENT_DEFECT),
    /** The caller may not perform the action. */
    ACCESS_DENIED(ErrorCode.ACCESS_DENIED,
            "The service denied access. The developer must check the product's DevPay registration and the"
                    + " credentials used to call the service."),
    /** The access key id is not known. */
    INVALID_ACCESS_KEY_ID(ErrorCode.INVALID_ACCESS_KEY_ID,
            "The service does not know the access key id used. The developer must check the credentials used"
                    + " to call the service."),
    /** The REST-Query signature did not match the request. */
    SIGNATURE_DOES_NOT_MATCH(ErrorCode.SIGNATURE_DOES_NOT_MATCH,
            "The service did not accept the request's signature. Check the computer's clock, then activate again if"
                    + " it keeps failing (the stored secret key may be damaged)."),
    /** The request was not sent over HTTPS. */
    REQUIRES_SSL(ErrorCode.REQUIRES_SSL,
            "The service accepts HTTPS only. Configure an https:// endpoint."),
    /** The request's timestamp was too old. */
    REQUEST_EXPIRED(ErrorCode.REQUEST_EXPIRED,
            "The request was too old when it arrived. Check the computer's clock, then try again."),
    /** The service failed internally. */
    INTERNAL_ERROR(ErrorCode.INTERNAL_ERROR,
            "The service failed while handling the request. Try again later."),
    /** Too many requests. */
    REQUEST_THROTTLED(ErrorCode.REQUEST_THROTTLED,
            "The service is receiving too many requests. Wait a little, then try again."),
    /** The service is temporarily unavailable. */
    SERVICE_UNAVAILABLE(ErrorCode.SERVICE_UNAVAILABLE,
            "The service is temporarily unavailable. Try again later."),
    /** The SOAP envelope had no body. */
    SOAP_BODY_MISSING(ErrorCode.SOAP_BODY_MISSING, Actions.CLIENT_DEFECT),
    /** The SOAP envelope namespace was not SOAP 1.1. */
    UNKNOWN_ENVELOPE_NAMESPACE(ErrorCode.UNKNOWN_ENVELOPE_NAMESPACE, Actions.CLIENT_DEFECT),

    /** A code this client does not know; see {@link ServiceError#rawCode()}. */
    UNKNOWN(null,
            "The service reported an error this client does not know. Show the error code, message and request id"
                    + " to the product's support.");

    private final ErrorCode code;
    private final String action;

    ServiceErrorCode(ErrorCode code, String action) {
        this.code = code;
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
        return ErrorCode.fromWireName(wireName).map(ServiceErrorCode::of).orElse(UNKNOWN);
    }

    /** @return the public code for a code of the contract's list */
    static ServiceErrorCode of(ErrorCode code) {
        for (ServiceErrorCode candidate : values()) {
            if (candidate.code == code) {
                return candidate;
            }
        }
        throw new IllegalStateException("no ServiceErrorCode for " + code);
    }

    /** @return the code as the service spells it; empty for {@link #UNKNOWN} */
    public Optional<String> wireName() {
        return Optional.ofNullable(code).map(ErrorCode::wireName);
    }

    /** @return whose fault this code usually is, used when a fault code carries no prefix */
    public FaultType usualType() {
        if (code == null) {
            return FaultType.UNKNOWN;
        }
        return switch (code.type()) {
            case SENDER -> FaultType.SENDER;
            case RECEIVER -> FaultType.RECEIVER;
        };
    }

    /** @return {@code true} when sending the same request again later could succeed */
    public boolean retryable() {
        return code != null && code.retryable();
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
