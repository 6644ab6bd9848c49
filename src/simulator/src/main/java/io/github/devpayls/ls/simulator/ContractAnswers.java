package io.github.devpayls.ls.simulator;

import io.github.devpayls.ls.contract.generated.ActivateDesktopProductResponse;
import io.github.devpayls.ls.contract.generated.ActivateDesktopProductResult;
import io.github.devpayls.ls.contract.generated.ResponseMetadata;

/** Answer elements both request styles (SOAP and REST-Query) send alike, built in one place. */
final class ContractAnswers {

    private ContractAnswers() {
    }

    /** @return the ActivateDesktopProduct success carrying {@code issued}, with its request id */
    static ActivateDesktopProductResponse activation(IssuedCredentials issued) {
        ActivateDesktopProductResult result = new ActivateDesktopProductResult();
        result.setUserToken(issued.userToken());
        result.setAWSAccessKeyId(issued.accessKeyId());
        result.setSecretAccessKey(issued.secretAccessKey());
        ActivateDesktopProductResponse response = new ActivateDesktopProductResponse();
        response.setActivateDesktopProductResult(result);
        response.setResponseMetadata(metadata(issued.requestId()));
        return response;
    }

    static ResponseMetadata metadata(String requestId) {
        ResponseMetadata metadata = new ResponseMetadata();
        metadata.setRequestId(requestId);
        return metadata;
    }
}
