package io.github.devpayls.ls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ServerSocket;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class InputValidationTest {

    static final ProductToken TOKEN = ProductToken.of("{ProductToken}AAAABBBBCCCC");
    static final ActivationKey KEY = ActivationKey.of("ADMAY7DVLJTWHJ76MMBMQEXAMPLE");

    @Test
    void activationKey_isTrimmed() {
        assertThat(ActivationKey.of("  ADMAY7DVLJTWHJ76MMBMQEXAMPLE\n").reveal()).isEqualTo("ADMAY7DVLJTWHJ76MMBMQEXAMPLE");
    }

    @Test
    void activationKey_longerThanTodaysThirty_isAccepted() {
        String longer = "A".repeat(40);
        assertThat(ActivationKey.of(longer).reveal()).isEqualTo(longer);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "\t\n"})
    void activationKey_whenBlank_isRefusedNamingField(String raw) {
        assertThatThrownBy(() -> ActivationKey.of(raw)).isInstanceOfSatisfying(InvalidInputException.class, e -> {
            assertThat(e.field()).isEqualTo("activationKey");
            assertThat(e.rule()).contains("blank");
        });
    }

    @Test
    void activationKey_withInnerWhitespace_isRefusedWithoutEchoingIt() {
        assertThatThrownBy(() -> ActivationKey.of("ADMAY7DVLJTW HJ76MMBMQEXAMPLE"))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.field()).isEqualTo("activationKey");
                    assertThat(e.rule()).contains("whitespace");
                    assertThat(e.getMessage()).doesNotContain("ADMAY7DVLJTW");
                });
    }

    @Test
    void activationKey_withControlCharacter_isRefused() {
        assertThatThrownBy(() -> ActivationKey.of("ADMAY7DVLJTW\u0007HJ76MMBMQEXAMPLE"))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.rule()).contains("control"));
    }

    @Test
    void activationKey_ofAbsurdLength_isRefused() {
        assertThatThrownBy(() -> ActivationKey.of("A".repeat(10_000)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.rule()).contains("at most"));
    }

    @Test
    void activationKey_whenNull_isRefused() {
        assertThatThrownBy(() -> ActivationKey.of(null)).isInstanceOf(InvalidInputException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"AAAABBBB", "{UserToken}AAAA", "{ProductToken}", "{ProductToken}AA AA", "{productToken}AAAA"})
    void productToken_withoutPrefixOrBase64_isRefusedNamingField(String raw) {
        assertThatThrownBy(() -> ProductToken.of(raw))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("productToken"));
    }

    @Test
    void tokenExpiration_wholePositiveSeconds_isAccepted() {
        ActivationRequest request = ActivationRequest.of(KEY, TOKEN).withTokenExpiration(Duration.ofSeconds(3600));
        assertThat(request.tokenExpiration()).contains(Duration.ofHours(1));
        assertThat(ActivationRequest.of(KEY, TOKEN).tokenExpiration()).isEmpty();
    }

    @Test
    void tokenExpiration_whenZeroNegativeOrFractional_isRefusedWithRule() {
        ActivationRequest request = ActivationRequest.of(KEY, TOKEN);
        assertThatThrownBy(() -> request.withTokenExpiration(Duration.ZERO))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.field()).isEqualTo("tokenExpiration");
                    assertThat(e.rule()).contains("positive");
                });
        assertThatThrownBy(() -> request.withTokenExpiration(Duration.ofSeconds(-5)))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> request.withTokenExpiration(Duration.ofMillis(1500)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.rule()).contains("whole"));
        assertThatThrownBy(() -> request.withTokenExpiration(null)).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void request_withoutKeyOrToken_isRefusedNamingField() {
        assertThatThrownBy(() -> ActivationRequest.of(null, TOKEN))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("activationKey"));
        assertThatThrownBy(() -> ActivationRequest.of(KEY, null))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("productToken"));
    }

    @Test
    void activate_withMissingInput_failsBeforeAnyNetworkIo() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        // Nothing listens there: any I/O would surface as a TransportFailureException instead.
        try (LicenseServiceClient client = LicenseServiceClient.builder()
                .endpoint("http://127.0.0.1:" + closedPort + "/").allowInsecureLoopback(true).build()) {
            assertThatThrownBy(() -> client.activateDesktopProduct(null, TOKEN))
                    .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("activationKey"));
            assertThatThrownBy(() -> client.activateDesktopProduct(KEY, null))
                    .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("productToken"));
            assertThatThrownBy(() -> client.activateDesktopProduct(null))
                    .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("request"));
        }
    }

    @Test
    void retryPolicy_rejectsNonsense() {
        assertThatThrownBy(() -> RetryPolicy.builder().maxAttempts(0).build())
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("maxAttempts"));
        assertThatThrownBy(() -> RetryPolicy.builder().baseDelay(Duration.ofSeconds(2)).maxDelay(Duration.ofSeconds(1)).build())
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("maxDelay"));
        assertThat(RetryPolicy.none().maxAttempts()).isEqualTo(1);
        assertThat(RetryPolicy.defaults().retryPossiblyProcessedRequests()).isFalse();
    }
}
