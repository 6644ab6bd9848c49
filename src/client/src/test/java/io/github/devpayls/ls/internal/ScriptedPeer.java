package io.github.devpayls.ls.internal;

import io.github.devpayls.ls.contract.LicenseServiceFacts;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * A plain-HTTP peer on loopback that answers each request with the next scripted response, for
 * testing the CXF wiring without the simulator. Records every request body.
 */
final class ScriptedPeer implements AutoCloseable {

    /** One canned HTTP response; a positive {@code perByte} sends the body one byte at a time at that pace. */
    record Reply(int status, String contentType, String body, List<String[]> headers, java.time.Duration perByte) {
        Reply(int status, String contentType, String body, List<String[]> headers) {
            this(status, contentType, body, headers, java.time.Duration.ZERO);
        }

        static Reply xml(int status, String body, String... headerPairs) {
            List<String[]> headers = new java.util.ArrayList<>();
            for (int i = 0; i + 1 < headerPairs.length; i += 2) {
                headers.add(new String[] {headerPairs[i], headerPairs[i + 1]});
            }
            return new Reply(status, "text/xml; charset=UTF-8", body, headers);
        }
    }

    private final HttpServer server;
    private final Deque<Function<String, Reply>> script = new ArrayDeque<>();
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private final AtomicInteger count = new AtomicInteger();
    private volatile Function<String, Reply> fallback;

    ScriptedPeer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newFixedThreadPool(16));
        server.createContext("/", this::handle);
        server.start();
    }

    URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
    }

    synchronized ScriptedPeer then(Reply reply) {
        script.add(request -> reply);
        return this;
    }

    ScriptedPeer always(Function<String, Reply> replies) {
        fallback = replies;
        return this;
    }

    int requestCount() {
        return count.get();
    }

    List<String> requests() {
        return requests;
    }

    private void handle(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        requests.add(body);
        count.incrementAndGet();
        Function<String, Reply> next;
        synchronized (this) {
            next = script.poll();
        }
        if (next == null) {
            next = fallback;
        }
        Reply reply = next == null ? Reply.xml(500, "no script") : next.apply(body);
        byte[] bytes = reply.body().getBytes(StandardCharsets.UTF_8);
        if (reply.contentType() != null) {
            exchange.getResponseHeaders().add("Content-Type", reply.contentType());
        }
        for (String[] header : reply.headers()) {
            exchange.getResponseHeaders().add(header[0], header[1]);
        }
        exchange.sendResponseHeaders(reply.status(), bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            if (reply.perByte().isZero()) {
                out.write(bytes);
                return;
            }
            for (byte b : bytes) {
                out.write(b);
                out.flush();
                try {
                    Thread.sleep(reply.perByte().toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }

    // ---- canned bodies in the service's format ----

    static String success(String userToken, String accessKeyId, String secretKey, String requestId) {
        return envelope("<ActivateDesktopProductResponse xmlns=\"" + LicenseServiceFacts.NAMESPACE + "\">"
                + "<ActivateDesktopProductResult>"
                + (userToken == null ? "" : "<UserToken>" + userToken + "</UserToken>")
                + (accessKeyId == null ? "" : "<AWSAccessKeyId>" + accessKeyId + "</AWSAccessKeyId>")
                + (secretKey == null ? "" : "<SecretAccessKey>" + secretKey + "</SecretAccessKey>")
                + "</ActivateDesktopProductResult>"
                + "<ResponseMetadata><RequestId>" + requestId + "</RequestId></ResponseMetadata>"
                + "</ActivateDesktopProductResponse>");
    }

    static String fault(String code, String message, String requestId) {
        return envelope("<soap:Fault xmlns:aws=\"" + LicenseServiceFacts.AWS_FAULT_NAMESPACE + "\">"
                + "<faultcode>" + code + "</faultcode><faultstring>" + message + "</faultstring>"
                + (requestId == null ? "" : "<detail><aws:RequestId>" + requestId + "</aws:RequestId></detail>")
                + "</soap:Fault>");
    }

    static String envelope(String body) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                + "<soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\"><soap:Body>"
                + body + "</soap:Body></soap:Envelope>";
    }
}
