package io.github.devpayls.ls.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.devpayls.ls.ActivationKey;
import io.github.devpayls.ls.DesktopCredentials;
import io.github.devpayls.ls.LicenseServiceClient;
import io.github.devpayls.ls.ProductToken;
import io.github.devpayls.ls.ScriptedPeer;
import io.github.devpayls.ls.Secret;
import io.github.devpayls.ls.SimulatorBackedClients;
import io.github.devpayls.ls.TransportFailureException;
import io.github.devpayls.ls.TransportFailureException.Kind;
import java.time.Duration;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * A peer that reads the whole request and then resets the connection: the request was delivered,
 * so every call must say it may have reached the service, and the client must not send it again
 * behind the retry policy's back (the JDK's HttpURLConnection silently resends a buffered POST once;
 * the peer accepts one connection only, so such a resend would meet "connection refused").
 */
class DeliveredRequestIT {

    private static final DesktopCredentials CREDENTIALS = new DesktopCredentials(
            Secret.of("{UserToken}" + "dXNlcnRva2Vu".repeat(8)), "TEST" + "A".repeat(16), Secret.of("TEST" + "B".repeat(36)));

    @Test
    void activation_readWholeThenReset_isConnectionLostThatMayHaveReachedTheService_afterOneAttempt() throws Exception {
        assertDeliveredThenLost(client -> client.activateDesktopProduct(
                ActivationKey.of("TRANSPORTKEYQ7DVLJTWHJ76MMBM"), token()));
    }

    @Test
    void verifySubscription_readWholeThenReset_isConnectionLostThatMayHaveReachedTheService_afterOneAttempt()
            throws Exception {
        assertDeliveredThenLost(client -> client.verifySubscription(CREDENTIALS, token()));
    }

    @Test
    void refreshUserToken_readWholeThenReset_isConnectionLostThatMayHaveReachedTheService_afterOneAttempt()
            throws Exception {
        assertDeliveredThenLost(client -> client.refreshUserToken(CREDENTIALS, token()));
    }

    // Over TLS the connection is KeptAliveTlsSocket's: the same rules hold there.
    @Test
    void activation_overTls_readWholeThenReset_isConnectionLostThatMayHaveReachedTheService_afterOneAttempt()
            throws Exception {
        assertDeliveredThenLost(client -> client.activateDesktopProduct(
                ActivationKey.of("TRANSPORTKEYQ7DVLJTWHJ76MMBM"), token()), true);
    }

    @Test
    void verifySubscription_overTls_readWholeThenReset_isConnectionLostThatMayHaveReachedTheService_afterOneAttempt()
            throws Exception {
        assertDeliveredThenLost(client -> client.verifySubscription(CREDENTIALS, token()), true);
    }

    private static void assertDeliveredThenLost(Consumer<LicenseServiceClient> call) throws Exception {
        assertDeliveredThenLost(call, false);
    }

    private static void assertDeliveredThenLost(Consumer<LicenseServiceClient> call, boolean tls) throws Exception {
        ScriptedPeer.Script readThenReset = (socket, in, out) -> {
            String request = ScriptedPeer.readRequest(in);
            assertThat(request).startsWith("POST ");
            // Linger 0 turns the close into a TCP reset.
            socket.setSoLinger(true, 0);
        };
        TestCertificates ca = tls ? TestCertificates.newCa("delivered request CA") : null;
        LicenseServiceClient.Builder builder = LicenseServiceClient.builder()
                .retryPolicy(SimulatorBackedClients.quickRetries(3)).callDeadline(Duration.ofSeconds(10));
        try (ScriptedPeer peer = tls ? ScriptedPeer.tlsOnce(ca.validServerContext(), readThenReset)
                : ScriptedPeer.plainOnce(readThenReset);
             LicenseServiceClient client = (tls ? builder.trustStore(ca.trustStore()) : builder.allowInsecureLoopback(true))
                     .endpoint(peer.endpoint()).build()) {
            assertThatThrownBy(() -> call.accept(client))
                    .isInstanceOfSatisfying(TransportFailureException.class, e -> {
                        assertThat(e.kind()).isEqualTo(Kind.CONNECTION_LOST);
                        assertThat(e.requestMayHaveReachedService()).isTrue();
                        assertThat(e.attempts()).isEqualTo(1);
                    });
            assertThat(peer.acceptedConnections()).isEqualTo(1);
            assertThat(peer.awaitHandlers()).isTrue();
            assertThat(peer.handlerFailures()).isEmpty();
        }
    }

    private static ProductToken token() {
        return ProductToken.of("{ProductToken}" + "dHJhbnNwb3J0".repeat(6));
    }
}
