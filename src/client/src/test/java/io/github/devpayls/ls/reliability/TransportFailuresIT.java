package io.github.devpayls.ls.reliability;

import static io.github.devpayls.ls.SimulatorBackedClients.freshKey;
import static io.github.devpayls.ls.SimulatorBackedClients.token;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.devpayls.ls.ActivationKey;
import io.github.devpayls.ls.LicenseServiceClient;
import io.github.devpayls.ls.ProductToken;
import io.github.devpayls.ls.ScriptedPeer;
import io.github.devpayls.ls.SimulatorBackedClients;
import io.github.devpayls.ls.TransportFailureException;
import io.github.devpayls.ls.TransportFailureException.Kind;
import io.github.devpayls.ls.simulator.FixtureProduct;
import io.github.devpayls.ls.simulator.InjectedFault;
import io.github.devpayls.ls.simulator.LicenseServiceSimulator;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The network failing in each way it can: nobody listening, a reset, a body cut short, silence,
 * an answer trickling in. Each ends in a {@link TransportFailureException} of the right kind, says
 * whether the request may have reached the service, and ends within the call's deadline (plus a
 * margin for a loaded machine); where the peer is the test's own, it also proves the client let
 * go of the connection.
 */
class TransportFailuresIT {

    private static final Duration SHORT_DEADLINE = Duration.ofMillis(700);

    private static LicenseServiceSimulator sim;
    private static FixtureProduct product;
    private static LicenseServiceClient impatient;

    @BeforeAll
    static void start() {
        sim = LicenseServiceSimulator.builder().start();
        product = sim.fixtures().products().get(0);
        impatient = SimulatorBackedClients.trusting(sim).retryPolicy(SimulatorBackedClients.quickRetries(3))
                .callDeadline(SHORT_DEADLINE).build();
        // The first call of a client pays for TLS and CXF warm-up; keep it out of the deadline tests.
        try (LicenseServiceClient warm = SimulatorBackedClients.trusting(sim).build()) {
            warm.activateDesktopProduct(freshKey(sim, product), token(product));
        }
        impatient.activateDesktopProduct(freshKey(sim, product), token(product));
    }

    @AfterAll
    static void stop() {
        impatient.close();
        sim.close();
    }

    @BeforeEach
    void clearFaults() {
        sim.faults().clear();
    }

    @Test
    void connectionRefused_isRetriedThenGivesConnectFailureThatNeverReachedTheService() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        Duration deadline = Duration.ofSeconds(5);
        try (LicenseServiceClient refused = LicenseServiceClient.builder()
                .endpoint("https://127.0.0.1:" + closedPort + "/")
                .trustPemCertificates(sim.caCertificatePem().orElseThrow())
                .retryPolicy(SimulatorBackedClients.quickRetries(3)).callDeadline(deadline).build()) {
            assertThatThrownBy(
                    () -> refused.activateDesktopProduct(freshKey(sim, product), token(product)))
                    .isInstanceOfSatisfying(TransportFailureException.class, e -> {
                        assertThat(e.kind()).isEqualTo(Kind.CONNECT);
                        assertThat(e.requestMayHaveReachedService()).isFalse();
                        assertThat(e.attempts()).isEqualTo(3);
                    });
        }
    }

    @Test
    void connectionResetBeforeAnyResponse_givesConnectionLostThatMayHaveReachedTheService() throws Exception {
        try (ScriptedPeer peer = ScriptedPeer.plain((socket, in, out) -> {
            ScriptedPeer.readRequest(in);
            // Linger 0 turns the close into a TCP reset.
            socket.setSoLinger(true, 0);
        }); LicenseServiceClient client = plainLoopbackClient(peer.endpoint(), Duration.ofSeconds(5))) {
            assertThatThrownBy(() -> client.activateDesktopProduct(someKey(), someToken()))
                    .isInstanceOfSatisfying(TransportFailureException.class, e -> {
                        assertThat(e.kind()).isEqualTo(Kind.CONNECTION_LOST);
                        assertThat(e.requestMayHaveReachedService()).isTrue();
                        // Possibly processed: not retried by default, the service may have issued credentials.
                        assertThat(e.attempts()).isEqualTo(1);
                    });
            // Streamed, so the JDK does not resend it on its own (DeliveredRequestIT).
            assertThat(peer.acceptedConnections()).isEqualTo(1);
        }
    }

    @Test
    void connectionClosedMidBody_givesConnectionLost_withoutRetryingAPossiblyProcessedRequest() {
        sim.faults().injectNext(1, InjectedFault.closeMidBody());
        int before = sim.requestCount();

        assertThatThrownBy(() -> impatient.activateDesktopProduct(freshKey(sim, product), token(product)))
                .isInstanceOfSatisfying(TransportFailureException.class, e -> {
                    assertThat(e.kind()).isEqualTo(Kind.CONNECTION_LOST);
                    assertThat(e.requestMayHaveReachedService()).isTrue();
                    assertThat(e.attempts()).isEqualTo(1);
                });
        assertThat(sim.requestCount() - before).isEqualTo(1);
    }

    @Test
    void serverAcceptsButNeverAnswers_givesTimeoutAtTheDeadline_andClosesTheConnection() throws Exception {
        try (ScriptedPeer peer = ScriptedPeer.plain((socket, in, out) -> {
            ScriptedPeer.readRequest(in);
            ScriptedPeer.awaitClientClose(in);
        }); LicenseServiceClient client = plainLoopbackClient(peer.endpoint(), SHORT_DEADLINE)) {
            assertThatThrownBy(
                    () -> client.activateDesktopProduct(someKey(), someToken()))
                    .isInstanceOfSatisfying(TransportFailureException.class, e -> {
                        assertThat(e.kind()).isEqualTo(Kind.TIMEOUT);
                        assertThat(e.requestMayHaveReachedService()).isTrue();
                        assertThat(e.getMessage()).contains("deadline");
                    });

            // The peer's reader ends only when the client closed its side: no connection is left hanging.
            assertThat(peer.awaitHandlers()).isTrue();
        }
    }

    @Test
    void serverAcceptsButNeverAnswersTheTlsHandshake_givesTimeoutAtTheDeadline_andClosesTheConnection()
            throws Exception {
        try (ScriptedPeer peer = ScriptedPeer.plain((socket, in, out) -> ScriptedPeer.awaitClientClose(in));
             LicenseServiceClient client = LicenseServiceClient.builder()
                     .endpoint(URI.create("https://127.0.0.1:" + peer.port() + "/"))
                     .trustPemCertificates(sim.caCertificatePem().orElseThrow())
                     .retryPolicy(SimulatorBackedClients.quickRetries(3)).callDeadline(SHORT_DEADLINE).build()) {
            assertThatThrownBy(
                    () -> client.activateDesktopProduct(someKey(), someToken()))
                    .isInstanceOfSatisfying(TransportFailureException.class,
                            e -> assertThat(e.kind()).isEqualTo(Kind.TIMEOUT));

            assertThat(peer.awaitHandlers()).isTrue();
        }
    }

    @Test
    void simulatorHangs_givesTimeoutAtTheDeadline_afterOneAttempt() {
        sim.faults().injectNext(1, InjectedFault.hang());
        int before = sim.requestCount();

        assertThatThrownBy(
                () -> impatient.activateDesktopProduct(freshKey(sim, product), token(product)))
                .isInstanceOfSatisfying(TransportFailureException.class, e -> {
                    assertThat(e.kind()).isEqualTo(Kind.TIMEOUT);
                    assertThat(e.attempts()).isEqualTo(1);
                });

        assertThat(sim.requestCount() - before).isEqualTo(1);
    }

    @Test
    void slowBodyTricklingPastTheDeadline_givesTimeoutAtTheDeadline() {
        // About 600 bytes at 20 ms each: twelve seconds if the client waited for all of it.
        sim.faults().injectNext(1, InjectedFault.trickle(Duration.ofMillis(20)));

        assertThatThrownBy(
                () -> impatient.activateDesktopProduct(freshKey(sim, product), token(product)))
                .isInstanceOfSatisfying(TransportFailureException.class, e -> {
                    assertThat(e.kind()).isEqualTo(Kind.TIMEOUT);
                    assertThat(e.requestMayHaveReachedService()).isTrue();
                    assertThat(e.getMessage()).contains("deadline");
                });

    }

    private static LicenseServiceClient plainLoopbackClient(URI endpoint, Duration deadline) {
        return LicenseServiceClient.builder().endpoint(endpoint).allowInsecureLoopback(true)
                .retryPolicy(SimulatorBackedClients.quickRetries(3)).callDeadline(deadline).build();
    }

    private static ActivationKey someKey() {
        return ActivationKey.of("TRANSPORTKEYQ7DVLJTWHJ76MMBM");
    }

    private static ProductToken someToken() {
        return ProductToken.of("{ProductToken}" + "dHJhbnNwb3J0".repeat(6));
    }
}
