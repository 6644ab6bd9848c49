package io.github.devpayls.ls.benchmarks;

import io.github.devpayls.ls.contract.LicenseServiceFacts;
import io.github.devpayls.ls.contract.RestQuery;
import io.github.devpayls.ls.contract.RestQuerySignature;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.net.ssl.SSLSocketFactory;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * The REST-Query floor: the least work a signed VerifyProductSubscriptionByTokens or
 * RefreshUserToken costs on the JVM. Each call is signed afresh (signature version 1, with the
 * contract's signer, as the facade does), posted as a form with the floor's buffered keep-alive
 * POST ({@link HandWrittenCaller#post}), and the one value wanted is read with StAX. No retries, no
 * error handling beyond the HTTP status, no checks of the answer.
 */
final class HandWrittenRestCaller {

    private static final XMLInputFactory XML = XMLInputFactory.newFactory();

    private final URL url;
    private final SSLSocketFactory sockets;
    private final String accessKeyId;
    private final char[] secretKey;
    private final String userToken;
    private final String productToken;

    HandWrittenRestCaller(Target target, String userToken, String accessKeyId, String secretKey)
            throws IOException, GeneralSecurityException {
        this.url = target.endpoint().toURL();
        this.sockets = target.caCertificate().isPresent()
                ? TrustedCa.sslContext(target.caCertificate().get()).getSocketFactory() : null;
        this.accessKeyId = accessKeyId;
        this.secretKey = secretKey.toCharArray();
        this.userToken = userToken;
        this.productToken = target.productToken();
    }

    /** @return the answer's {@code Subscribed} text */
    String verify() throws IOException, XMLStreamException {
        Map<String, String> specific = new LinkedHashMap<>();
        specific.put(RestQuery.USER_TOKEN, userToken);
        specific.put(RestQuery.PRODUCT_TOKEN, productToken);
        return call(RestQuery.VERIFY_PRODUCT_SUBSCRIPTION_BY_TOKENS, specific, "Subscribed");
    }

    /** @return the answer's new {@code UserToken} */
    String refresh() throws IOException, XMLStreamException {
        Map<String, String> specific = new LinkedHashMap<>();
        specific.put(RestQuery.USER_TOKEN, userToken);
        // A desktop product names its product through AdditionalTokens.
        specific.put(RestQuery.ADDITIONAL_TOKENS, productToken);
        return call(RestQuery.REFRESH_USER_TOKEN, specific, "UserToken");
    }

    private String call(String action, Map<String, String> specific, String wanted)
            throws IOException, XMLStreamException {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put(RestQuery.ACTION, action);
        parameters.put(RestQuery.AWS_ACCESS_KEY_ID, accessKeyId);
        parameters.put(RestQuery.EXPIRES, RestQuery.formatTime(Instant.now().plus(RestQuery.EXPIRES_WINDOW)));
        parameters.putAll(specific);
        parameters.put(RestQuery.SIGNATURE_VERSION, RestQuerySignature.VERSION);
        parameters.put(RestQuery.VERSION, LicenseServiceFacts.API_VERSION);
        parameters.put(RestQuery.SIGNATURE, RestQuerySignature.sign(parameters, secretKey));
        StringBuilder form = new StringBuilder(512);
        for (Map.Entry<String, String> parameter : parameters.entrySet()) {
            if (form.length() > 0) {
                form.append('&');
            }
            form.append(RestQuery.encode(parameter.getKey())).append('=').append(RestQuery.encode(parameter.getValue()));
        }
        try (InputStream in = HandWrittenCaller.post(url, sockets, form.toString().getBytes(StandardCharsets.US_ASCII),
                "application/x-www-form-urlencoded; charset=utf-8")) {
            XMLStreamReader reader = XML.createXMLStreamReader(in);
            String value = null;
            // To the end of the document, so the connection goes back to the keep-alive cache.
            while (reader.hasNext()) {
                if (reader.next() == XMLStreamConstants.START_ELEMENT && reader.getLocalName().equals(wanted)) {
                    value = reader.getElementText();
                }
            }
            reader.close();
            if (value == null) {
                throw new IllegalStateException(action + ": no " + wanted + " in the answer");
            }
            return value;
        }
    }
}
