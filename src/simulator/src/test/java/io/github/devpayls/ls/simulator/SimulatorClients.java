package io.github.devpayls.ls.simulator;

import io.github.devpayls.ls.contract.generated.AmazonLS;
import io.github.devpayls.ls.contract.generated.AmazonLSPortType;

import jakarta.xml.ws.BindingProvider;
import jakarta.xml.ws.soap.SOAPFaultException;
import org.apache.cxf.configuration.jsse.TLSClientParameters;
import org.apache.cxf.frontend.ClientProxy;
import org.apache.cxf.transport.http.HTTPConduit;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.time.Duration;

/** How the tests talk to a simulator: a plain generated CXF proxy, java.net.http, or a raw socket. */
final class SimulatorClients {

    static final String NAMESPACE = "http://ls.amazonaws.com/doc/2008-04-28/";

    private SimulatorClients() {
    }

    /** A generated proxy at the simulator's endpoint, trusting only its CA, hostname verification on. */
    static AmazonLSPortType proxy(LicenseServiceSimulator simulator) {
        AmazonLSPortType port = new AmazonLS().getAmazonLSPort();
        ((BindingProvider) port).getRequestContext()
                .put(BindingProvider.ENDPOINT_ADDRESS_PROPERTY, simulator.endpoint().toString());
        simulator.trustStore().ifPresent(trustStore -> {
            TLSClientParameters tls = new TLSClientParameters();
            tls.setTrustManagers(trustManagers(trustStore).getTrustManagers());
            tls.setDisableCNCheck(false);
            ((HTTPConduit) ClientProxy.getClient(port).getConduit()).setTlsClientParameters(tls);
        });
        return port;
    }

    static SSLContext sslContext(LicenseServiceSimulator simulator) {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trustManagers(simulator.trustStore().orElseThrow()).getTrustManagers(), null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static HttpClient httpClient(LicenseServiceSimulator simulator) {
        HttpClient.Builder builder = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10));
        if (simulator.trustStore().isPresent()) {
            builder.sslContext(sslContext(simulator));
        }
        return builder.build();
    }

    /** POSTs a SOAP body with java.net.http and returns the response. */
    static HttpResponse<String> post(LicenseServiceSimulator simulator, String envelope)
            throws IOException, InterruptedException {
        return httpClient(simulator).send(HttpRequest.newBuilder(simulator.endpoint())
                .timeout(Duration.ofSeconds(20))
                .header("Content-Type", "text/xml; charset=UTF-8")
                .header("SOAPAction", "\"ActivateDesktopProduct\"")
                .POST(HttpRequest.BodyPublishers.ofString(envelope)).build(), HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> get(LicenseServiceSimulator simulator, URI uri) throws IOException, InterruptedException {
        return httpClient(simulator).send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(20)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** A SOAP 1.1 envelope around an element of the contract's namespace. */
    static String envelope(String operation, String children) {
        return "<soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\" xmlns:ls=\"" + NAMESPACE
                + "\"><soap:Body><ls:" + operation + ">" + children + "</ls:" + operation + "></soap:Body></soap:Envelope>";
    }

    static String activateDesktopProduct(String activationKey, String productToken) {
        return envelope("ActivateDesktopProduct", "<ls:ActivationKey>" + activationKey + "</ls:ActivationKey>"
                + "<ls:ProductToken>" + productToken + "</ls:ProductToken>");
    }

    /** What a raw socket saw: every byte until the server closed, and whether the read ended in an error. */
    record RawExchange(byte[] bytes, boolean endedWithError) {
        String text() {
            return new String(bytes, StandardCharsets.ISO_8859_1);
        }

        String head() {
            String text = text();
            int end = text.indexOf("\r\n\r\n");
            return end < 0 ? text : text.substring(0, end);
        }

        String body() {
            String text = text();
            int end = text.indexOf("\r\n\r\n");
            return end < 0 ? "" : text.substring(end + 4);
        }
    }

    /**
     * Sends one HTTP/1.1 POST over a raw (TLS) socket with {@code Connection: close} and reads
     * until the server closes. The read timeout only guards against a broken test.
     */
    static RawExchange rawPost(LicenseServiceSimulator simulator, String body) throws IOException {
        URI endpoint = simulator.endpoint();
        byte[] content = body.getBytes(StandardCharsets.UTF_8);
        try (Socket socket = simulator.trustStore().isPresent()
                ? sslContext(simulator).getSocketFactory().createSocket(endpoint.getHost(), endpoint.getPort())
                : new Socket(endpoint.getHost(), endpoint.getPort())) {
            socket.setSoTimeout(20_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST / HTTP/1.1\r\nHost: " + endpoint.getHost() + ":" + endpoint.getPort()
                    + "\r\nContent-Type: text/xml; charset=UTF-8\r\nSOAPAction: \"ActivateDesktopProduct\""
                    + "\r\nConnection: close\r\nContent-Length: " + content.length + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.write(content);
            out.flush();
            ByteArrayOutputStream received = new ByteArrayOutputStream();
            InputStream in = socket.getInputStream();
            byte[] buffer = new byte[8192];
            try {
                for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                    received.write(buffer, 0, n);
                }
            } catch (IOException e) {
                return new RawExchange(received.toByteArray(), true);
            }
            return new RawExchange(received.toByteArray(), false);
        }
    }

    /** The fault of a SOAPFaultException, as the tests check it. */
    record AwsFault(String codeNamespace, String codePrefix, String codeLocalPart, String faultString,
                    String detailRequestId) {
        static AwsFault of(SOAPFaultException exception) {
            var fault = exception.getFault();
            var code = fault.getFaultCodeAsQName();
            String requestId = null;
            if (fault.getDetail() != null) {
                var entries = fault.getDetail().getDetailEntries();
                while (entries.hasNext()) {
                    var entry = entries.next();
                    if ("RequestId".equals(entry.getLocalName())) {
                        requestId = entry.getTextContent();
                    }
                }
            }
            return new AwsFault(code.getNamespaceURI(), code.getPrefix(), code.getLocalPart(), fault.getFaultString(),
                    requestId);
        }
    }

    /** Live threads of simulators' pools (they are named after the simulator). */
    static long simulatorThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> thread.isAlive() && thread.getName().startsWith("devpay-ls-simulator"))
                .count();
    }

    private static TrustManagerFactory trustManagers(KeyStore trustStore) {
        try {
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(trustStore);
            return factory;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
