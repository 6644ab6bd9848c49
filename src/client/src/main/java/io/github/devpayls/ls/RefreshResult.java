package io.github.devpayls.ls;

import java.util.Objects;

/**
 * What RefreshUserToken answered: {@link Refreshed} with the complete new credential set (the same
 * key pair, the latest user token), or {@link Rejected} with the service's error. When there is no
 * answer at all, the call throws a {@link NoAnswerException} instead.
 */
public sealed interface RefreshResult permits RefreshResult.Refreshed, RefreshResult.Rejected {

    /**
     * The service returned the latest version of the user token (it may be the one sent, when that
     * was already current). Replace the stored set with {@link #credentials()} as a unit.
     *
     * @param credentials the new set: the access key id and secret access key that signed the call,
     *                    with the returned user token
     * @param requestId   the id the service gave this request
     */
    record Refreshed(DesktopCredentials credentials, RequestId requestId) implements RefreshResult {

        /** @throws NullPointerException when a component is {@code null} */
        public Refreshed {
            Objects.requireNonNull(credentials, "credentials");
            Objects.requireNonNull(requestId, "requestId");
        }
    }

    /**
     * The service refused the refresh. {@link ServiceError#action()} says what to do.
     *
     * @param error the service's error
     */
    record Rejected(ServiceError error) implements RefreshResult {

        /** @throws NullPointerException when {@code error} is {@code null} */
        public Rejected {
            Objects.requireNonNull(error, "error");
        }
    }
}
