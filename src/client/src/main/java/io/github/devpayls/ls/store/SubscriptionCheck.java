package io.github.devpayls.ls.store;

import io.github.devpayls.ls.SubscriptionResult;
import java.util.Objects;

/**
 * What a subscription check of the stored set found: the service's answer ({@link Verified}), a
 * recent recorded "subscribed" trusted without asking ({@link Cached}), or no set to check
 * ({@link NotActivated}). {@link #isReadyForS3()} is the gate.
 */
public sealed interface SubscriptionCheck
        permits SubscriptionCheck.Verified, SubscriptionCheck.Cached, SubscriptionCheck.NotActivated {

    /** @return {@code true} when the product may use the stored set for Amazon S3 now */
    boolean isReadyForS3();

    /**
     * The service answered. A subscribed or not-subscribed answer is recorded in the store with its
     * time; a rejection is not (the store is unchanged; {@link SubscriptionResult.Rejected} says what to do).
     *
     * @param answer the service's answer
     * @param stored what the store holds afterwards
     */
    record Verified(SubscriptionResult answer, CredentialLookup stored) implements SubscriptionCheck {

        /** @throws NullPointerException when a component is {@code null} */
        public Verified {
            Objects.requireNonNull(answer, "answer");
            Objects.requireNonNull(stored, "stored");
        }

        @Override
        public boolean isReadyForS3() {
            return answer.isSubscribed();
        }
    }

    /**
     * The stored set's last verification said subscribed, within the cache window: no call was made.
     *
     * @param stored the stored set
     */
    record Cached(StoredCredentials stored) implements SubscriptionCheck {

        /** @throws NullPointerException when {@code stored} is {@code null} */
        public Cached {
            Objects.requireNonNull(stored, "stored");
        }

        @Override
        public boolean isReadyForS3() {
            return true;
        }
    }

    /**
     * There is no usable set to check: the product needs an activation first. Nothing was sent.
     *
     * @param reason why
     */
    record NotActivated(NoUsableCredentials reason) implements SubscriptionCheck {

        /** @throws NullPointerException when {@code reason} is {@code null} */
        public NotActivated {
            Objects.requireNonNull(reason, "reason");
        }

        @Override
        public boolean isReadyForS3() {
            return false;
        }
    }
}
