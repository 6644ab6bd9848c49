package io.github.devpayls.ls.simulator.junit;

import io.github.devpayls.ls.simulator.LicenseServiceSimulator;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** One POST to a simulator of the extension tests: its HTTP status, or {@link #DROPPED}. */
final class SimulatorRawPost {

    static final int DROPPED = -1;

    private SimulatorRawPost() {
    }

    static int status(LicenseServiceSimulator simulator) throws InterruptedException {
        HttpClient client = HttpClient.newBuilder().sslContext(simulator.clientSslContext().orElseThrow())
                .version(HttpClient.Version.HTTP_1_1).build();
        try {
            return client.send(HttpRequest.newBuilder(simulator.endpoint()).timeout(Duration.ofSeconds(20))
                    .header("Content-Type", "text/xml").POST(HttpRequest.BodyPublishers.ofString("<x/>")).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException dropped) {
            return DROPPED;
        }
    }
}
