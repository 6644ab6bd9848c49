package io.github.devpayls.ls.store;

import io.github.devpayls.ls.RequestId;
import io.github.devpayls.ls.ServiceError;
import java.util.Objects;

/**
 * What {@link DesktopActivation#refresh()} did with the stored set's user token.
 */
public sealed interface TokenRefresh
        permits TokenRefresh.Refreshed, TokenRefresh.Rejected, TokenRefresh.NotActivated, TokenRefresh.Superseded {

    /**
     * The service returned the latest token and it replaced the stored one, the set kept a unit.
     *
     * @param stored    the set as stored now
     * @param requestId the id the service gave the refresh
     */
    record Refreshed(StoredCredentials stored, RequestId requestId) implements TokenRefresh {
        /** @throws NullPointerException when a component is {@code null} */
        public Refreshed {
            Objects.requireNonNull(stored, "stored");
            Objects.requireNonNull(requestId, "requestId");
        }
    }

    /**
     * The service refused; the store is unchanged.
     *
     * @param error the service's error, with the action to take
     */
    record Rejected(ServiceError error) implements TokenRefresh {
        /** @throws NullPointerException when {@code error} is {@code null} */
        public Rejected {
            Objects.requireNonNull(error, "error");
        }
    }

    /**
     * There is no usable set to refresh; nothing was sent.
     *
     * @param reason why
     */
    record NotActivated(NoUsableCredentials reason) implements TokenRefresh {
        /** @throws NullPointerException when {@code reason} is {@code null} */
        public NotActivated {
            Objects.requireNonNull(reason, "reason");
        }
    }

    /**
     * While the refresh was under way another activation (thread or process) replaced the set; the
     * refreshed token belongs to the old key pair and was not stored.
     *
     * @param stored what the store holds now
     */
    record Superseded(CredentialLookup stored) implements TokenRefresh {
        /** @throws NullPointerException when {@code stored} is {@code null} */
        public Superseded {
            Objects.requireNonNull(stored, "stored");
        }
    }
}
