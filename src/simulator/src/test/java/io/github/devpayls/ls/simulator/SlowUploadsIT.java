package io.github.devpayls.ls.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Issue 15 item 4: slow uploads neither starve the simulator nor hold their connections for long,
 * and one address cannot hold more than its share of connections. Loopback only, bounded in
 * count; the timeouts are hang guards, nothing is asserted about how fast the server is.
 */
@Tag("slow")
class SlowUploadsIT {

    /** More than the server's 32 worker threads: before the fix these starved every other request. */
    private static final int SLOW_UPLOADS = 40;

    private static Socket openSlowUpload(URI endpoint) throws IOException {
        Socket socket = new Socket(endpoint.getHost(), endpoint.getPort());
        OutputStream out = socket.getOutputStream();
        out.write(("POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: text/xml\r\nContent-Length: 1000\r\n\r\n<")
                .getBytes(StandardCharsets.US_ASCII));
        out.flush();
        return socket;
    }

    /** @return {@code true} when the server closed the connection (end of stream or reset) */
    private static boolean readsEndOfStream(Socket socket) throws IOException {
        InputStream in = socket.getInputStream();
        try {
            return in.read() < 0;
        } catch (SocketTimeoutException stillOpen) {
            return false;
        } catch (IOException reset) {
            return true;
        }
    }

    @Test
    @Timeout(value = 3, unit = TimeUnit.MINUTES)
    void slowUploads_doNotStarveANormalRequest_andAreClosedAfterTheBodyDeadline() throws Exception {
        List<Socket> slow = new ArrayList<>();
        ScheduledExecutorService trickler = Executors.newSingleThreadScheduledExecutor();
        try (LicenseServiceSimulator simulator = LicenseServiceSimulator.builder().plainHttp(true).start()) {
            for (int i = 0; i < SLOW_UPLOADS; i++) {
                slow.add(openSlowUpload(simulator.endpoint()));
            }
            // One more body byte every 4 s on every slow connection, as the abuse in the issue.
            trickler.scheduleAtFixedRate(() -> slow.forEach(socket -> {
                try {
                    socket.getOutputStream().write('x');
                } catch (IOException closedByServer) {
                    // expected once the server gives up on the upload
                }
            }), 4, 4, TimeUnit.SECONDS);
            FixtureProduct product = simulator.fixtures().products().get(0);

            HttpResponse<String> normal = SimulatorClients.post(simulator,
                    SimulatorClients.activateDesktopProduct(product.activationKey(), product.productToken()));

            assertThat(normal.statusCode()).isEqualTo(200);
            assertThat(normal.body()).contains("SecretAccessKey");
            for (Socket socket : slow) {
                socket.setSoTimeout(60_000); // a hang guard: the deadline is 10 s
                assertThat(readsEndOfStream(socket)).as("the server closed the slow upload").isTrue();
            }
        } finally {
            trickler.shutdownNow();
            for (Socket socket : slow) {
                socket.close();
            }
        }
    }

    @Test
    @Timeout(value = 2, unit = TimeUnit.MINUTES)
    void oneAddress_holdsAtMostItsShareOfConnections_theRestAreClosed() throws Exception {
        int extra = 3;
        List<Socket> sockets = new ArrayList<>();
        try (LicenseServiceSimulator simulator = LicenseServiceSimulator.builder().plainHttp(true).start()) {
            URI endpoint = simulator.endpoint();
            for (int i = 0; i < SimulatorFacts.MAX_CONNECTIONS_PER_ADDRESS + extra; i++) {
                sockets.add(new Socket(endpoint.getHost(), endpoint.getPort()));
            }
            int closed = 0;
            List<Socket> open = new ArrayList<>(sockets);
            while (closed < extra) { // the @Timeout guards this loop
                for (Socket socket : List.copyOf(open)) {
                    socket.setSoTimeout(50);
                    if (readsEndOfStream(socket)) {
                        open.remove(socket);
                        closed++;
                    }
                }
            }

            assertThat(open).hasSize(SimulatorFacts.MAX_CONNECTIONS_PER_ADDRESS);
            Socket held = open.get(0);
            held.setSoTimeout(200);
            assertThatThrownBy(() -> held.getInputStream().read()).as("a connection within the limit stays open")
                    .isInstanceOf(SocketTimeoutException.class);
            for (Socket socket : sockets) {
                socket.close();
            }
            FixtureProduct product = simulator.fixtures().products().get(0);
            // Once the address's connections are gone, it is served again (the count went down). The
            // server notices the closes asynchronously, so a request may still be refused at first;
            // the @Timeout guards the loop.
            HttpResponse<String> served = null;
            while (served == null) {
                try {
                    served = SimulatorClients.post(simulator, SimulatorClients.activateDesktopProduct(
                            product.activationKey(), product.productToken()));
                } catch (IOException stillCounted) {
                    Thread.sleep(100);
                }
            }
            assertThat(served.statusCode()).isEqualTo(200);
        } finally {
            for (Socket socket : sockets) {
                socket.close();
            }
        }
    }
}
