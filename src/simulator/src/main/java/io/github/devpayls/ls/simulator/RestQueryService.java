package io.github.devpayls.ls.simulator;

import io.github.devpayls.ls.contract.ErrorCode;
import io.github.devpayls.ls.contract.LicenseServiceFacts;
import io.github.devpayls.ls.contract.RestErrorResponse;
import io.github.devpayls.ls.contract.RestQuery;
import io.github.devpayls.ls.contract.RestQuerySignature;
import io.github.devpayls.ls.contract.generated.ActivateDesktopProductResponse;
import io.github.devpayls.ls.contract.generated.ActivateDesktopProductResult;
import io.github.devpayls.ls.contract.generated.RefreshUserTokenResponse;
import io.github.devpayls.ls.contract.generated.RefreshUserTokenResult;
import io.github.devpayls.ls.contract.generated.ResponseMetadata;
import io.github.devpayls.ls.contract.generated.VerifyProductSubscriptionByTokensResponse;
import io.github.devpayls.ls.contract.generated.VerifyProductSubscriptionByTokensResult;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.xml.datatype.DatatypeConfigurationException;
import javax.xml.datatype.DatatypeFactory;

/**
 * The REST-Query side of the simulator, without HTTP: takes a request's decoded parameters and
 * gives the status and XML body to answer with. Serves ActivateDesktopProduct (unsigned) and the
 * two calls a desktop product signs with the customer's key pair, VerifyProductSubscriptionByTokens
 * and RefreshUserToken, whose signatures (version 1) are checked against the credential sets the
 * model issued. Answers are the contract's elements, marshalled with the generated classes.
 *
 * <p>Checks run in this order, the first failing one answering: Action; Version; the presence of
 * every required parameter (signing set first); SignatureVersion; the form of Expires/Timestamp;
 * the access key; the signature; the expiry; then the action's own rules in the model.
 */
final class RestQueryService {

    /** A REST-Query answer: HTTP status and XML body. */
    record Answer(int status, String body) {
    }

    private static final List<String> SIGNING_PARAMETERS = List.of(RestQuery.AWS_ACCESS_KEY_ID,
            RestQuery.SIGNATURE_VERSION, RestQuery.SIGNATURE);

    private final LicenseServiceModel model;
    private final DatatypeFactory durations;

    RestQueryService(LicenseServiceModel model) {
        this.model = model;
        try {
            this.durations = DatatypeFactory.newInstance();
        } catch (DatatypeConfigurationException e) {
            throw new IllegalStateException("no javax.xml.datatype implementation", e);
        }
    }

    /**
     * @param parameters the request's parameters, URL-decoded, each name once
     * @return the answer: 200 with the action's response, or an {@code ErrorResponse} with its status
     */
    Answer answer(Map<String, String> parameters) {
        String requestId = model.newRequestId();
        try {
            return new Answer(200, RestErrorResponse.marshal(dispatch(parameters, requestId)));
        } catch (ServiceRefusal refusal) {
            return error(refusal, requestId);
        } catch (RuntimeException e) {
            return error(new ServiceRefusal(ErrorCode.INTERNAL_ERROR, SimulatorFacts.MESSAGE_INTERNAL_ERROR), requestId);
        }
    }

    /** @return the {@code ErrorResponse} answer for a refusal found before the parameters could be read */
    Answer refuse(ServiceRefusal refusal) {
        return error(refusal, model.newRequestId());
    }

    private static Answer error(ServiceRefusal refusal, String requestId) {
        return new Answer(refusal.code().restHttpStatus(),
                RestErrorResponse.xml(refusal.code(), refusal.getMessage(), requestId));
    }

    private Object dispatch(Map<String, String> parameters, String requestId) {
        String action = parameters.get(RestQuery.ACTION);
        if (isBlank(action)) {
            throw new ServiceRefusal(ErrorCode.MISSING_ACTION, SimulatorFacts.MESSAGE_MISSING_ACTION);
        }
        switch (action) {
            case RestQuery.ACTIVATE_DESKTOP_PRODUCT:
                checkVersion(parameters);
                return activate(parameters, requestId);
            case RestQuery.VERIFY_PRODUCT_SUBSCRIPTION_BY_TOKENS: {
                checkVersion(parameters);
                String keyPair = authenticate(parameters, List.of(RestQuery.USER_TOKEN, RestQuery.PRODUCT_TOKEN));
                VerifyProductSubscriptionByTokensResult result = new VerifyProductSubscriptionByTokensResult();
                result.setSubscribed(model.verifyByKeyPair(keyPair, parameters.get(RestQuery.USER_TOKEN),
                        parameters.get(RestQuery.PRODUCT_TOKEN)));
                VerifyProductSubscriptionByTokensResponse response = new VerifyProductSubscriptionByTokensResponse();
                response.setVerifyProductSubscriptionByTokensResult(result);
                response.setResponseMetadata(metadata(requestId));
                return response;
            }
            case RestQuery.REFRESH_USER_TOKEN: {
                checkVersion(parameters);
                String keyPair = authenticate(parameters, List.of(RestQuery.USER_TOKEN));
                List<String> additional = Optional.ofNullable(parameters.get(RestQuery.ADDITIONAL_TOKENS))
                        .filter(value -> !value.isBlank()).map(List::of).orElse(List.of());
                RefreshUserTokenResult result = new RefreshUserTokenResult();
                result.setUserToken(model.refreshByKeyPair(keyPair, parameters.get(RestQuery.USER_TOKEN), additional));
                RefreshUserTokenResponse response = new RefreshUserTokenResponse();
                response.setRefreshUserTokenResult(result);
                response.setResponseMetadata(metadata(requestId));
                return response;
            }
            default:
                throw new ServiceRefusal(ErrorCode.INVALID_ACTION,
                        String.format(SimulatorFacts.MESSAGE_INVALID_ACTION, action));
        }
    }

    /** Unsigned, as on the real service; signing parameters a client adds anyway are ignored. */
    private ActivateDesktopProductResponse activate(Map<String, String> parameters, String requestId) {
        String expiration = parameters.get(RestQuery.TOKEN_EXPIRATION);
        javax.xml.datatype.Duration tokenExpiration = null;
        if (expiration != null) {
            try {
                tokenExpiration = durations.newDuration(expiration.strip());
            } catch (IllegalArgumentException | UnsupportedOperationException e) {
                throw new ServiceRefusal(ErrorCode.INVALID_PARAMETER_VALUE, SimulatorFacts.MESSAGE_BAD_TOKEN_EXPIRATION);
            }
        }
        IssuedCredentials issued = model.activateDesktopProduct(requestId, parameters.get(RestQuery.ACTIVATION_KEY),
                parameters.get(RestQuery.PRODUCT_TOKEN), tokenExpiration);
        ActivateDesktopProductResult result = new ActivateDesktopProductResult();
        result.setUserToken(issued.userToken());
        result.setAWSAccessKeyId(issued.accessKeyId());
        result.setSecretAccessKey(issued.secretAccessKey());
        ActivateDesktopProductResponse response = new ActivateDesktopProductResponse();
        response.setActivateDesktopProductResult(result);
        response.setResponseMetadata(metadata(requestId));
        return response;
    }

    private static void checkVersion(Map<String, String> parameters) {
        String version = require(parameters, RestQuery.VERSION);
        if (!LicenseServiceFacts.API_VERSION.equals(version)) {
            throw new ServiceRefusal(ErrorCode.NO_SUCH_VERSION,
                    String.format(SimulatorFacts.MESSAGE_NO_SUCH_VERSION, LicenseServiceFacts.API_VERSION));
        }
    }

    /**
     * Checks the signing parameters, the signature and the expiry.
     *
     * @return the access key id of the key pair that signed the request
     */
    private String authenticate(Map<String, String> parameters, List<String> actionParameters) {
        for (String name : SIGNING_PARAMETERS) {
            require(parameters, name);
        }
        boolean hasExpires = parameters.containsKey(RestQuery.EXPIRES);
        boolean hasTimestamp = parameters.containsKey(RestQuery.TIMESTAMP);
        if (hasExpires && hasTimestamp) {
            throw new ServiceRefusal(ErrorCode.INVALID_PARAMETER_COMBINATION,
                    SimulatorFacts.MESSAGE_EXPIRES_AND_TIMESTAMP);
        }
        if (!hasExpires && !hasTimestamp) {
            throw missing(SimulatorFacts.MESSAGE_EXPIRES_OR_TIMESTAMP);
        }
        for (String name : actionParameters) {
            require(parameters, name);
        }
        if (!RestQuerySignature.VERSION.equals(parameters.get(RestQuery.SIGNATURE_VERSION))) {
            throw new ServiceRefusal(SimulatorFacts.SIGNATURE_VERSION_ERROR,
                    String.format(SimulatorFacts.MESSAGE_SIGNATURE_VERSION, RestQuerySignature.VERSION));
        }
        String timeParameter = hasExpires ? RestQuery.EXPIRES : RestQuery.TIMESTAMP;
        Instant time = time(parameters, timeParameter);
        String accessKeyId = parameters.get(RestQuery.AWS_ACCESS_KEY_ID);
        IssuedCredentials credentials = model.credentialsOf(accessKeyId).orElseThrow(() -> new ServiceRefusal(
                ErrorCode.INVALID_ACCESS_KEY_ID, String.format(SimulatorFacts.MESSAGE_UNKNOWN_ACCESS_KEY, accessKeyId)));
        if (!RestQuerySignature.matches(parameters, credentials.secretAccessKey().toCharArray())) {
            throw new ServiceRefusal(ErrorCode.SIGNATURE_DOES_NOT_MATCH, SimulatorFacts.MESSAGE_SIGNATURE_DOES_NOT_MATCH);
        }
        Instant now = model.now();
        if (hasExpires && !now.isBefore(time)) {
            throw new ServiceRefusal(ErrorCode.REQUEST_EXPIRED, String.format(SimulatorFacts.MESSAGE_EXPIRED_REQUEST,
                    RestQuery.EXPIRES, SimulatorFacts.MESSAGE_EXPIRES_PASSED));
        }
        if (hasTimestamp && Duration.between(time, now).abs().compareTo(SimulatorFacts.TIMESTAMP_WINDOW) > 0) {
            throw new ServiceRefusal(ErrorCode.REQUEST_EXPIRED, String.format(SimulatorFacts.MESSAGE_EXPIRED_REQUEST,
                    RestQuery.TIMESTAMP, SimulatorFacts.MESSAGE_TIMESTAMP_OUTSIDE_WINDOW));
        }
        return accessKeyId;
    }

    private static Instant time(Map<String, String> parameters, String name) {
        try {
            return RestQuery.parseTime(parameters.get(name));
        } catch (DateTimeParseException e) {
            throw new ServiceRefusal(ErrorCode.INVALID_PARAMETER_VALUE, String.format(SimulatorFacts.MESSAGE_BAD_TIME, name));
        }
    }

    private static String require(Map<String, String> parameters, String name) {
        String value = parameters.get(name);
        if (isBlank(value)) {
            throw missing(name);
        }
        return value;
    }

    private static ServiceRefusal missing(String what) {
        return new ServiceRefusal(ErrorCode.MISSING_PARAMETER, String.format(SimulatorFacts.MESSAGE_MISSING_PARAMETER, what));
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

    private static ResponseMetadata metadata(String requestId) {
        ResponseMetadata metadata = new ResponseMetadata();
        metadata.setRequestId(requestId);
        return metadata;
    }
}
