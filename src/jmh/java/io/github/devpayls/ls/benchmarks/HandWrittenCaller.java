package io.github.devpayls.ls.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.SSLSocketFactory;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * The floor: the least work SOAP over HTTP can cost on the JVM. A pre-built envelope posted with a
 * keep-alive {@link HttpURLConnection} (buffered, not fixed-length streaming: that sends headers
 * and body in two writes and costs far more on small calls), the three credentials read with StAX.
 * No retries, no fault handling, no checks beyond the HTTP status.
 */
final class HandWrittenCaller implements ActivationCaller {

    /** The three values of a successful activation. */
    record Credentials(String userToken, String accessKeyId, String secretAccessKey) {
    }

    private static final XMLInputFactory XML = XMLInputFactory.newFactory();

    private final URL url;
    private final SSLSocketFactory sockets;
    private final byte[] envelope;

    HandWrittenCaller(Target target) throws IOException, GeneralSecurityException {
        this.url = target.endpoint().toURL();
        this.sockets = target.caCertificate().isPresent()
                ? TrustedCa.sslContext(target.caCertificate().get()).getSocketFactory() : null;
        // Tokens and keys are Base64/base32 text: nothing in them needs XML escaping.
        this.envelope = ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                + "<soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\"><soap:Body>"
                + "<ActivateDesktopProduct xmlns=\"http://ls.amazonaws.com/doc/2008-04-28/\">"
                + "<ActivationKey>" + target.activationKey() + "</ActivationKey>"
                + "<ProductToken>" + target.productToken() + "</ProductToken>"
                + "</ActivateDesktopProduct></soap:Body></soap:Envelope>").getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public Credentials activate() throws IOException, XMLStreamException {
        try (InputStream in = post(url, sockets, envelope, "text/xml; charset=UTF-8",
                "SOAPAction", "\"ActivateDesktopProduct\"")) {
            return read(in);
        }
    }

    /**
     * The floors' one HTTP exchange: a buffered POST on a keep-alive connection.
     *
     * @param url         where to
     * @param sockets     the TLS socket factory (the same instance every call, so the JDK's
     *                    keep-alive cache reuses the connection), or {@code null} for HTTP
     * @param body        the request body
     * @param contentType its Content-Type
     * @param headerPairs further request headers, name and value
     * @return the answer's body, to be read to its end and closed
     * @throws IOException when the exchange fails or the status is not 200
     */
    static InputStream post(URL url, SSLSocketFactory sockets, byte[] body, String contentType, String... headerPairs)
            throws IOException {
        HttpURLConnection connection = (HttpURLConnection) url.openConnection();
        if (connection instanceof HttpsURLConnection https) {
            https.setSSLSocketFactory(sockets);
        }
        connection.setRequestMethod("POST");
        connection.setDoOutput(true);
        connection.setRequestProperty("Content-Type", contentType);
        for (int i = 0; i + 1 < headerPairs.length; i += 2) {
            connection.setRequestProperty(headerPairs[i], headerPairs[i + 1]);
        }
        try (OutputStream out = connection.getOutputStream()) {
            out.write(body);
        }
        int status = connection.getResponseCode();
        if (status != HttpURLConnection.HTTP_OK) {
            connection.disconnect();
            throw new IOException("HTTP " + status);
        }
        return connection.getInputStream();
    }

    private static Credentials read(InputStream in) throws XMLStreamException {
        XMLStreamReader reader = XML.createXMLStreamReader(in);
        String userToken = null;
        String accessKeyId = null;
        String secretAccessKey = null;
        // Read to the end of the document so the connection goes back to the keep-alive cache.
        while (reader.hasNext()) {
            if (reader.next() == XMLStreamConstants.START_ELEMENT) {
                switch (reader.getLocalName()) {
                    case "UserToken" -> userToken = reader.getElementText();
                    case "AWSAccessKeyId" -> accessKeyId = reader.getElementText();
                    case "SecretAccessKey" -> secretAccessKey = reader.getElementText();
                    default -> { }
                }
            }
        }
        reader.close();
        return new Credentials(userToken, accessKeyId, secretAccessKey);
    }

    @Override
    public void activateOnceOrFail() throws IOException, XMLStreamException {
        Credentials credentials = activate();
        if (credentials.userToken() == null || credentials.accessKeyId() == null
                || credentials.secretAccessKey() == null) {
            throw new IllegalStateException("the hand-written activation issued no credentials");
        }
    }

    @Override
    public void close() {
        // Nothing to release: idle connections belong to the JDK's keep-alive cache.
    }
}
