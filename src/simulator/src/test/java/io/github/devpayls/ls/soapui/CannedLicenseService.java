package io.github.devpayls.ls.soapui;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A loopback HTTP server with canned License Service answers, so the runner's own tests need no
 * simulator. The activation key picks the answer: {@code BADKEY} gets an InvalidActivationKey fault
 * (HTTP 500), {@code NOSECRET} a success lacking SecretAccessKey, anything else a full success;
 * GetActiveSubscriptionsByPid gets two product codes. Every request is recorded.
 */
final class CannedLicenseService implements AutoCloseable {

    static final String REQUEST_ID = "12345678-0000-4000-8000-123456789abc";
    static final String USER_TOKEN = "{UserToken}" + "A".repeat(400);

    /**
     * A request as the server saw it.
     *
     * @param soapAction  the SOAPAction header
     * @param contentType the Content-Type header
     * @param body        the body
     */
    record Received(String soapAction, String contentType, String body) {
    }

    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();

    CannedLicenseService() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::answer);
        server.start();
    }

    /** @return the server's base URI */
    URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
    }

    /** @return the requests received so far, in order */
    List<Received> received() {
        return List.copyOf(received);
    }

    private void answer(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String action = exchange.getRequestHeaders().getFirst("SOAPAction");
        received.add(new Received(action, exchange.getRequestHeaders().getFirst("Content-Type"), body));
        if ("\"GetActiveSubscriptionsByPid\"".equals(action)) {
            send(exchange, 200, envelope("<ls:GetActiveSubscriptionsByPidResponse><ls:GetActiveSubscriptionsByPidResult>"
                    + "<ls:ProductCode>PRODUCT1</ls:ProductCode><ls:ProductCode>PRODUCT2</ls:ProductCode>"
                    + "</ls:GetActiveSubscriptionsByPidResult>" + metadata() + "</ls:GetActiveSubscriptionsByPidResponse>"));
        } else if (body.contains(">BADKEY<")) {
            send(exchange, 500, envelope("<soapenv:Fault xmlns:aws=\"http://webservices.amazon.com/AWSFault/2005-15-09\">"
                    + "<faultcode>aws:Client.InvalidActivationKey</faultcode><faultstring>The key is not valid.</faultstring>"
                    + "<detail><aws:RequestId>" + REQUEST_ID + "</aws:RequestId></detail></soapenv:Fault>"));
        } else {
            String secret = body.contains(">NOSECRET<") ? "" : "<ls:SecretAccessKey>" + "S".repeat(40) + "</ls:SecretAccessKey>";
            send(exchange, 200, envelope("<ls:ActivateDesktopProductResponse><ls:ActivateDesktopProductResult>"
                    + "<ls:UserToken>" + USER_TOKEN + "</ls:UserToken><ls:AWSAccessKeyId>AKIAFIXTURE000000001</ls:AWSAccessKeyId>"
                    + secret + "</ls:ActivateDesktopProductResult>" + metadata() + "</ls:ActivateDesktopProductResponse>"));
        }
    }

    private static String metadata() {
        return "<ls:ResponseMetadata><ls:RequestId>" + REQUEST_ID + "</ls:RequestId></ls:ResponseMetadata>";
    }

    private static String envelope(String body) {
        return "<soapenv:Envelope xmlns:soapenv=\"http://schemas.xmlsoap.org/soap/envelope/\""
                + " xmlns:ls=\"http://ls.amazonaws.com/doc/2008-04-28/\"><soapenv:Body>" + body
                + "</soapenv:Body></soapenv:Envelope>";
    }

    private static void send(HttpExchange exchange, int status, String xml) throws IOException {
        byte[] bytes = xml.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/xml;charset=UTF-8");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
