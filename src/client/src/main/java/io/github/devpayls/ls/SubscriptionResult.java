package io.github.devpayls.ls;

import java.util.Objects;
import java.util.Optional;

/**
 * What VerifyProductSubscriptionByTokens answered: {@link Subscribed}, {@link NotSubscribed} (not
 * yet, declined or cancelled: the service does not say which), or {@link Rejected} with the
 * service's error (an invalid or expired user token, a wrong product token, a bad signature, …).
 * When there is no answer at all, the call throws a {@link NoAnswerException} instead.
 *
 * <p>Only {@link Subscribed} lets the product use the credentials for Amazon S3.
 *
 * <pre>{@code
 * SubscriptionResult result = client.verifySubscription(credentials, productToken);
 * if (result instanceof SubscriptionResult.Subscribed) {
 *     startUsingS3(credentials);
 * } else if (result instanceof SubscriptionResult.NotSubscribed) {
 *     show("Your subscription is not active yet.");
 * } else if (result instanceof SubscriptionResult.Rejected rejected) {
 *     show(rejected.error().action());
 * }
 * }</pre>
 */
public sealed interface SubscriptionResult
        permits SubscriptionResult.Subscribed, SubscriptionResult.NotSubscribed, SubscriptionResult.Rejected {

    /** @return {@code true} only for {@link Subscribed} */
    default boolean isSubscribed() {
        return this instanceof Subscribed;
    }

    /**
     * The customer is subscribed: the product may use the credentials for Amazon S3.
     *
     * @param requestId the id the service gave this request
     */
    record Subscribed(RequestId requestId) implements SubscriptionResult {

        /** @throws NullPointerException when {@code requestId} is {@code null} */
        public Subscribed {
            Objects.requireNonNull(requestId, "requestId");
        }
    }

    /**
     * The customer is not (yet) subscribed: the card is still being vetted, was declined, or the
     * subscription was cancelled. Ask again later; do not use the credentials for S3 meanwhile.
     *
     * @param basis     how the service said so
     * @param requestId the id the service gave this request, when it sent one
     */
    record NotSubscribed(Basis basis, Optional<RequestId> requestId) implements SubscriptionResult {

        /** @throws NullPointerException when a component is {@code null} */
        public NotSubscribed {
            Objects.requireNonNull(basis, "basis");
            Objects.requireNonNull(requestId, "requestId");
        }
    }

    /** The two ways the service said "not subscribed"; both mean the same state. */
    enum Basis {
        /** A success answer with {@code Subscribed} {@code false}, as every real client read it. */
        SUBSCRIBED_FALSE,
        /** The error code {@code UserNotSubscribed} ("the sign-up payment failed"). */
        USER_NOT_SUBSCRIBED_ERROR
    }

    /**
     * The service refused the check. {@link ServiceError#action()} says what to do; for
     * {@link ServiceErrorCode#INVALID_USER_TOKEN} that is a new activation.
     *
     * @param error the service's error
     */
    record Rejected(ServiceError error) implements SubscriptionResult {

        /** @throws NullPointerException when {@code error} is {@code null} */
        public Rejected {
            Objects.requireNonNull(error, "error");
        }
    }
}
