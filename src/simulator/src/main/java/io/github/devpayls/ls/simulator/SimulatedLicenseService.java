package io.github.devpayls.ls.simulator;

import io.github.devpayls.ls.contract.generated.ActivateDesktopProduct;
import io.github.devpayls.ls.contract.generated.ActivateDesktopProductResponse;
import io.github.devpayls.ls.contract.generated.ActivateHostedProduct;
import io.github.devpayls.ls.contract.generated.ActivateHostedProductResponse;
import io.github.devpayls.ls.contract.generated.ActivateHostedProductResult;
import io.github.devpayls.ls.contract.generated.AmazonLSPortType;
import io.github.devpayls.ls.contract.generated.GetActiveSubscriptionsByPid;
import io.github.devpayls.ls.contract.generated.GetActiveSubscriptionsByPidResponse;
import io.github.devpayls.ls.contract.generated.GetActiveSubscriptionsByPidResult;
import io.github.devpayls.ls.contract.generated.RefreshUserToken;
import io.github.devpayls.ls.contract.generated.RefreshUserTokenResponse;
import io.github.devpayls.ls.contract.generated.RefreshUserTokenResult;
import io.github.devpayls.ls.contract.generated.ResponseMetadata;
import io.github.devpayls.ls.contract.generated.VerifyProductSubscriptionByPid;
import io.github.devpayls.ls.contract.generated.VerifyProductSubscriptionByPidResponse;
import io.github.devpayls.ls.contract.generated.VerifyProductSubscriptionByPidResult;
import io.github.devpayls.ls.contract.generated.VerifyProductSubscriptionByTokens;
import io.github.devpayls.ls.contract.generated.VerifyProductSubscriptionByTokensResponse;
import io.github.devpayls.ls.contract.generated.VerifyProductSubscriptionByTokensResult;

import org.apache.cxf.interceptor.Fault;

import java.util.function.Supplier;

/**
 * The six operations of the generated service interface, each a thin translation between the
 * JAXB types and {@link LicenseServiceModel}. Errors leave as {@link ServiceRefusal}, which
 * {@link AwsFaultInterceptor} turns into the AWS-style SOAP fault. Signatures are not checked.
 */
final class SimulatedLicenseService implements AmazonLSPortType {

    private final LicenseServiceModel model;

    SimulatedLicenseService(LicenseServiceModel model) {
        this.model = model;
    }

    @Override
    public ActivateDesktopProductResponse activateDesktopProduct(ActivateDesktopProduct body) {
        return answer(() -> {
            String requestId = model.newRequestId();
            return ContractAnswers.activation(model.activateDesktopProduct(requestId, body.getActivationKey(),
                    body.getProductToken(), body.getTokenExpiration()));
        });
    }

    @Override
    public ActivateHostedProductResponse activateHostedProduct(ActivateHostedProduct body) {
        return answer(() -> {
            LicenseServiceModel.HostedActivation activation = model.activateHostedProduct(body.getActivationKey(),
                    body.getProductToken(), body.getTokenExpiration());
            ActivateHostedProductResult result = new ActivateHostedProductResult();
            result.setUserToken(activation.userToken());
            result.setPersistentIdentifier(activation.persistentIdentifier());
            ActivateHostedProductResponse response = new ActivateHostedProductResponse();
            response.setActivateHostedProductResult(result);
            response.setResponseMetadata(metadata(model.newRequestId()));
            return response;
        });
    }

    @Override
    public RefreshUserTokenResponse refreshUserToken(RefreshUserToken body) {
        return answer(() -> {
            RefreshUserTokenResult result = new RefreshUserTokenResult();
            result.setUserToken(model.refreshUserToken(body.getUserToken(), body.getAdditionalTokens()));
            RefreshUserTokenResponse response = new RefreshUserTokenResponse();
            response.setRefreshUserTokenResult(result);
            response.setResponseMetadata(metadata(model.newRequestId()));
            return response;
        });
    }

    @Override
    public VerifyProductSubscriptionByTokensResponse verifyProductSubscriptionByTokens(
            VerifyProductSubscriptionByTokens body) {
        return answer(() -> {
            VerifyProductSubscriptionByTokensResult result = new VerifyProductSubscriptionByTokensResult();
            result.setSubscribed(model.verifyProductSubscriptionByTokens(body.getUserToken(), body.getProductToken()));
            VerifyProductSubscriptionByTokensResponse response = new VerifyProductSubscriptionByTokensResponse();
            response.setVerifyProductSubscriptionByTokensResult(result);
            response.setResponseMetadata(metadata(model.newRequestId()));
            return response;
        });
    }

    @Override
    public VerifyProductSubscriptionByPidResponse verifyProductSubscriptionByPid(VerifyProductSubscriptionByPid body) {
        return answer(() -> {
            VerifyProductSubscriptionByPidResult result = new VerifyProductSubscriptionByPidResult();
            result.setSubscribed(model.verifyProductSubscriptionByPid(body.getPersistentIdentifier(), body.getProductCode()));
            VerifyProductSubscriptionByPidResponse response = new VerifyProductSubscriptionByPidResponse();
            response.setVerifyProductSubscriptionByPidResult(result);
            response.setResponseMetadata(metadata(model.newRequestId()));
            return response;
        });
    }

    @Override
    public GetActiveSubscriptionsByPidResponse getActiveSubscriptionsByPid(GetActiveSubscriptionsByPid body) {
        return answer(() -> {
            GetActiveSubscriptionsByPidResult result = new GetActiveSubscriptionsByPidResult();
            result.getProductCode().addAll(model.activeSubscriptions(body.getPersistentIdentifier()));
            GetActiveSubscriptionsByPidResponse response = new GetActiveSubscriptionsByPidResponse();
            response.setGetActiveSubscriptionsByPidResult(result);
            response.setResponseMetadata(metadata(model.newRequestId()));
            return response;
        });
    }

    /**
     * Runs an operation, handing the model's "no" to CXF as a {@link Fault}: CXF then treats it as
     * an application fault (logged at debug level, not as a server failure) and
     * {@link AwsFaultInterceptor} finds the {@link ServiceRefusal} inside.
     */
    private static <T> T answer(Supplier<T> operation) {
        try {
            return operation.get();
        } catch (ServiceRefusal error) {
            throw new Fault(error);
        }
    }

    private static ResponseMetadata metadata(String requestId) {
        ResponseMetadata metadata = new ResponseMetadata();
        metadata.setRequestId(requestId);
        return metadata;
    }
}
