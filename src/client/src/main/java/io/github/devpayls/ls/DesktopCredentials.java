package io.github.devpayls.ls;

import io.github.devpayls.ls.contract.Masking;


/**
 * The credential set ActivateDesktopProduct issues for one customer and one product: the user
 * token, the access key id and the secret access key. The three work only together, so this type
 * cannot hold a partial set: every part is required and non-blank.
 *
 * <p>{@link #toString()} shows the access key id (an identifier, not a secret) and masks the rest.
 *
 * @param userToken       the {@code {UserToken}...} token, secret
 * @param accessKeyId     the AWS access key id
 * @param secretAccessKey the AWS secret access key, secret
 */
public record DesktopCredentials(Secret userToken, String accessKeyId, Secret secretAccessKey) {

    /**
     * @throws InvalidInputException naming the missing or blank part
     */
    public DesktopCredentials {
        if (userToken == null || userToken.isBlank()) {
            throw new InvalidInputException("userToken", "is required and must not be blank");
        }
        if (accessKeyId == null || accessKeyId.isBlank()) {
            throw new InvalidInputException("accessKeyId", "is required and must not be blank");
        }
        if (secretAccessKey == null || secretAccessKey.isBlank()) {
            throw new InvalidInputException("secretAccessKey", "is required and must not be blank");
        }
    }

    @Override
    public String toString() {
        return "DesktopCredentials[userToken=" + Masking.MASK + ", accessKeyId=" + accessKeyId + ", secretAccessKey="
                + Masking.MASK + "]";
    }
}
