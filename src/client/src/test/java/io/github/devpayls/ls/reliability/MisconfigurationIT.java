package io.github.devpayls.ls.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.devpayls.ls.ActivationKey;
import io.github.devpayls.ls.DesktopCredentials;
import io.github.devpayls.ls.LicenseServiceClient;
import io.github.devpayls.ls.ProductToken;
import io.github.devpayls.ls.ProtocolFailureException;
import io.github.devpayls.ls.ScriptedPeer;
import io.github.devpayls.ls.ScriptedPeer.Reply;
import io.github.devpayls.ls.Secret;
import io.github.devpayls.ls.SimulatorBackedClients;
import io.github.devpayls.ls.TransportFailureException;
import io.github.devpayls.ls.TransportFailureException.Kind;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * Answers and failures that no retry can mend: a redirect (never followed, reported with its
 * masked target instead of what parsing its body would say) and a host name that does not
 * resolve (not retried). TLS to a plain-HTTP port is in {@link TlsRefusalIT}.
 */
class MisconfigurationIT {

    private static final ActivationKey KEY = ActivationKey.of("TRANSPORTKEYQ7DVLJTWHJ76MMBM");
    private static final DesktopCredentials CREDENTIALS = new DesktopCredentials(
            Secret.of("{UserToken}" + "dXNlcnRva2Vu".repeat(8)), "TEST" + "A".repeat(16), Secret.of("TEST" + "B".repeat(36)));

    @Test
    void activation_answered302_isReportedAsARedirectNotFollowed_withItsTargetMasked() throws Exception {
        assertRedirectReported(302, client -> client.activateDesktopProduct(KEY, token()));
    }

    @Test
    void activation_answered307_isReportedAsARedirectNotFollowed_withItsTargetMasked() throws Exception {
        assertRedirectReported(307, client -> client.activateDesktopProduct(KEY, token()));
    }

    @Test
    void verifySubscription_answered307_isReportedAsARedirectNotFollowed_withItsTargetMasked() throws Exception {
        assertRedirectReported(307, client -> client.verifySubscription(CREDENTIALS, token()));
    }

    @Test
    void unknownHost_isAConnectFailureThatNeverReachedTheService_andIsNotRetried() {
        // ".invalid" never resolves (RFC 6761); the lookup is answered locally or by the resolver.
        try (LicenseServiceClient client = LicenseServiceClient.builder().endpoint("https://ls.example.invalid/")
                .retryPolicy(SimulatorBackedClients.quickRetries(3)).callDeadline(Duration.ofSeconds(20)).build()) {
            assertThatThrownBy(() -> client.activateDesktopProduct(KEY, token()))
                    .isInstanceOfSatisfying(TransportFailureException.class, e -> {
                        assertThat(e.kind()).isEqualTo(Kind.CONNECT);
                        assertThat(e.requestMayHaveReachedService()).isFalse();
                        assertThat(e.attempts()).isEqualTo(1);
                        assertThat(e.getMessage()).contains("unknown host");
                    });
        }
    }

    private static void assertRedirectReported(int status, Consumer<LicenseServiceClient> call) throws Exception {
        String location = "https://elsewhere.example:8443/ls/?UserToken=%7BUserToken%7Dc2VjcmV0&x=1";
        try (ScriptedPeer peer = ScriptedPeer.http().always(body -> new Reply(status, "text/html",
                "<html><body>moved</body></html>", List.<String[]>of(new String[] {"Location", location})));
             LicenseServiceClient client = LicenseServiceClient.builder().endpoint(peer.endpoint())
                     .allowInsecureLoopback(true).retryPolicy(SimulatorBackedClients.quickRetries(3)).build()) {
            assertThatThrownBy(() -> call.accept(client))
                    .isInstanceOfSatisfying(ProtocolFailureException.class, e -> {
                        assertThat(e.getMessage()).contains("redirected (HTTP " + status + ") to "
                                + "https://elsewhere.example:8443/ls/?", "not followed")
                                .doesNotContain("c2VjcmV0").doesNotContain("prolog");
                        assertThat(e.attempts()).isEqualTo(1);
                    });
            assertThat(peer.requestCount()).isEqualTo(1);
        }
    }

    private static ProductToken token() {
        return ProductToken.of("{ProductToken}" + "dHJhbnNwb3J0".repeat(6));
    }
}
