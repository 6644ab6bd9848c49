package io.github.devpayls.ls;

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
 * @param requestId the id of the failed request, when the service sent one
 */
public record ServiceError(ServiceErrorCode code, String rawCode, FaultType type, String message,
                           Optional<RequestId> requestId) {

    /** @throws NullPointerException when any component is {@code null} */
    public ServiceError {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(rawCode, "rawCode");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(requestId, "requestId");
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
