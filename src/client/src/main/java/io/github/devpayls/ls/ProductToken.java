package io.github.devpayls.ls;

import io.github.devpayls.ls.contract.LicenseServiceFacts;

/**
 * The product token DevPay gave the developer for one desktop product: {@code {ProductToken}}
 * followed by Base64 text. It identifies the product; it is configuration, not a customer secret,
 * but {@link #toString()} still shortens it so logs stay readable and tokens are not copied around.
 *
 * @param value the whole token, prefix included
 */
public record ProductToken(String value) {

    /**
     * @throws InvalidInputException naming {@code productToken} and the rule it broke
     */
    public ProductToken {
        if (value == null) {
            throw new InvalidInputException("productToken", "is required");
        }
        value = value.strip();
        if (!value.startsWith(LicenseServiceFacts.PRODUCT_TOKEN_PREFIX)) {
            throw new InvalidInputException("productToken",
                    "must start with " + LicenseServiceFacts.PRODUCT_TOKEN_PREFIX);
        }
        if (value.length() == LicenseServiceFacts.PRODUCT_TOKEN_PREFIX.length()) {
            throw new InvalidInputException("productToken",
                    "must carry Base64 text after " + LicenseServiceFacts.PRODUCT_TOKEN_PREFIX);
        }
        if (value.length() > LicenseServiceFacts.PRODUCT_TOKEN_MAX_LENGTH) {
            throw new InvalidInputException("productToken",
                    "must be at most " + LicenseServiceFacts.PRODUCT_TOKEN_MAX_LENGTH + " characters (was "
                            + value.length() + ")");
        }
        for (int i = LicenseServiceFacts.PRODUCT_TOKEN_PREFIX.length(); i < value.length(); i++) {
            char c = value.charAt(i);
            boolean base64 = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                    || c == '+' || c == '/' || c == '=';
            if (!base64) {
                throw new InvalidInputException("productToken",
                        "must contain only Base64 characters after " + LicenseServiceFacts.PRODUCT_TOKEN_PREFIX);
            }
        }
    }

    /**
     * @param value the whole token, prefix included
     * @return the token
     * @throws InvalidInputException naming {@code productToken} and the rule it broke
     */
    public static ProductToken of(String value) {
        return new ProductToken(value);
    }

    /** @return the prefix and the first eight characters after it, then an ellipsis */
    @Override
    public String toString() {
        int shown = Math.min(value.length(), LicenseServiceFacts.PRODUCT_TOKEN_PREFIX.length() + 8);
        return "ProductToken[" + value.substring(0, shown) + "…]";
    }
}
