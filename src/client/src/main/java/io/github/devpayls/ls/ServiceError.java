package io.github.devpayls.ls;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An error the License Service reported: the service answered, and the answer was no.
 *
 * <p>The message is the service's own text with anything secret masked. {@link #action()} says
 * what to do about it, and {@link #retryable()} whether the same request could succeed later.
 *
 * @param code      the code, {@link ServiceErrorCode#UNKNOWN} when this client does not know it
 * @param rawCode   the code exactly as the service sent it, without namespace prefix (for example
 *                  {@code Client.ExpiredActivationKey})
 * @param type      whose fault it is
 * @param message   the service's message, secrets masked; may be empty
 * <p>The same error reads the same whichever format carried it — a SOAP 1.1 or SOAP 1.2 fault, or
 * a REST-Query {@code ErrorResponse}: where a format states whose fault it is apart from the code
 * ({@code Error/Type}, {@code env:Code/env:Value}), {@link #rawCode()} is spelled the SOAP 1.1
 * way, {@code Client.<Code>} or {@code Server.<Code>}.
 *
 * @param code          the code, {@link ServiceErrorCode#UNKNOWN} when this client does not know it
 * @param rawCode       the code as the service sent it, without namespace prefix (for example
 *                      {@code Client.ExpiredActivationKey})
 * @param type          whose fault it is
 * @param message       the service's message, secrets masked; may be empty
 * @param requestId     the id of the failed request, when the service sent one
 * @param alsoReported  the further errors of an answer that reported several (a REST-Query
 *                      {@code ErrorResponse} may hold more than one {@code Error}), in the order
 *                      sent; this error, the first, is the one that decides. Usually empty; each
 *                      entry's own list is empty
 */
public record ServiceError(ServiceErrorCode code, String rawCode, FaultType type, String message,
                           Optional<RequestId> requestId, List<ServiceError> alsoReported) {

    /** @throws NullPointerException when any component is {@code null} */
    public ServiceError {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(rawCode, "rawCode");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(requestId, "requestId");
        alsoReported = List.copyOf(alsoReported);
    }

    /**
     * An error reported alone, as every SOAP fault is.
     *
     * @param code      the code
     * @param rawCode   the code as sent
     * @param type      whose fault it is
     * @param message   the message, secrets masked
     * @param requestId the request id, when sent
     * @throws NullPointerException when any argument is {@code null}
     */
    public ServiceError(ServiceErrorCode code, String rawCode, FaultType type, String message,
                        Optional<RequestId> requestId) {
        this(code, rawCode, type, message, requestId, List.of());
    }

    /** @return {@code true} when sending the same request again later could succeed */
    public boolean retryable() {
        return code.retryable();
    }

    /** @return what to do about this error, in words an application can show */
    public String action() {
        return code.action();
    }
}
