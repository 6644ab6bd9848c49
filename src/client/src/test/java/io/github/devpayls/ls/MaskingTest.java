package io.github.devpayls.ls;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class MaskingTest {

    static final String KEY = "ADMAY7DVLJTWHJ76MMBMQEXAMPLE";
    static final String USER_TOKEN = "{UserToken}AAAAuserTokenBase64==";
    static final String SECRET_KEY = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";

    @Test
    void secrets_printMaskedAndComeOutOnlyThroughReveal() {
        Secret secret = Secret.of(SECRET_KEY);
        ActivationKey key = ActivationKey.of(KEY);

        assertThat(secret.toString()).doesNotContain(SECRET_KEY).contains("****");
        assertThat(secret.reveal()).isEqualTo(SECRET_KEY);
        assertThat(key.toString()).doesNotContain(KEY);
        assertThat(key.reveal()).isEqualTo(KEY);
    }

    @Test
    void credentialsAndResults_printNoSecret() {
        DesktopCredentials credentials = new DesktopCredentials(Secret.of(USER_TOKEN), "AKIAIOSFODNN7EXAMPLE",
                Secret.of(SECRET_KEY));
        ActivationResult result = new ActivationResult.Activated(credentials, new RequestId("r-1"));
        ActivationRequest request = ActivationRequest.of(ActivationKey.of(KEY),
                ProductToken.of("{ProductToken}AAAABBBBCCCC"));

        assertThat(result.toString()).doesNotContain(USER_TOKEN, SECRET_KEY).contains("AKIAIOSFODNN7EXAMPLE", "r-1");
        assertThat(request.toString()).doesNotContain(KEY);
    }

    @Test
    void credentials_areAUnit_noPartIsOptional() {
        org.assertj.core.api.Assertions.assertThatThrownBy(
                () -> new DesktopCredentials(Secret.of(USER_TOKEN), "AKID", Secret.of(" ")))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.field()).isEqualTo("secretAccessKey"));
    }

    @Test
    void exceptions_carryNoSecretOfTheirOwn() {
        ServiceError error = new ServiceError(ServiceErrorCode.INVALID_ACTIVATION_KEY, "Client.InvalidActivationKey",
                FaultType.SENDER, "Key **** is invalid", Optional.of(new RequestId("r-2")));
        ServiceUnavailableException unavailable = new ServiceUnavailableException("unavailable", 3, 503,
                Optional.of(new RequestId("r-3")), Optional.of(error));

        assertThat(error.toString()).contains("INVALID_ACTIVATION_KEY", "r-2");
        assertThat(unavailable.lastError()).contains(error);
        assertThat(unavailable.attempts()).isEqualTo(3);
    }
}
