package io.github.devpayls.ls.internal;

import io.github.devpayls.ls.ActivationRequest;
import io.github.devpayls.ls.ActivationResult;
import io.github.devpayls.ls.DesktopCredentials;
import io.github.devpayls.ls.RequestId;
import io.github.devpayls.ls.Secret;
import io.github.devpayls.ls.contract.LicenseServiceFacts;
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
        DesktopCredentials credentials = new DesktopCredentials(
                Secret.of(checked("UserToken", result.getUserToken(), requestId)),
                checked("AWSAccessKeyId", result.getAWSAccessKeyId(), requestId),
                Secret.of(checked("SecretAccessKey", result.getSecretAccessKey(), requestId)));
        return new ActivationResult.Activated(credentials, requestId.get());
    }

    /**
     * The check of a user token as an answer carries it — ActivateDesktopProduct's, and
     * RefreshUserToken's new one: whitespace around it (the service's documentation pretty-prints
     * values) is dropped; whitespace inside it, or any other shape than {@code {UserToken}} followed
     * by Base64 characters, refuses it.
     *
     * @param raw the element's text; may be {@code null}
     * @return the token without surrounding whitespace
     * @throws ContractViolation naming the {@code UserToken} element and the rule, never the value
     */
    static String checkedUserToken(String raw) {
        return checked("UserToken", raw, Optional.empty());
    }

    /** The documented shapes (spec, "Formats seen in real values"), checked on the stripped value. */
    private static String checked(String element, String raw, Optional<RequestId> requestId) {
        String value = raw == null ? "" : raw.strip();
        String rule = null;
        if (value.isEmpty()) {
            rule = "is missing or empty";
        } else if (hasWhitespace(value)) {
            rule = "has whitespace inside it";
        } else if (element.equals("UserToken") && !isUserTokenShape(value)) {
            rule = "is not " + LicenseServiceFacts.USER_TOKEN_PREFIX + " followed by Base64";
        } else if (element.equals("AWSAccessKeyId") && value.length() != LicenseServiceFacts.ACCESS_KEY_ID_LENGTH) {
            rule = "is not " + LicenseServiceFacts.ACCESS_KEY_ID_LENGTH + " characters long";
        } else if (element.equals("SecretAccessKey") && value.length() != LicenseServiceFacts.SECRET_ACCESS_KEY_LENGTH) {
            rule = "is not " + LicenseServiceFacts.SECRET_ACCESS_KEY_LENGTH + " characters long";
        }
        if (rule != null) {
            throw new ContractViolation("the answer's " + element + " " + rule
                    + "; the three credentials work only together, so none is returned", requestId);
        }
        return value;
    }

    // A loop, not a stream or a regex: this runs on every answer over a ~400-character token, and a
    // java.util.regex character class was ~4 % of the client's CPU per call in a JFR profile.
    private static boolean hasWhitespace(String value) {
        for (int i = 0; i < value.length(); i++) {
            if (Character.isWhitespace(value.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    /**
     * The prefix, then at least one character of Base64's alphabet, then at most two '=' of padding;
     * the length is not pinned (real tokens vary).
     */
    private static boolean isUserTokenShape(String value) {
        String prefix = LicenseServiceFacts.USER_TOKEN_PREFIX;
        if (!value.startsWith(prefix)) {
            return false;
        }
        int end = value.length();
        int padding = 0;
        while (padding < 2 && end > prefix.length() && value.charAt(end - 1) == '=') {
            end--;
            padding++;
        }
        if (end == prefix.length()) {
            return false;
        }
        for (int i = prefix.length(); i < end; i++) {
            char c = value.charAt(i);
            boolean base64 = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '+' || c == '/';
            if (!base64) {
                return false;
            }
        }
        return true;
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
