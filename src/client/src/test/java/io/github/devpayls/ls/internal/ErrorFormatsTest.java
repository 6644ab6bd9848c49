package io.github.devpayls.ls.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.devpayls.ls.ActivationResult;
import io.github.devpayls.ls.RetryPolicy;
import io.github.devpayls.ls.ServiceError;
import io.github.devpayls.ls.ServiceErrorCode;
import io.github.devpayls.ls.ServiceUnavailableException;
import io.github.devpayls.ls.contract.AwsSoapFault;
import io.github.devpayls.ls.contract.ErrorCode;
import io.github.devpayls.ls.contract.LicenseServiceFacts;
import io.github.devpayls.ls.contract.generated.ErrorResponse;
import io.github.devpayls.ls.ScriptedPeer;
import io.github.devpayls.ls.ScriptedPeer.Reply;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every documented error code, in every error format a peer may send, becomes the same
 * {@link ServiceError} as its SOAP 1.1 twin: over real HTTP on loopback, the SOAP formats through
 * the whole CXF client, the REST-Query body through {@link RestAnswers} and the one translator.
 */
class ErrorFormatsTest {

    static final String REQUEST_ID = "0c8e5f3a-6b1d-4f2e-9a7c-5e4d3b2a1f09";
    static final String MESSAGE = "The service's own words";
    static final String SOAP12 = "http://www.w3.org/2003/05/soap-envelope";

    static ScriptedPeer peer;
    static CxfLicenseServiceClient client;
    static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws Exception {
        peer = ScriptedPeer.http();
        client = new CxfWiringTest().client(peer, RetryPolicy.none());
    }

    @AfterAll
    static void stop() throws Exception {
        client.close();
        peer.close();
    }

    static ServiceError soapAnswer(Reply reply) {
        peer.then(reply);
        try {
            ActivationResult result = client.activateDesktopProduct(CxfWiringTest.KEY, CxfWiringTest.TOKEN);
            assertThat(result).isInstanceOf(ActivationResult.Rejected.class);
            return ((ActivationResult.Rejected) result).error();
        } catch (ServiceUnavailableException unavailable) {
            assertThat(unavailable.lastError()).isPresent();
            return unavailable.lastError().get();
        }
    }

    static String soap11Twin(ErrorCode code) {
        return AwsSoapFault.envelope(code, MESSAGE, REQUEST_ID);
    }

    static String soap12(ErrorCode code, boolean prefixedSubcode) {
        String subcode = prefixedSubcode ? code.soapFaultCode() : code.wireName();
        return "<env:Envelope xmlns:env=\"" + SOAP12 + "\" xmlns:aws=\"" + LicenseServiceFacts.AWS_FAULT_NAMESPACE + "\">"
                + "<env:Body><env:Fault><env:Code><env:Value>env:" + code.type().restName() + "</env:Value>"
                + "<env:Subcode><env:Value>aws:" + subcode + "</env:Value></env:Subcode></env:Code>"
                + "<env:Reason><env:Text xml:lang=\"en\">" + MESSAGE + "</env:Text></env:Reason>"
                + "<env:Detail><aws:RequestId>" + REQUEST_ID + "</aws:RequestId></env:Detail>"
                + "</env:Fault></env:Body></env:Envelope>";
    }

    static String undeclaredPrefix(ErrorCode code) {
        return "<soap:Envelope xmlns:soap=\"" + LicenseServiceFacts.SOAP11_ENVELOPE_NAMESPACE + "\"><soap:Body>"
                + "<soap:Fault><faultcode>aws:" + code.soapFaultCode() + "</faultcode><faultstring>" + MESSAGE
                + "</faultstring><detail><aws:RequestId>" + REQUEST_ID + "</aws:RequestId></detail></soap:Fault>"
                + "</soap:Body></soap:Envelope>";
    }

    static String errorResponse(ErrorCode code, String... moreCodes) {
        StringBuilder errors = new StringBuilder("<Error><Type>" + code.type().restName() + "</Type><Code>"
                + code.wireName() + "</Code><Message>" + MESSAGE + "</Message></Error>");
        for (String more : moreCodes) {
            errors.append("<Error><Type>Sender</Type><Code>").append(more).append("</Code><Message>also</Message></Error>");
        }
        return "<?xml version=\"1.0\"?>\n<ErrorResponse xmlns=\"" + LicenseServiceFacts.NAMESPACE + "\">" + errors
                + "<RequestId>" + REQUEST_ID + "</RequestId></ErrorResponse>";
    }

    static ServiceError restAnswer(ErrorCode code, int status) throws Exception {
        peer.then(Reply.xml(status, errorResponse(code)));
        HttpResponse<InputStream> response = HTTP.send(HttpRequest.newBuilder(peer.endpoint())
                .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofInputStream());
        assertThat(response.statusCode()).isEqualTo(status);
        try (InputStream body = response.body()) {
            return FaultTranslator.fromErrorResponse(RestAnswers.read(body, ErrorResponse.class), List.of());
        }
    }

    @ParameterizedTest
    @EnumSource(ErrorCode.class)
    void everyFormat_givesTheSameServiceErrorAsTheSoap11Fault(ErrorCode code) throws Exception {
        ServiceError twin = soapAnswer(Reply.xml(code.soapHttpStatus(), soap11Twin(code)));
        assertThat(twin.code()).isEqualTo(ServiceErrorCode.fromWireName(code.wireName())).isNotEqualTo(ServiceErrorCode.UNKNOWN);
        assertThat(twin.rawCode()).isEqualTo(code.soapFaultCode());
        assertThat(twin.message()).isEqualTo(MESSAGE);
        assertThat(twin.requestId()).hasValueSatisfying(id -> assertThat(id.value()).isEqualTo(REQUEST_ID));

        Reply soap12Bare = new Reply(code.type() == io.github.devpayls.ls.contract.ErrorType.SENDER ? 400 : 500,
                "application/soap+xml; charset=UTF-8", soap12(code, false), List.of());
        assertThat(soapAnswer(soap12Bare)).as("SOAP 1.2, bare subcode").isEqualTo(twin);
        assertThat(soapAnswer(Reply.xml(500, soap12(code, true)))).as("SOAP 1.2, prefixed subcode").isEqualTo(twin);
        assertThat(soapAnswer(Reply.xml(code.soapHttpStatus(), undeclaredPrefix(code)))).as("undeclared aws: prefix")
                .isEqualTo(twin);
        assertThat(soapAnswer(Reply.xml(code.restHttpStatus(), errorResponse(code)))).as("ErrorResponse over the SOAP path")
                .isEqualTo(twin);
        for (int status : new int[] {code.restHttpStatus(), 400, 403, 500, 503}) {
            assertThat(restAnswer(code, status)).as("REST-Query ErrorResponse with HTTP %d", status).isEqualTo(twin);
        }
    }

    @Test
    void errorResponseWithSeveralErrors_firstDecidesAndAllAreKept() {
        ServiceError error = soapAnswer(Reply.xml(400, errorResponse(ErrorCode.INVALID_ACTIVATION_KEY,
                "InvalidProductToken", "SomethingNew")));

        assertThat(error.code()).isEqualTo(ServiceErrorCode.INVALID_ACTIVATION_KEY);
        assertThat(error.alsoReported()).extracting(ServiceError::code)
                .containsExactly(ServiceErrorCode.INVALID_PRODUCT_TOKEN, ServiceErrorCode.UNKNOWN);
        assertThat(error.alsoReported()).extracting(ServiceError::rawCode)
                .containsExactly("Client.InvalidProductToken", "Client.SomethingNew");
    }

    @Test
    void soap12Fault_whoseMessageEchoesTheKey_isMasked() {
        String body = soap12(ErrorCode.INVALID_ACTIVATION_KEY, false).replace(MESSAGE, "Key " + CxfWiringTest.KEY_TEXT + " is bad");

        ServiceError error = soapAnswer(Reply.xml(400, body));

        assertThat(error.message()).isEqualTo("Key **** is bad");
    }

    @Test
    void nonSoapErrorPage_isStillAProtocolFailure() {
        peer.then(new Reply(400, "text/html", "<html><body>Bad Request</body></html>", List.of()));

        Throwable thrown = catchThrowableOfType(() -> client.activateDesktopProduct(CxfWiringTest.KEY, CxfWiringTest.TOKEN),
                io.github.devpayls.ls.ProtocolFailureException.class);

        assertThat(thrown).isNotNull().hasMessageContaining("HTTP 400");
    }
}
