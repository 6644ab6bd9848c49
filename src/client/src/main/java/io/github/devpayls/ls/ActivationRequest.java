package io.github.devpayls.ls;

import io.github.devpayls.ls.internal.TokenExpirationRule;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * One ActivateDesktopProduct call: the customer's activation key, the product's token and,
 * optionally, how long the issued user token should live.
 *
 * @param activationKey   the key the customer copied from the activation page
 * @param productToken    the product's token
 * @param tokenExpiration how long the issued user token lives; empty = it never expires.
 *                        Positive and in whole seconds: the service takes it "in seconds"
 */
public record ActivationRequest(ActivationKey activationKey, ProductToken productToken,
                                Optional<Duration> tokenExpiration) {

    /** @throws InvalidInputException naming the missing or invalid field */
    public ActivationRequest {
        if (activationKey == null) {
            throw new InvalidInputException("activationKey", "is required");
        }
        if (productToken == null) {
            throw new InvalidInputException("productToken", "is required");
        }
        Objects.requireNonNull(tokenExpiration, "tokenExpiration");
        tokenExpiration.ifPresent(expiration -> TokenExpirationRule.check("tokenExpiration", expiration));
    }

    /**
     * @param activationKey the key the customer copied from the activation page
     * @param productToken  the product's token
     * @return a request whose user token never expires
     * @throws InvalidInputException naming the missing field
     */
    public static ActivationRequest of(ActivationKey activationKey, ProductToken productToken) {
        return new ActivationRequest(activationKey, productToken, Optional.empty());
    }

    /**
     * @param tokenExpiration how long the issued user token lives: positive, whole seconds
     * @return a copy of this request with that expiration
     * @throws InvalidInputException naming {@code tokenExpiration} and the rule it broke
     */
    public ActivationRequest withTokenExpiration(Duration tokenExpiration) {
        if (tokenExpiration == null) {
            throw new InvalidInputException("tokenExpiration", "is required here; use of(...) for none");
        }
        return new ActivationRequest(activationKey, productToken, Optional.of(tokenExpiration));
    }
}
