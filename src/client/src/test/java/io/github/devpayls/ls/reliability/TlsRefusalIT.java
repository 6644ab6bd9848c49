package io.github.devpayls.ls.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.devpayls.ls.ActivationKey;
import io.github.devpayls.ls.InvalidInputException;
import io.github.devpayls.ls.LicenseServiceClient;
import io.github.devpayls.ls.ProductToken;
import io.github.devpayls.ls.RetryPolicy;
import io.github.devpayls.ls.ScriptedPeer;
import io.github.devpayls.ls.TransportFailureException;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * TLS the client must refuse: each case is a loopback server of the test's own making, so the
 * certificate can be expired or name another host. In every case the call ends in a typed TLS
 * failure that says the request never left, and the server receives no application byte.
 */
class TlsRefusalIT {

    private static final ActivationKey KEY = ActivationKey.of("TLSREFUSALKEYQ7DVLJTWHJ76MMBM");
    private static final ProductToken TOKEN = ProductToken.of("{ProductToken}" + "VExTLXJlZnVzYWw=".repeat(4));
    private static final RetryPolicy TWO_QUICK_ATTEMPTS = RetryPolicy.builder().maxAttempts(2)
            .baseDelay(Duration.ofMillis(1)).maxDelay(Duration.ofMillis(2)).build();

    private static TestCertificates trusted;
    private static TestCertificates stranger;

    @BeforeAll
    static void certificates() throws Exception {
        trusted = TestCertificates.newCa("reliability trusted CA");
        stranger = TestCertificates.newCa("reliability stranger CA");
    }

    @Test
    void expiredServerCertificate_isRefusedAsTlsFailureBeforeSending() throws Exception {
        Instant now = Instant.now();
        assertRefusedBeforeSending(trusted.serverContext(null, now.minus(Duration.ofDays(10)),
                now.minus(Duration.ofDays(1))));
    }

    @Test
    void certificateForAnotherHostName_isRefusedAsTlsFailureBeforeSending() throws Exception {
        Instant now = Instant.now();
        assertRefusedBeforeSending(trusted.serverContext("licence.elsewhere.example", now.minus(Duration.ofDays(1)),
                now.plus(Duration.ofDays(1))));
    }

    @Test
    void certificateFromUntrustedCa_isRefusedAsTlsFailureBeforeSending() throws Exception {
        assertRefusedBeforeSending(stranger.validServerContext());
    }

    @Test
    void validCertificateFromTrustedCa_isAccepted_soTheRefusalsAboveAreAboutTheCertificate() throws Exception {
        List<String> received = new CopyOnWriteArrayList<>();
        try (ScriptedPeer peer = ScriptedPeer.tls(trusted.validServerContext(), (socket, in, out) -> {
            received.add(ScriptedPeer.readRequest(in));
            byte[] page = "<html>not soap</html>".getBytes(StandardCharsets.UTF_8);
            ScriptedPeer.writeHead(out, 200, "text/html", page.length);
            out.write(page);
            out.flush();
        }); LicenseServiceClient client = clientFor(peer.endpoint())) {
            assertThatThrownBy(() -> client.activateDesktopProduct(KEY, TOKEN))
                    .isNotInstanceOf(TransportFailureException.class);
        }
        assertThat(received).singleElement().asString().contains("ActivateDesktopProduct");
    }

    @Test
    void httpsClientAgainstPlainHttpServer_failsTlsAndSendsNothingInClear() throws Exception {
        List<byte[]> firstBytes = new CopyOnWriteArrayList<>();
        try (ScriptedPeer peer = ScriptedPeer.plain((socket, in, out) -> {
            byte[] start = in.readNBytes(5);
            firstBytes.add(start);
            // Answer like a plain HTTP server does to bytes it cannot parse.
            out.write("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
                    .getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
        }); LicenseServiceClient client = clientFor(URI.create("https://127.0.0.1:" + peer.port() + "/"))) {
            assertThatThrownBy(() -> client.activateDesktopProduct(KEY, TOKEN))
                    .isInstanceOfSatisfying(TransportFailureException.class, e -> {
                        assertThat(e.kind()).isEqualTo(TransportFailureException.Kind.TLS);
                        assertThat(e.requestMayHaveReachedService()).isFalse();
                        // TLS to a plain-HTTP port cannot heal by trying again.
                        assertThat(e.attempts()).isEqualTo(1);
                    });
            assertThat(peer.acceptedConnections()).isEqualTo(1);
        }
        assertThat(firstBytes).isNotEmpty().allSatisfy(start -> {
            // 0x16 = a TLS handshake record: the client opened with a ClientHello, not with "POST".
            assertThat(start[0]).isEqualTo((byte) 0x16);
            assertThat(new String(start, StandardCharsets.ISO_8859_1)).doesNotContain("POST");
        });
    }

    @Test
    void plainHttpEndpoint_isRefusedAtBuild_forAnyNonLoopbackHostEvenWhenLoopbackHttpIsAllowed() {
        assertThatThrownBy(() -> LicenseServiceClient.builder().endpoint("http://ls.amazonaws.com/").build())
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("endpoint"));
        assertThatThrownBy(() -> LicenseServiceClient.builder().endpoint("http://10.1.2.3:8080/")
                .allowInsecureLoopback(true).build())
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.rule()).contains("https://"));
        assertThatThrownBy(() -> LicenseServiceClient.builder().endpoint("http://127.0.0.1:1/").build())
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.rule()).contains("allowInsecureLoopback"));
    }

    /**
     * The JDK will not run a server below TLS 1.2 without a JVM-wide security change, so this reads
     * the client's ClientHello on a raw socket instead: the client must not even offer TLS 1.0/1.1.
     */
    @Test
    void tlsBelow12_isNeverOffered_andAServerThatDoesNotCompleteTheHandshakeGivesTlsFailure() throws Exception {
        List<List<Integer>> offered = new CopyOnWriteArrayList<>();
        try (ScriptedPeer peer = ScriptedPeer.plain((socket, in, out) -> offered.add(offeredVersions(in)));
             LicenseServiceClient client = clientFor(URI.create("https://127.0.0.1:" + peer.port() + "/"))) {
            assertThatThrownBy(() -> client.activateDesktopProduct(KEY, TOKEN))
                    .isInstanceOfSatisfying(TransportFailureException.class, e -> {
                        assertThat(e.kind()).isEqualTo(TransportFailureException.Kind.TLS);
                        assertThat(e.requestMayHaveReachedService()).isFalse();
                    });
            assertThat(peer.awaitHandlers()).isTrue();
        }
        assertThat(offered).isNotEmpty().allSatisfy(versions -> assertThat(versions)
                .isNotEmpty()
                .allSatisfy(v -> assertThat(v).as("offered TLS version 0x%04x", v).isGreaterThanOrEqualTo(0x0303)));
    }

    @Test
    void tlsBelow12_isNeverOffered_evenInAJvmThatReEnablesTls11() throws Exception {
        // This JVM disables TLS 1.0/1.1 by default, so the client's own policy only shows in a JVM
        // configured to allow them again: there the JDK would offer TLS 1.1, the client must not.
        Path securityOverrides = Files.createTempFile("tls11-enabled", ".security");
        Files.writeString(securityOverrides, "jdk.tls.disabledAlgorithms=SSLv3, RC4, DES, MD5withRSA, "
                + "DH keySize < 1024, EC keySize < 224, 3DES_EDE_CBC, anon, NULL\n");
        try {
            Process child = new ProcessBuilder(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Djava.security.properties=" + securityOverrides,
                    "-Djdk.tls.client.protocols=TLSv1.3,TLSv1.2,TLSv1.1",
                    "-cp", System.getProperty("java.class.path"),
                    LegacyTlsJvmProbe.class.getName())
                    .redirectErrorStream(true).start();
            String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(child.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
            assertThat(output).as("precondition: that JVM's own default offers TLS 1.1")
                    .contains("jvm-default-enabled: TLSv1.3,TLSv1.2,TLSv1.1");
            assertThat(output).contains("offered: 0x0304,0x0303").doesNotContain("0x0302")
                    .contains("outcome: TransportFailureException TLS");
        } finally {
            Files.deleteIfExists(securityOverrides);
        }
    }

    private static void assertRefusedBeforeSending(SSLContext serverContext) throws Exception {
        List<String> received = new CopyOnWriteArrayList<>();
        try (ScriptedPeer peer = ScriptedPeer.tls(serverContext, (socket, in, out) -> {
            // The handshake runs on this first read; a refused one throws. After a completed handshake
            // (the host-name check comes after it) the client must close without sending a byte.
            String request = ScriptedPeer.readRequest(in);
            if (!request.isEmpty()) {
                received.add(request);
            }
        }); LicenseServiceClient client = clientFor(peer.endpoint())) {
            assertThatThrownBy(() -> client.activateDesktopProduct(KEY, TOKEN))
                    .isInstanceOfSatisfying(TransportFailureException.class, e -> {
                        assertThat(e.kind()).isEqualTo(TransportFailureException.Kind.TLS);
                        assertThat(e.requestMayHaveReachedService()).isFalse();
                        // A refused handshake is a fixed misconfiguration: not retried (docs/failure-handling.md).
                        assertThat(e.attempts()).isEqualTo(1);
                        assertThat(e.toString()).doesNotContain(KEY.reveal());
                    });
            assertThat(peer.awaitHandlers()).isTrue();
            assertThat(peer.acceptedConnections()).isEqualTo(1);
        }
        assertThat(received).as("application data the server received").isEmpty();
    }

    private static LicenseServiceClient clientFor(URI endpoint) throws Exception {
        return LicenseServiceClient.builder().endpoint(endpoint).trustStore(trusted.trustStore())
                .retryPolicy(TWO_QUICK_ATTEMPTS).callDeadline(Duration.ofSeconds(20)).build();
    }

    /** Reads one TLS ClientHello and returns the protocol versions it offers (supported_versions, else legacy). */
    static List<Integer> offeredVersions(InputStream raw) throws IOException {
        DataInputStream in = new DataInputStream(raw);
        int contentType = in.readUnsignedByte();
        if (contentType != 0x16) {
            throw new IOException("not a TLS handshake record: " + contentType);
        }
        in.readUnsignedShort(); // record-layer version, fixed at 0x0301 for compatibility
        byte[] record = in.readNBytes(in.readUnsignedShort());
        DataInputStream hello = new DataInputStream(new java.io.ByteArrayInputStream(record));
        if (hello.readUnsignedByte() != 0x01) {
            throw new IOException("not a ClientHello");
        }
        hello.skipNBytes(3);
        int legacyVersion = hello.readUnsignedShort();
        hello.skipNBytes(32);
        hello.skipNBytes(hello.readUnsignedByte());
        hello.skipNBytes(hello.readUnsignedShort());
        hello.skipNBytes(hello.readUnsignedByte());
        List<Integer> versions = new ArrayList<>();
        if (hello.available() >= 2) {
            int end = hello.readUnsignedShort();
            while (end > 0 && hello.available() >= 4) {
                int type = hello.readUnsignedShort();
                int length = hello.readUnsignedShort();
                byte[] data = hello.readNBytes(length);
                end -= 4 + length;
                if (type == 0x002b) {
                    for (int i = 1; i + 1 < data.length && i <= (data[0] & 0xff); i += 2) {
                        versions.add(((data[i] & 0xff) << 8) | (data[i + 1] & 0xff));
                    }
                }
            }
        }
        if (versions.isEmpty()) {
            versions.add(legacyVersion);
        }
        return versions;
    }
}
