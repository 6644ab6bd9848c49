package io.github.devpayls.ls.reliability;

import io.github.devpayls.ls.ActivationKey;
import io.github.devpayls.ls.LicenseServiceClient;
import io.github.devpayls.ls.NoAnswerException;
import io.github.devpayls.ls.ProductToken;
import io.github.devpayls.ls.RetryPolicy;
import io.github.devpayls.ls.TransportFailureException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;

/**
 * Child-JVM side of {@code TlsRefusalIT.tlsBelow12_isNeverOffered_evenInAJvmThatReEnablesTls11}:
 * prints what the JVM's default TLS socket would enable, then lets the client connect to a loopback
 * socket that reads its ClientHello and prints the versions offered.
 */
public final class LegacyTlsJvmProbe {

    private LegacyTlsJvmProbe() {
    }

    public static void main(String[] args) throws Exception {
        try (SSLSocket jvmDefault = (SSLSocket) SSLContext.getDefault().getSocketFactory().createSocket()) {
            System.out.println("jvm-default-enabled: " + String.join(",", jvmDefault.getEnabledProtocols()));
        }
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Thread peer = new Thread(() -> {
                try (Socket socket = server.accept()) {
                    List<Integer> offered = TlsRefusalIT.offeredVersions(socket.getInputStream());
                    System.out.println("offered: " + offered.stream().map(v -> String.format("0x%04x", v))
                            .collect(Collectors.joining(",")));
                } catch (Exception e) {
                    System.out.println("offered: unreadable " + e);
                }
            });
            peer.start();
            try (LicenseServiceClient client = LicenseServiceClient.builder()
                    .endpoint("https://127.0.0.1:" + server.getLocalPort() + "/")
                    .retryPolicy(RetryPolicy.none()).callDeadline(Duration.ofSeconds(10)).build()) {
                client.activateDesktopProduct(ActivationKey.of("ADMAY7DVLJTWHJ76MMBMQEXAMPLE"),
                        ProductToken.of("{ProductToken}AAAAVGVzdA=="));
                System.out.println("outcome: answered");
            } catch (NoAnswerException e) {
                String kind = e instanceof TransportFailureException t ? " " + t.kind() : "";
                System.out.println("outcome: " + e.getClass().getSimpleName() + kind);
            }
            peer.join(10_000);
        }
    }
}
