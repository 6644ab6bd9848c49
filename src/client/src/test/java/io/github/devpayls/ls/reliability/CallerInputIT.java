package io.github.devpayls.ls.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.devpayls.ls.ActivationKey;
import io.github.devpayls.ls.ActivationRequest;
import io.github.devpayls.ls.InvalidInputException;
import io.github.devpayls.ls.LicenseServiceClient;
import io.github.devpayls.ls.ProductToken;
import io.github.devpayls.ls.SimulatorBackedClients;
import io.github.devpayls.ls.simulator.FixtureProduct;
import io.github.devpayls.ls.simulator.LicenseServiceSimulator;
import java.time.Duration;
import java.util.stream.Stream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Bad input from the caller, each through a call on a live client aimed at a fresh simulator:
 * a typed {@link InvalidInputException} naming the field, raised before any I/O — the simulator
 * never sees a request — and never echoing the secret it refused.
 */
class CallerInputIT {

    private static LicenseServiceSimulator sim;
    private static LicenseServiceClient client;
    private static ActivationKey goodKey;
    private static ProductToken goodToken;

    @BeforeAll
    static void start() {
        sim = LicenseServiceSimulator.builder().start();
        client = SimulatorBackedClients.trusting(sim).build();
        FixtureProduct product = sim.fixtures().products().get(0);
        goodKey = ActivationKey.of(product.activationKey());
        goodToken = ProductToken.of(product.productToken());
    }

    @AfterAll
    static void stop() {
        client.close();
        // Checked last: every case above ran against this simulator.
        assertThat(sim.requestCount()).as("requests that reached the simulator").isZero();
        sim.close();
    }

    static Stream<Arguments> badInputs() {
        String secretLooking = "SECRETLOOKINGKEY7DVLJTWHJ76M";
        return Stream.of(
                bad("null activation key", "activationKey", () -> client.activateDesktopProduct(null, goodToken)),
                bad("null product token", "productToken", () -> client.activateDesktopProduct(goodKey, null)),
                bad("null request", "request", () -> client.activateDesktopProduct(null)),
                bad("null key text", "activationKey", () -> call(ActivationKey.of(null))),
                bad("blank key", "activationKey", () -> call(ActivationKey.of(" \t "))),
                bad("key with a control character", "activationKey",
                        () -> call(ActivationKey.of(secretLooking.substring(0, 10) + "\u0000" + secretLooking))),
                bad("key with a line break inside", "activationKey",
                        () -> call(ActivationKey.of(secretLooking + "\r\nX-Injected: 1"))),
                bad("key of a megabyte", "activationKey", () -> call(ActivationKey.of("K".repeat(1 << 20)))),
                bad("blank product token", "productToken", () -> call(goodKey, ProductToken.of("   "))),
                bad("product token with a control character", "productToken",
                        () -> call(goodKey, ProductToken.of("{ProductToken}AAAA\u0007BBBB"))),
                bad("product token of a megabyte", "productToken",
                        () -> call(goodKey, ProductToken.of("{ProductToken}" + "A".repeat(1 << 20)))),
                bad("product token with markup", "productToken",
                        () -> call(goodKey, ProductToken.of("{ProductToken}</ProductToken><x>"))),
                bad("negative token expiration", "tokenExpiration",
                        () -> client.activateDesktopProduct(ActivationRequest.of(goodKey, goodToken)
                                .withTokenExpiration(Duration.ofSeconds(-1)))),
                bad("zero token expiration", "tokenExpiration",
                        () -> client.activateDesktopProduct(ActivationRequest.of(goodKey, goodToken)
                                .withTokenExpiration(Duration.ZERO))),
                bad("fractional token expiration", "tokenExpiration",
                        () -> client.activateDesktopProduct(ActivationRequest.of(goodKey, goodToken)
                                .withTokenExpiration(Duration.ofMillis(3_600_500)))),
                bad("null token expiration", "tokenExpiration",
                        () -> client.activateDesktopProduct(ActivationRequest.of(goodKey, goodToken)
                                .withTokenExpiration(null))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badInputs")
    void badCallerInput_givesValidationErrorNamingTheField_beforeAnyRequestIsSent(String name, String field,
                                                                                    ThrowingCallable call) {
        int before = sim.requestCount();

        assertThatThrownBy(call).isInstanceOfSatisfying(InvalidInputException.class, e -> {
            assertThat(e.field()).isEqualTo(field);
            assertThat(e.getMessage()).doesNotContain("SECRETLOOKING").hasSizeLessThan(400);
        });
        assertThat(sim.requestCount()).isEqualTo(before).isZero();
    }

    @Test
    void goodInputOnTheSameClient_doesReachTheSimulator_soTheZeroCountAboveMeansSomething() {
        try (LicenseServiceSimulator other = LicenseServiceSimulator.builder().start();
             LicenseServiceClient otherClient = SimulatorBackedClients.trusting(other).build()) {
            FixtureProduct product = other.fixtures().products().get(0);
            otherClient.activateDesktopProduct(ActivationKey.of(product.activationKey()),
                    ProductToken.of(product.productToken()));
            assertThat(other.requestCount()).isEqualTo(1);
        }
    }

    private static Arguments bad(String name, String field, ThrowingCallable call) {
        return Arguments.of(name, field, call);
    }

    private static void call(ActivationKey key) {
        client.activateDesktopProduct(key, goodToken);
    }

    private static void call(ActivationKey key, ProductToken token) {
        client.activateDesktopProduct(key, token);
    }
}
