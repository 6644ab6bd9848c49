package io.github.devpayls.ls.simulator;

/**
 * The model's "no": an error the service reports to the caller. The endpoint turns it into an
 * AWS-style SOAP fault; it never leaves the simulator.
 */
final class ServiceError extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final ServiceErrorCode code;

    ServiceError(ServiceErrorCode code, String message) {
        super(message, null, false, false);
        this.code = code;
    }

    ServiceErrorCode code() {
        return code;
    }
}
