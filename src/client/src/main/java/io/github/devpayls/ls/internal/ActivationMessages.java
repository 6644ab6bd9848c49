package io.github.devpayls.ls.internal;

import io.github.devpayls.ls.ActivationRequest;
import io.github.devpayls.ls.ActivationResult;
import io.github.devpayls.ls.DesktopCredentials;
import io.github.devpayls.ls.RequestId;
import io.github.devpayls.ls.Secret;
import io.github.devpayls.ls.contract.generated.ActivateDesktopProduct;
import io.github.devpayls.ls.contract.generated.ActivateDesktopProductResponse;
import io.github.devpayls.ls.contract.generated.ActivateDesktopProductResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.xml.datatype.DatatypeFactory;

/**
 * Maps ActivateDesktopProduct between the domain and the generated contract classes, and checks
 * that a success response honours the contract: all three credentials and a request id.
 */
final class ActivationMessages {

    /**
     * Created on first use: only a request with a token expiration needs it. The JDK's built-in
     * factory, because {@code DatatypeFactory.newInstance()} searches the whole classpath for
     * providers first, which cost 0.2-0.3 s of a fresh JVM's first call here.
     */
    private static final class Datatypes {
        static final DatatypeFactory FACTORY = DatatypeFactory.newDefaultInstance();
    }

    private ActivationMessages() {
    }

    /**
     * @param request the domain request, already valid
     * @return the message body
     */
    static ActivateDesktopProduct toBody(ActivationRequest request) {
        ActivateDesktopProduct body = new ActivateDesktopProduct();
        body.setActivationKey(request.activationKey().reveal());
        body.setProductToken(request.productToken().value());
        // The lexical form keeps whole seconds ("PT3600S"), as the service's guide shows it,
        // instead of a normalised "PT1H".
        request.tokenExpiration().ifPresent(d -> body.setTokenExpiration(
                Datatypes.FACTORY.newDuration("PT" + d.getSeconds() + "S")));
        return body;
    }

    /**
     * @param response the success response
     * @return the activation
     * @throws ContractViolation naming what is missing, without any value
     */
    static ActivationResult.Activated toActivated(ActivateDesktopProductResponse response) {
        Optional<RequestId> requestId = Optional.ofNullable(response)
                .map(ActivateDesktopProductResponse::getResponseMetadata)
                .map(m -> m.getRequestId())
                .filter(id -> !id.isBlank())
                .map(id -> new RequestId(id.strip()));
        ActivateDesktopProductResult result = response == null ? null : response.getActivateDesktopProductResult();
        if (result == null) {
            throw new ContractViolation("the success response has no ActivateDesktopProductResult", requestId);
        }
        List<String> missing = new ArrayList<>();
        if (blank(result.getUserToken())) {
            missing.add("UserToken");
        }
        if (blank(result.getAWSAccessKeyId())) {
            missing.add("AWSAccessKeyId");
        }
        if (blank(result.getSecretAccessKey())) {
            missing.add("SecretAccessKey");
        }
        if (!missing.isEmpty()) {
            throw new ContractViolation("the success response lacks " + String.join(", ", missing)
                    + "; the three credentials work only together, so none is returned", requestId);
        }
        if (requestId.isEmpty()) {
            throw new ContractViolation("the success response has no ResponseMetadata/RequestId", requestId);
        }
        String userToken = checkedUserToken(result.getUserToken())
                .orElseThrow(() -> new ContractViolation("the success response's UserToken holds whitespace", requestId));
        DesktopCredentials credentials = new DesktopCredentials(Secret.of(userToken),
                result.getAWSAccessKeyId().strip(), Secret.of(result.getSecretAccessKey().strip()));
        return new ActivationResult.Activated(credentials, requestId.get());
    }

    /**
     * The one check of a user token the service issued, by activation or by a refresh: surrounding
     * whitespace (XML pretty-printing) is dropped; whitespace inside means it is not a token.
     *
     * @param issued the token as read; not blank
     * @return the token, stripped, or empty when it holds whitespace inside
     */
    static Optional<String> checkedUserToken(String issued) {
        String token = issued.strip();
        return token.chars().anyMatch(Character::isWhitespace) ? Optional.empty() : Optional.of(token);
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    /** A success response that breaks the contract. The message names parts, never values. */
    static final class ContractViolation extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient Optional<RequestId> requestId;

        ContractViolation(String message, Optional<RequestId> requestId) {
            super(message, null, false, false);
            this.requestId = requestId;
        }

        Optional<RequestId> requestId() {
            return requestId;
        }
    }
}
