package io.github.devpayls.ls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.devpayls.ls.simulator.CredentialPart;
import io.github.devpayls.ls.simulator.FixtureProduct;
import io.github.devpayls.ls.simulator.InjectedFault;
import io.github.devpayls.ls.simulator.LicenseServiceSimulator;
import java.time.Duration;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every misbehaviour the simulator can script, and what the client makes of it: a typed
 * {@link NoAnswerException}, never a partial result, never a hang past the deadline.
 */
class InjectedFaultsIT {

    private static LicenseServiceSimulator sim;
    private static LicenseServiceClient client;
    private static LicenseServiceClient impatient;
    private static FixtureProduct product;

    @BeforeAll
    static void start() {
        sim = LicenseServiceSimulator.builder().start();
        client = SimulatorBackedClients.trusting(sim)
                .retryPolicy(RetryPolicy.none())
                .callDeadline(Duration.ofSeconds(30))
                .build();
        impatient = SimulatorBackedClients.trusting(sim)
                .retryPolicy(RetryPolicy.none())
                .callDeadline(Duration.ofSeconds(3))
                .build();
        product = sim.fixtures().products().get(0);
        // The first call of a JVM pays for CXF's and TLS's warm-up; keep that out of the deadline tests.
        client.activateDesktopProduct(SimulatorBackedClients.freshKey(sim, product),
                SimulatorBackedClients.token(product));
        impatient.activateDesktopProduct(SimulatorBackedClients.freshKey(sim, product),
                SimulatorBackedClients.token(product));
    }

    @AfterAll
    static void stop() {
        client.close();
        impatient.close();
        sim.close();
    }

    @BeforeEach
    void clearFaults() {
        sim.faults().clear();
    }

    static Stream<Arguments> faults() {
        Consumer<NoAnswerException> protocol = e -> assertThat(e).isInstanceOf(ProtocolFailureException.class);
        Consumer<NoAnswerException> lost = e -> assertThat(e).isInstanceOfSatisfying(TransportFailureException.class,
                t -> assertThat(t.requestMayHaveReachedService()).isTrue());
        return Stream.of(
                Arguments.of("non-XML body", InjectedFault.nonXml(), protocol),
                Arguments.of("truncated XML", InjectedFault.truncatedXml(), protocol),
                Arguments.of("HTML 500 page", InjectedFault.html(500), protocol),
                Arguments.of("HTML 404 page", InjectedFault.html(404), protocol),
                Arguments.of("oversized body", InjectedFault.oversized(4 * 1024 * 1024), protocol),
                Arguments.of("DOCTYPE with entities", InjectedFault.doctype(
                        "<!DOCTYPE x [<!ENTITY a \"aaaaaaaaaa\">]><x>&a;</x>"), protocol),
                Arguments.of("empty UserToken", InjectedFault.emptyCredential(CredentialPart.USER_TOKEN), protocol),
                Arguments.of("empty SecretAccessKey", InjectedFault.emptyCredential(CredentialPart.SECRET_ACCESS_KEY),
                        protocol),
                Arguments.of("missing AWSAccessKeyId", InjectedFault.missingCredential(CredentialPart.ACCESS_KEY_ID),
                        protocol),
                Arguments.of("connection closed mid-body", InjectedFault.closeMidBody(), lost));
    }

    static Stream<Arguments> slowPeers() {
        return Stream.of(
                Arguments.of("trickle past the deadline", InjectedFault.trickle(Duration.ofMillis(100))),
                Arguments.of("delay past the deadline", InjectedFault.delay(Duration.ofSeconds(20))),
                Arguments.of("hang", InjectedFault.hang()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("slowPeers")
    void activate_whenPeerIsTooSlow_throwsTimeoutAtTheDeadline(String name, InjectedFault fault) {
        sim.faults().injectNext(1, fault);
        ActivationKey key = SimulatorBackedClients.freshKey(sim, product);

        assertThatThrownBy(() -> impatient.activateDesktopProduct(key, SimulatorBackedClients.token(product)))
                .isInstanceOfSatisfying(TransportFailureException.class, e -> {
                    assertThat(e.kind()).isEqualTo(TransportFailureException.Kind.TIMEOUT);
                    assertThat(e.requestMayHaveReachedService()).isTrue();
                    assertThat(e.getMessage()).contains("deadline");
                });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("faults")
    void activate_whenPeerMisbehaves_throwsTypedNoAnswer(String name, InjectedFault fault,
                                                         Consumer<NoAnswerException> expectation) {
        sim.faults().injectNext(1, fault);
        ActivationKey key = SimulatorBackedClients.freshKey(sim, product);

        assertThatThrownBy(() -> client.activateDesktopProduct(key, SimulatorBackedClients.token(product)))
                .isInstanceOfSatisfying(NoAnswerException.class, e -> {
                    expectation.accept(e);
                    assertThat(e.getMessage()).doesNotContain(key.reveal());
                });
    }

    /**
     * The simulator read the request and dropped the connection before answering: the request was
     * delivered, so the call says it may have reached the service and is not sent again, neither by
     * the retry policy (possibly processed) nor by the JDK itself (streaming mode, docs/client.md).
     */
    @org.junit.jupiter.api.Test
    void activate_whenConnectionDroppedBeforeAnyAnswer_isConnectionLostAndNotResent() {
        sim.faults().injectNext(1, InjectedFault.dropConnection());
        int before = sim.requestCount();
        assertThatThrownBy(() -> client.activateDesktopProduct(SimulatorBackedClients.freshKey(sim, product),
                SimulatorBackedClients.token(product)))
                .isInstanceOfSatisfying(TransportFailureException.class, e -> {
                    assertThat(e.kind()).isEqualTo(TransportFailureException.Kind.CONNECTION_LOST);
                    assertThat(e.requestMayHaveReachedService()).isTrue();
                    assertThat(e.attempts()).isEqualTo(1);
                });
        assertThat(sim.requestCount() - before).isEqualTo(1);
    }
}
