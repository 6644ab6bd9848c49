package io.github.devpayls.ls.soapui;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;

/**
 * Run by the {@code soapui} Maven profile between starting the simulator in the background and
 * running SmartBear's SoapUI plugin: returns once the URL answers HTTP 200, so the plugin never
 * races the simulator's start. Exits with status 1 when the time is up. Not a test.
 */
public final class SimulatorReadiness {

    private static final Duration POLL_INTERVAL = Duration.ofMillis(250);

    private SimulatorReadiness() {
    }

    /**
     * @param args the URL to poll (e.g. the simulator's {@code ?wsdl}) and the seconds to wait
     * @throws InterruptedException when interrupted while waiting
     */
    public static void main(String[] args) throws InterruptedException {
        if (args.length != 2) {
            System.err.println("usage: SimulatorReadiness <url> <seconds>");
            System.exit(2);
        }
        if (!answers(URI.create(args[0]), Duration.ofSeconds(Long.parseLong(args[1])))) {
            System.err.println("no HTTP 200 from " + args[0] + " within " + args[1] + " s");
            System.exit(1);
        }
    }

    private static boolean answers(URI url, Duration timeout) throws InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(POLL_INTERVAL.multipliedBy(4)).build();
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            try {
                HttpResponse<Void> response = http.send(HttpRequest.newBuilder(url).GET().build(),
                        HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return true;
                }
            } catch (IOException notListeningYet) {
                // The simulator is still starting: poll again.
            }
            Thread.sleep(POLL_INTERVAL.toMillis());
        }
        return false;
    }
}
