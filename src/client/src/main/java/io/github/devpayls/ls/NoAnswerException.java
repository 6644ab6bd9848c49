package io.github.devpayls.ls;

/**
 * The call got no usable answer from the License Service: the network failed, the service stayed
 * unavailable through every retry, or what came back was not a valid answer. Unchecked, because an
 * application usually handles it in one place ("try again later"), unlike a
 * {@link ActivationResult.Rejected}, which it must show to the customer.
 *
 * <p>Messages never contain secrets: no activation key, user token or secret access key.
 */
public abstract sealed class NoAnswerException extends RuntimeException
        permits TransportFailureException, ServiceUnavailableException, ProtocolFailureException {

    private static final long serialVersionUID = 1L;

    private final int attempts;

    NoAnswerException(String message, int attempts, Throwable cause) {
        super(message, cause);
        if (attempts < 0) {
            throw new IllegalArgumentException("attempts must not be negative");
        }
        this.attempts = attempts;
    }

    /** @return how many requests the call sent (or tried to send) before giving up */
    public int attempts() {
        return attempts;
    }
}
