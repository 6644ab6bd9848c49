package io.github.devpayls.ls.simulator;

import io.github.devpayls.ls.contract.generated.ActivateDesktopProduct;
import io.github.devpayls.ls.contract.generated.AmazonLSPortType;

import jakarta.xml.ws.WebServiceException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.xml.sax.SAXException;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every injected fault, observed on the wire with raw HTTP clients. */
class SimulatorFaultInjectionIT {

    private static LicenseServiceSimulator simulator;
    private static FixtureProduct product;
    private static String validRequest;

    @BeforeAll
    static void start() {
        simulator = LicenseServiceSimulator.builder().start();
        product = simulator.fixtures().products().get(0);
        validRequest = SimulatorClients.activateDesktopProduct(product.activationKey(), product.productToken());
    }

    @AfterAll
    static void stop() {
        simulator.close();
    }

    @BeforeEach
    void clearFaults() {
        simulator.faults().clear();
    }

    private static HttpResponse<String> post() throws Exception {
        return SimulatorClients.post(simulator, validRequest);
    }

    /** A response and how long it took; only lower bounds are asserted (injected waits). */
    private record TimedResponse(HttpResponse<String> response, Duration elapsed) {
    }

    private static TimedResponse timedPost() throws Exception {
        long started = System.nanoTime();
        HttpResponse<String> response = post();
        return new TimedResponse(response, Duration.ofNanos(System.nanoTime() - started));
    }

    private static ActivateDesktopProduct activationRequest() {
        ActivateDesktopProduct request = new ActivateDesktopProduct();
        request.setActivationKey(product.activationKey());
        request.setProductToken(product.productToken());
        return request;
    }

    private static Document parse(String xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    private static int contentLength(String head) {
        Matcher matcher = Pattern.compile("(?im)^Content-Length:\\s*(\\d+)").matcher(head);
        assertThat(matcher.find()).as("Content-Length in " + head).isTrue();
        return Integer.parseInt(matcher.group(1));
    }

    @Test
    void throttle_answers503WithRequestThrottledFaultAndNoRetryAfter_thenServesNormally() throws Exception {
        simulator.faults().injectNext(1, InjectedFault.throttle());

        HttpResponse<String> throttled = post();
        assertThat(throttled.statusCode()).isEqualTo(503);
        assertThat(throttled.headers().firstValue("Retry-After")).isEmpty();
        assertThat(throttled.body()).contains(">aws:Server.RequestThrottled</faultcode>")
                .containsPattern("<aws:RequestId>[0-9a-f-]{36}</aws:RequestId>");
        parse(throttled.body());

        assertThat(post().statusCode()).isEqualTo(200);
    }

    @Test
    void throttle_withEmptyBodyAndRetryAfter_sendsWholeSecondsRoundedUp() throws Exception {
        simulator.faults().injectNext(1, InjectedFault.throttle(ThrottleBody.EMPTY, Duration.ofMillis(2_500)));

        HttpResponse<String> throttled = post();

        assertThat(throttled.statusCode()).isEqualTo(503);
        assertThat(throttled.headers().firstValue("Retry-After")).contains("3");
        assertThat(throttled.body()).isEmpty();
    }

    @Test
    void throttle_withHtmlBody_sendsAnHtmlPage() throws Exception {
        simulator.faults().injectNext(1, InjectedFault.throttle(ThrottleBody.HTML, null));

        HttpResponse<String> throttled = post();

        assertThat(throttled.statusCode()).isEqualTo(503);
        assertThat(throttled.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("text/html"));
        assertThat(throttled.body()).contains("<html>").contains("503");
    }

    @Test
    void injectNext_faultsExactlyThatManyRequests_andCountsThem() throws Exception {
        int before = simulator.requestCount();
        simulator.faults().injectNext(2, InjectedFault.html(502));

        assertThat(post().statusCode()).isEqualTo(502);
        assertThat(post().statusCode()).isEqualTo(502);
        assertThat(post().statusCode()).isEqualTo(200);
        assertThat(simulator.requestCount() - before).isEqualTo(3);
    }

    @Test
    void clear_removesQueuedFaults() throws Exception {
        simulator.faults().injectNext(5, InjectedFault.html(500));
        simulator.faults().clear();

        assertThat(post().statusCode()).isEqualTo(200);
    }

    @Test
    void wsdlFetches_areNeitherFaultedNorCounted() throws Exception {
        int before = simulator.requestCount();
        simulator.faults().injectNext(1, InjectedFault.html(500));

        assertThat(SimulatorClients.get(simulator, simulator.wsdlUrl()).statusCode()).isEqualTo(200);
        assertThat(simulator.requestCount()).isEqualTo(before);
        assertThat(post().statusCode()).isEqualTo(500);
    }

    @Test
    void delay_answersNormallyAfterTheDelay() throws Exception {
        Duration delay = Duration.ofMillis(300);
        simulator.faults().injectNext(1, InjectedFault.delay(delay));

        TimedResponse timed = timedPost();
        HttpResponse<String> response = timed.response();

        assertThat(timed.elapsed()).isGreaterThanOrEqualTo(delay);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("<UserToken>");
    }

    @Test
    void dropConnection_closesWithoutSendingAByte() throws Exception {
        int before = simulator.requestCount();
        simulator.faults().injectNext(1, InjectedFault.dropConnection());

        SimulatorClients.RawExchange exchange = SimulatorClients.rawPost(simulator, validRequest);

        assertThat(exchange.bytes()).isEmpty();
        assertThat(simulator.requestCount()).isEqualTo(before + 1);
    }

    @Test
    void closeMidBody_sendsHeadersAndHalfTheDeclaredBody() throws Exception {
        simulator.faults().injectNext(1, InjectedFault.closeMidBody());

        SimulatorClients.RawExchange exchange = SimulatorClients.rawPost(simulator, validRequest);

        assertThat(exchange.head()).startsWith("HTTP/1.1 200");
        int declared = contentLength(exchange.head());
        assertThat(exchange.body().length()).isPositive().isLessThan(declared);
        assertThat(exchange.body()).startsWith("<soap:Envelope");
    }

    @Test
    void closeMidBody_failsAGeneratedClient() {
        simulator.faults().injectNext(1, InjectedFault.closeMidBody());
        AmazonLSPortType port = SimulatorClients.proxy(simulator);

        assertThatThrownBy(() -> port.activateDesktopProduct(activationRequest()))
                .isInstanceOf(WebServiceException.class);
    }

    @Test
    void trickle_sendsTheWholeValidAnswerSlowly() throws Exception {
        Duration perByte = Duration.ofMillis(1);
        simulator.faults().injectNext(1, InjectedFault.trickle(perByte));

        TimedResponse timed = timedPost();
        HttpResponse<String> response = timed.response();

        assertThat(response.statusCode()).isEqualTo(200);
        parse(response.body());
        assertThat(response.body()).contains("<SecretAccessKey>");
        assertThat(timed.elapsed())
                .isGreaterThanOrEqualTo(perByte.multipliedBy(response.body().length()));
    }

    @Test
    void rawResponse_isSentVerbatim() throws Exception {
        simulator.faults().injectNext(1, InjectedFault.rawResponse(418, "application/json", "{\"teapot\":true}"));

        HttpResponse<String> response = post();

        assertThat(response.statusCode()).isEqualTo(418);
        assertThat(response.headers().firstValue("Content-Type")).contains("application/json");
        assertThat(response.body()).isEqualTo("{\"teapot\":true}");
    }

    @Test
    void html_sendsAnHtmlPageWithThatStatus() throws Exception {
        simulator.faults().injectNext(1, InjectedFault.html(502));

        HttpResponse<String> response = post();

        assertThat(response.statusCode()).isEqualTo(502);
        assertThat(response.body()).startsWith("<!DOCTYPE html>").contains("502 Bad Gateway");
    }

    @Test
    void nonXml_sends200TextXmlThatIsNotXml() throws Exception {
        simulator.faults().injectNext(1, InjectedFault.nonXml());

        HttpResponse<String> response = post();

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("text/xml"));
        assertThatThrownBy(() -> parse(response.body())).isInstanceOf(SAXException.class);
    }

    @Test
    void truncatedXml_sendsHalfAValidEnvelopeWithAConsistentLength() throws Exception {
        simulator.faults().injectNext(1, InjectedFault.truncatedXml());

        SimulatorClients.RawExchange exchange = SimulatorClients.rawPost(simulator, validRequest);

        assertThat(exchange.head()).startsWith("HTTP/1.1 200");
        assertThat(exchange.body()).hasSize(contentLength(exchange.head())).startsWith("<soap:Envelope");
        assertThatThrownBy(() -> parse(exchange.body())).isInstanceOf(SAXException.class);
    }

    @Test
    void oversized_sendsAWellFormedEnvelopePaddedToAboutThatSize() throws Exception {
        int size = 2_000_000;
        simulator.faults().injectNext(1, InjectedFault.oversized(size));

        HttpResponse<String> response = post();

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body().length()).isBetween(size * 9 / 10, size * 11 / 10);
        Document document = parse(response.body());
        assertThat(document.getElementsByTagNameNS("http://schemas.xmlsoap.org/soap/envelope/", "Header").getLength())
                .isEqualTo(1);
        assertThat(response.body()).contains("<UserToken>");
    }

    @Test
    void doctype_sendsTheBodyVerbatim() throws Exception {
        String body = "<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\">]>"
                + "<soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\"><soap:Body>&lol;"
                + "</soap:Body></soap:Envelope>";
        simulator.faults().injectNext(1, InjectedFault.doctype(body));

        HttpResponse<String> response = post();

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo(body);
    }

    @Test
    void missingCredential_leavesThatElementOut() throws Exception {
        simulator.faults().injectNext(1, InjectedFault.missingCredential(CredentialPart.SECRET_ACCESS_KEY));

        HttpResponse<String> response = post();

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).doesNotContain("SecretAccessKey").contains("<UserToken>{UserToken}")
                .contains("<AWSAccessKeyId>");
        parse(response.body());
    }

    @Test
    void missingCredential_reachesAGeneratedClientAsAnAbsentValue() {
        simulator.faults().injectNext(1, InjectedFault.missingCredential(CredentialPart.USER_TOKEN));

        var result = SimulatorClients.proxy(simulator).activateDesktopProduct(activationRequest())
                .getActivateDesktopProductResult();

        assertThat(result.getUserToken()).isNull();
        assertThat(result.getAWSAccessKeyId()).hasSize(20);
    }

    @Test
    void emptyCredential_sendsThatElementEmpty() throws Exception {
        simulator.faults().injectNext(1, InjectedFault.emptyCredential(CredentialPart.ACCESS_KEY_ID));

        HttpResponse<String> response = post();

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("<AWSAccessKeyId></AWSAccessKeyId>").contains("<SecretAccessKey>");
        parse(response.body());
    }

    @Test
    void injectFraction_faultsTheSameRequestsForTheSameSeed() throws Exception {
        List<Integer> one = statusesWithHalfThrottled(42L);
        List<Integer> two = statusesWithHalfThrottled(42L);

        assertThat(one).isEqualTo(two).contains(200, 503);
    }

    private static List<Integer> statusesWithHalfThrottled(long seed) throws Exception {
        try (LicenseServiceSimulator own = LicenseServiceSimulator.builder().seed(seed).plainHttp(true).start()) {
            own.faults().injectFraction(0.5, InjectedFault.throttle());
            FixtureProduct ownProduct = own.fixtures().products().get(0);
            String request = SimulatorClients.activateDesktopProduct(ownProduct.activationKey(), ownProduct.productToken());
            List<Integer> statuses = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                statuses.add(SimulatorClients.post(own, request).statusCode());
            }
            return statuses;
        }
    }

    @Test
    void injectFraction_refusesFractionsAboveOne() {
        simulator.faults().injectFraction(0.7, InjectedFault.nonXml());

        assertThatThrownBy(() -> simulator.faults().injectFraction(0.4, InjectedFault.nonXml()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void hang_neverAnswers_untilCloseReleasesTheConnectionAndThreads() throws Exception {
        long threadsBefore = SimulatorClients.simulatorThreads();
        LicenseServiceSimulator own = LicenseServiceSimulator.builder().plainHttp(true).start();
        own.faults().injectNext(1, InjectedFault.hang());
        byte[] body = validRequest.getBytes(StandardCharsets.UTF_8);
        try (Socket socket = new Socket(own.endpoint().getHost(), own.endpoint().getPort())) {
            OutputStream out = socket.getOutputStream();
            out.write(("POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: text/xml\r\nContent-Length: "
                    + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(body);
            out.flush();
            InputStream in = socket.getInputStream();
            socket.setSoTimeout(500);
            assertThatThrownBy(in::read).as("no answer while hanging").isInstanceOf(SocketTimeoutException.class);

            own.close();

            socket.setSoTimeout(20_000);
            assertThat(readUntilClosed(in)).as("the connection ends, without a response").isEmpty();
        } finally {
            own.close();
        }
        assertThat(SimulatorClients.simulatorThreads()).isLessThanOrEqualTo(threadsBefore);
    }

    private static byte[] readUntilClosed(InputStream in) {
        try {
            return in.readAllBytes();
        } catch (IOException reset) {
            return new byte[0];
        }
    }
}
