package io.github.devpayls.ls.simulator;

import io.github.devpayls.ls.internal.LicenseServiceFacts;

/** The error codes the simulator answers with, each with whose fault it is. */
enum ServiceErrorCode {
    MISSING_PARAMETER("MissingParameter", true),
    INVALID_PARAMETER_VALUE("InvalidParameterValue", true),
    INVALID_PRODUCT_TOKEN("InvalidProductToken", true),
    INVALID_ACTIVATION_KEY("InvalidActivationKey", true),
    EXPIRED_ACTIVATION_KEY("ExpiredActivationKey", true),
    INCORRECT_ACTIVATION_KEY("IncorrectActivationKey", true),
    INVALID_ACTION("InvalidAction", true),
    INTERNAL_ERROR("InternalError", false),
    REQUEST_THROTTLED("RequestThrottled", false);

    private final String code;
    private final boolean callersFault;

    ServiceErrorCode(String code, boolean callersFault) {
        this.code = code;
        this.callersFault = callersFault;
    }

    /** @return the code as the service spells it, e.g. {@code ExpiredActivationKey} */
    String code() {
        return code;
    }

    /** @return the local part of the SOAP faultcode, e.g. {@code Client.ExpiredActivationKey} */
    String faultCodeLocalPart() {
        return (callersFault ? LicenseServiceFacts.CLIENT_FAULT_PREFIX : LicenseServiceFacts.SERVER_FAULT_PREFIX)
                + code;
    }
}
