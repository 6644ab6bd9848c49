package io.github.devpayls.ls.internal;

import io.github.devpayls.ls.DesktopCredentials;
import io.github.devpayls.ls.RefreshResult;
import io.github.devpayls.ls.RequestId;
import io.github.devpayls.ls.Secret;
import io.github.devpayls.ls.ServiceError;
import io.github.devpayls.ls.ServiceErrorCode;
import io.github.devpayls.ls.SubscriptionResult;
import io.github.devpayls.ls.contract.generated.RefreshUserTokenResponse;
import io.github.devpayls.ls.contract.generated.ResponseMetadata;
import io.github.devpayls.ls.contract.generated.VerifyProductSubscriptionByTokensResponse;
import java.io.ByteArrayInputStream;
import java.util.Optional;

/**
 * Maps the REST-Query answers of VerifyProductSubscriptionByTokens and RefreshUserToken to the
 * domain, checking what the contract requires of a success: the result, its leaf, a request id.
 * The counterpart of {@link ActivationMessages}; violations are its {@link ActivationMessages.ContractViolation}.
 */
final class RestQueryMessages {

    private static final String SUBSCRIBED = "Subscribed";

    private RestQueryMessages() {
    }

    /**
     * @param body a success answer
     * @return subscribed or not
     * @throws RestAnswers.UnreadableAnswer          when it is not the contract's element
     * @throws ActivationMessages.ContractViolation  naming what is missing or malformed, without values
     */
    static SubscriptionResult toSubscription(byte[] body) {
        VerifyProductSubscriptionByTokensResponse response =
                RestAnswers.read(new ByteArrayInputStream(body), VerifyProductSubscriptionByTokensResponse.class);
        Optional<RequestId> requestId = requestId(response.getResponseMetadata());
        if (response.getVerifyProductSubscriptionByTokensResult() == null) {
            throw new ActivationMessages.ContractViolation(
                    "the success answer has no VerifyProductSubscriptionByTokensResult", requestId);
        }
        // JAXB reads a missing or misspelt xs:boolean as false, which would pass for "not subscribed".
        String lexical = RestAnswers.leafText(body, SUBSCRIBED).orElseThrow(() -> new ActivationMessages.ContractViolation(
                "the success answer has no VerifyProductSubscriptionByTokensResult/Subscribed", requestId));
        boolean subscribed = switch (lexical) {
            case "true", "1" -> true;
            case "false", "0" -> false;
            default -> throw new ActivationMessages.ContractViolation(
                    "the success answer's Subscribed is not an xs:boolean", requestId);
        };
        RequestId id = requestId.orElseThrow(() -> new ActivationMessages.ContractViolation(
                "the success answer has no ResponseMetadata/RequestId", requestId));
        return subscribed ? new SubscriptionResult.Subscribed(id)
                : new SubscriptionResult.NotSubscribed(SubscriptionResult.Basis.SUBSCRIBED_FALSE, Optional.of(id));
    }

    /**
     * @param error the service's refusal of a verification
     * @return not subscribed for {@code UserNotSubscribed} (one client's list had it for "payment
     *         pending", the same state as {@code false}), otherwise rejected
     */
    static SubscriptionResult subscriptionRefused(ServiceError error) {
        return error.code() == ServiceErrorCode.USER_NOT_SUBSCRIBED
                ? new SubscriptionResult.NotSubscribed(SubscriptionResult.Basis.USER_NOT_SUBSCRIBED_ERROR, error.requestId())
                : new SubscriptionResult.Rejected(error);
    }

    /**
     * @param body     a success answer
     * @param signedBy the set whose key pair signed the call
     * @return the same key pair with the returned token
     * @throws RestAnswers.UnreadableAnswer          when it is not the contract's element
     * @throws ActivationMessages.ContractViolation  naming what is missing or malformed, without values
     */
    static RefreshResult.Refreshed toRefreshed(byte[] body, DesktopCredentials signedBy) {
        RefreshUserTokenResponse response = RestAnswers.read(new ByteArrayInputStream(body), RefreshUserTokenResponse.class);
        Optional<RequestId> requestId = requestId(response.getResponseMetadata());
        String issued = response.getRefreshUserTokenResult() == null ? null
                : response.getRefreshUserTokenResult().getUserToken();
        if (issued == null || issued.isBlank()) {
            throw new ActivationMessages.ContractViolation(
                    "the success answer has no RefreshUserTokenResult/UserToken", requestId);
        }
        String token = ActivationMessages.checkedUserToken(issued);
        RequestId id = requestId.orElseThrow(() -> new ActivationMessages.ContractViolation(
                "the success answer has no ResponseMetadata/RequestId", requestId));
        return new RefreshResult.Refreshed(
                new DesktopCredentials(Secret.of(token), signedBy.accessKeyId(), signedBy.secretAccessKey()), id);
    }

    private static Optional<RequestId> requestId(ResponseMetadata metadata) {
        return Optional.ofNullable(metadata).map(ResponseMetadata::getRequestId).filter(id -> !id.isBlank())
                .map(id -> new RequestId(id.strip()));
    }
}
