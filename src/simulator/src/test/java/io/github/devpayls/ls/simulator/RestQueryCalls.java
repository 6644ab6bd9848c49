package io.github.devpayls.ls.simulator;

import io.github.devpayls.ls.contract.LicenseServiceFacts;
import io.github.devpayls.ls.contract.RestQuery;
import io.github.devpayls.ls.contract.RestQuerySignature;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import javax.xml.parsers.DocumentBuilderFactory;

/**
 * REST-Query requests to a simulator over real HTTP(S) with java.net.http, signed with
 * {@link RestQuerySignature} as a desktop product signs them, and the few readings of the answer
 * the tests need.
 */
final class RestQueryCalls {

    /** How a request carries its parameters. */
    enum Form { GET, POST_QUERY_EMPTY_BODY, POST_FORM_BODY }

    /** An answer: status and body, with the readings the tests assert on. */
    record Answer(int status, String contentType, String body) {

        /** @return the text of the first element with that local name in the contract's namespace */
        String text(String localName) {
            NodeList nodes = document().getElementsByTagNameNS(LicenseServiceFacts.NAMESPACE, localName);
            if (nodes.getLength() == 0) {
                throw new AssertionError("no " + localName + " in " + body);
            }
            return nodes.item(0).getTextContent();
        }

        /** @return the {@code ErrorResponse/Error/Code} */
        String errorCode() {
            Element root = document().getDocumentElement();
            if (!"ErrorResponse".equals(root.getLocalName()) || !LicenseServiceFacts.NAMESPACE.equals(root.getNamespaceURI())) {
                throw new AssertionError("not an ErrorResponse: " + body);
            }
            return text("Code");
        }

        String rootName() {
            return document().getDocumentElement().getLocalName();
        }

        private Document document() {
            try {
                DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
                factory.setNamespaceAware(true);
                factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
                return factory.newDocumentBuilder().parse(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)));
            } catch (Exception e) {
                throw new AssertionError("not XML (HTTP " + status + "): " + body, e);
            }
        }
    }

    private final LicenseServiceSimulator simulator;
    private final HttpClient http;

    RestQueryCalls(LicenseServiceSimulator simulator) {
        this.simulator = simulator;
        this.http = SimulatorClients.httpClient(simulator);
    }

    /** The parameters of a signed call, unsigned yet, with {@code Expires} = {@code now} + the client's window. */
    static Map<String, String> signedCall(String action, String accessKeyId, Instant now) {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put(RestQuery.ACTION, action);
        parameters.put(RestQuery.AWS_ACCESS_KEY_ID, accessKeyId);
        parameters.put(RestQuery.EXPIRES, RestQuery.formatTime(now.plus(RestQuery.EXPIRES_WINDOW)));
        parameters.put(RestQuery.SIGNATURE_VERSION, RestQuerySignature.VERSION);
        parameters.put(RestQuery.VERSION, LicenseServiceFacts.API_VERSION);
        return parameters;
    }

    static Map<String, String> verify(String accessKeyId, String userToken, String productToken, Instant now) {
        Map<String, String> parameters = signedCall(RestQuery.VERIFY_PRODUCT_SUBSCRIPTION_BY_TOKENS, accessKeyId, now);
        parameters.put(RestQuery.USER_TOKEN, userToken);
        parameters.put(RestQuery.PRODUCT_TOKEN, productToken);
        return parameters;
    }

    static Map<String, String> refresh(String accessKeyId, String userToken, String productToken, Instant now) {
        Map<String, String> parameters = signedCall(RestQuery.REFRESH_USER_TOKEN, accessKeyId, now);
        parameters.put(RestQuery.USER_TOKEN, userToken);
        parameters.put(RestQuery.ADDITIONAL_TOKENS, productToken);
        return parameters;
    }

    /** @return the parameters with {@code Signature} set from {@code secretKey} */
    static Map<String, String> signed(Map<String, String> parameters, String secretKey) {
        Map<String, String> signed = new LinkedHashMap<>(parameters);
        signed.put(RestQuery.SIGNATURE, RestQuerySignature.sign(parameters, secretKey.toCharArray()));
        return signed;
    }

    Answer send(Map<String, String> parameters) throws Exception {
        return send(Form.GET, parameters);
    }

    Answer send(Form form, Map<String, String> parameters) throws Exception {
        String encoded = encode(parameters);
        HttpRequest.Builder request;
        switch (form) {
            case GET -> request = HttpRequest.newBuilder(URI.create(simulator.endpoint() + "?" + encoded)).GET();
            case POST_QUERY_EMPTY_BODY -> request = HttpRequest.newBuilder(URI.create(simulator.endpoint() + "?" + encoded))
                    .POST(HttpRequest.BodyPublishers.noBody());
            case POST_FORM_BODY -> request = HttpRequest.newBuilder(simulator.endpoint())
                    .header("Content-Type", "application/x-www-form-urlencoded; charset=UTF-8")
                    .POST(HttpRequest.BodyPublishers.ofString(encoded));
            default -> throw new IllegalArgumentException(form.name());
        }
        HttpResponse<String> response = http.send(request.timeout(Duration.ofSeconds(20)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                response.body());
    }

    static String encode(Map<String, String> parameters) {
        return parameters.entrySet().stream()
                .map(e -> RestQuery.encode(e.getKey()) + "=" + RestQuery.encode(e.getValue()))
                .collect(Collectors.joining("&"));
    }
}
