package io.github.devpayls.ls.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.devpayls.ls.ActivationKey;
import io.github.devpayls.ls.ActivationResult;
import io.github.devpayls.ls.LicenseServiceClient;
import io.github.devpayls.ls.ProductToken;
import io.github.devpayls.ls.RetryPolicy;
import io.github.devpayls.ls.ScriptedPeer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Reuse of kept-alive TLS connections. Before each streamed request on a cached connection the JDK
 * probes whether the server closed it; the client answers that probe itself without waiting
 * (KeptAliveTlsSocket). These prove the answer is right both ways: a live connection carries the
 * next call, and one the server closed or spoiled while idle is replaced by a fresh one before any
 * request byte is written, so the call succeeds with its request sent exactly once. With a single
 * attempt allowed, a wrong "alive" would fail the call instead.
 */
class KeptAliveConnectionsIT {

    private static final ActivationKey KEY = ActivationKey.of("KEEPALIVEKEYQ7DVLJTWHJ76MMBMX");
    private static final ProductToken TOKEN = ProductToken.of("{ProductToken}" + "a2VwdC1hbGl2ZQ==".repeat(4));
    private static final String ANSWER = ScriptedPeer.success("{UserToken}" + "dXNlcnRva2Vu".repeat(8),
            "TEST" + "A".repeat(16), "TEST" + "B".repeat(36), "keep-alive-request");

    private static final long SETTLE_MS = 50;

    private static TestCertificates ca;

    @BeforeAll
    static void certificates() throws Exception {
        ca = TestCertificates.newCa("kept-alive CA");
    }

    @Test
    void liveConnection_carriesTheNextCalls() throws Exception {
        AtomicInteger requests = new AtomicInteger();
        try (ScriptedPeer peer = ScriptedPeer.tls(ca.validServerContext(), (socket, in, out) -> {
            while (!ScriptedPeer.readRequest(in).isEmpty()) {
                requests.incrementAndGet();
                answer(out);
            }
        }); LicenseServiceClient client = oneAttemptClient(peer)) {
            for (int i = 0; i < 3; i++) {
                assertThat(client.activateDesktopProduct(KEY, TOKEN)).isInstanceOf(ActivationResult.Activated.class);
            }
            assertThat(requests.get()).isEqualTo(3);
            assertThat(peer.acceptedConnections()).isEqualTo(1);
        }
    }

    @Test
    void connectionTheServerClosedWhileIdle_isReplacedBeforeSending_andTheCallSucceeds() throws Exception {
        // close_notify, then FIN: what a server's idle timeout does
        assertSpoiledConnectionIsReplaced((socket, out) -> socket.close());
    }

    @Test
    void connectionWithStrayBytesWhileIdle_isReplacedBeforeSending_andTheCallSucceeds() throws Exception {
        // An unasked-for record after the answer, the connection left open: reused, it would be
        // read as the next answer.
        assertSpoiledConnectionIsReplaced((socket, out) -> {
            out.write("HTTP/1.1 200 X\r\nContent-Length: 0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
        });
    }

    private interface Spoiler {
        void spoil(Socket socket, OutputStream out) throws IOException;
    }

    /**
     * Each connection carries one answer, then the peer spoils it (and holds it until the client
     * lets go); each next call starts only once the spoiling is on the wire, so the probe meets it.
     */
    private static void assertSpoiledConnectionIsReplaced(Spoiler spoiler) throws Exception {
        AtomicInteger requests = new AtomicInteger();
        AtomicInteger spoiled = new AtomicInteger();
        try (ScriptedPeer peer = ScriptedPeer.tls(ca.validServerContext(), (socket, in, out) -> {
            if (ScriptedPeer.readRequest(in).isEmpty()) {
                return;
            }
            requests.incrementAndGet();
            answer(out);
            spoiler.spoil(socket, out);
            spoiled.incrementAndGet();
            if (!socket.isClosed()) {
                ScriptedPeer.awaitClientClose(in);
            }
        }); LicenseServiceClient client = oneAttemptClient(peer)) {
            for (int call = 1; call <= 3; call++) {
                assertThat(client.activateDesktopProduct(KEY, TOKEN)).isInstanceOf(ActivationResult.Activated.class);
                while (spoiled.get() < call) {
                    Thread.sleep(1);
                }
                // The spoiling left the peer's socket; give loopback a moment to deliver it to the
                // client's (a settle time for the scenario, not a bound on anything measured).
                Thread.sleep(SETTLE_MS);
            }
            assertThat(requests.get()).isEqualTo(3);
            assertThat(peer.acceptedConnections()).isEqualTo(3);
            assertThat(peer.handlerFailures()).isEmpty();
        }
    }

    private static void answer(OutputStream out) throws IOException {
        byte[] body = ANSWER.getBytes(StandardCharsets.UTF_8);
        ScriptedPeer.writeHead(out, 200, "text/xml; charset=UTF-8", body.length);
        out.write(body);
        out.flush();
    }

    private static LicenseServiceClient oneAttemptClient(ScriptedPeer peer) throws Exception {
        return LicenseServiceClient.builder().endpoint(peer.endpoint()).trustStore(ca.trustStore())
                .retryPolicy(RetryPolicy.builder().maxAttempts(1).build()).callDeadline(Duration.ofSeconds(20))
                .build();
    }
}
