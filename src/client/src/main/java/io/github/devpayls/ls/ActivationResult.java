package io.github.devpayls.ls;

import java.util.Objects;

/**
 * What ActivateDesktopProduct answered: {@link Activated} with a complete credential set, or
 * {@link Rejected} with the service's error. When there is no answer at all, the call throws a
 * {@link NoAnswerException} instead.
 *
 * <pre>{@code
 * if (result instanceof ActivationResult.Activated activated) {
 *     store(activated.credentials());
 * } else if (result instanceof ActivationResult.Rejected rejected) {
 *     show(rejected.error().action());
 * }
 * }</pre>
 */
public sealed interface ActivationResult permits ActivationResult.Activated, ActivationResult.Rejected {

    /**
     * The service issued a credential set. All three parts are present: a response lacking any of
     * them is a {@link ProtocolFailureException}, never a partial set.
     *
     * @param credentials the user token, access key id and secret access key, together
     * @param requestId   the id the service gave this request
     */
    record Activated(DesktopCredentials credentials, RequestId requestId) implements ActivationResult {

        /** @throws NullPointerException when any component is {@code null} */
        public Activated {
            Objects.requireNonNull(credentials, "credentials");
            Objects.requireNonNull(requestId, "requestId");
        }
    }

    /**
     * The service refused: the key expired, belongs to another product, is invalid, the product
     * token is wrong, or another documented error. {@link ServiceError#action()} says what to do.
     *
     * @param error the service's error
     */
    record Rejected(ServiceError error) implements ActivationResult {

        /** @throws NullPointerException when {@code error} is {@code null} */
        public Rejected {
            Objects.requireNonNull(error, "error");
        }
    }
}
