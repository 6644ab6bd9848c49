package io.github.devpayls.ls.simulator;

import io.github.devpayls.ls.contract.ErrorCode;

/**
 * The model's "no": an error the service reports to the caller. The endpoint turns it into an
 * AWS-style SOAP fault; it never leaves the simulator.
 */
final class ServiceRefusal extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final ErrorCode code;

    ServiceRefusal(ErrorCode code, String message) {
        super(message, null, false, false);
        this.code = code;
    }

    ErrorCode code() {
        return code;
    }
}
