package io.github.devpayls.ls.soapui;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.devpayls.ls.contract.ErrorType;
import io.github.devpayls.ls.contract.LicenseServiceFacts;
import io.github.devpayls.ls.soapui.SoapUiProject.Assertion;
import io.github.devpayls.ls.soapui.SoapUiProject.MockOperation;
import io.github.devpayls.ls.soapui.SoapUiProject.MockResponse;
import io.github.devpayls.ls.soapui.SoapUiProject.MockService;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.xml.namespace.QName;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * The MockService's canned ActivateDesktopProduct responses are what the contract allows: each is a
 * SOAP 1.1 envelope valid against the envelope schema and xsd/AmazonLS.xsd; successes carry the
 * operation's response element with HTTP 200, faults carry an aws: fault code and the request id with
 * HTTP 500; and the XPath dispatch finds a response for each documented fault code.
 */
class AmazonLsMockServiceTest {

    private static final String OPERATION = "ActivateDesktopProduct";
    private static final List<String> DOCUMENTED_FAULTS = List.of("ExpiredActivationKey", "IncorrectActivationKey",
            "InvalidActivationKey", "InvalidProductToken");

    private final SoapUiProject project = SoapUiProjectReader.read(AmazonLsSoapUiProject.FILE);
    private final MockOperation mock = mockOperation();

    @Test
    void mockOperation_mocksADeclaredOperationAndDefaultsToAResponseItHas() {
        assertThat(project.findInterface(mock.interfaceName()).orElseThrow().operations()).containsKey(OPERATION);
        assertThat(mock.responses()).extracting(MockResponse::name).contains(mock.defaultResponse());
        assertThat(response(mock.defaultResponse()).httpStatus()).isEqualTo(200);
    }

    @Test
    void everyResponse_isASchemaValidSoapEnvelope() {
        for (MockResponse response : mock.responses()) {
            assertThat(check("SOAP Response", response)).as(response.name()).isEmpty();
            assertThat(check("Schema Compliance", response)).as(response.name()).isEmpty();
        }
    }

    @Test
    void successResponse_carriesTheOperationsResponseElementWithHttp200() throws Exception {
        MockResponse success = response(mock.defaultResponse());

        assertThat(check("SOAP Fault Assertion", success)).as("Not SOAP Fault").isEmpty();
        Element payload = XmlDocuments.children(body(XmlDocuments.parse(success.content()))).get(0);
        assertThat(new QName(payload.getNamespaceURI(), payload.getLocalName()))
                .isEqualTo(new QName(LicenseServiceFacts.NAMESPACE, OPERATION + "Response"));
    }

    @Test
    void eachDocumentedFault_hasAResponseNamedAfterItsCode_sentWithHttp500() throws Exception {
        for (String code : DOCUMENTED_FAULTS) {
            MockResponse fault = response(code);
            assertThat(fault.httpStatus()).as(code).isEqualTo(LicenseServiceFacts.SOAP_FAULT_HTTP_STATUS);
            assertThat(check("Not SOAP Fault Assertion", fault)).as(code + " is a SOAP Fault").isEmpty();

            Element faultElement = XmlDocuments.children(body(XmlDocuments.parse(fault.content()))).get(0);
            Element faultcode = XmlDocuments.child(faultElement, null, "faultcode").orElseThrow();
            String[] prefixAndCode = faultcode.getTextContent().trim().split(":", 2);
            assertThat(faultcode.lookupNamespaceURI(prefixAndCode[0])).isEqualTo(LicenseServiceFacts.AWS_FAULT_NAMESPACE);
            assertThat(prefixAndCode[1]).isEqualTo(ErrorType.SENDER.soapFaultPrefix() + code);

            Element detail = XmlDocuments.child(faultElement, null, "detail").orElseThrow();
            Element requestId = XmlDocuments.child(detail, LicenseServiceFacts.AWS_FAULT_NAMESPACE,
                    LicenseServiceFacts.FAULT_DETAIL_REQUEST_ID).orElseThrow();
            assertThat(requestId.getTextContent()).hasSize(LicenseServiceFacts.REQUEST_ID_LENGTH);
        }
    }

    @Test
    void everyNonDefaultResponse_isAFaultWithHttp500() {
        mock.responses().stream().filter(r -> !r.name().equals(mock.defaultResponse())).forEach(r -> {
            assertThat(r.httpStatus()).as(r.name()).isEqualTo(LicenseServiceFacts.SOAP_FAULT_HTTP_STATUS);
            assertThat(check("Not SOAP Fault Assertion", r)).as(r.name()).isEmpty();
        });
    }

    @Test
    void dispatch_choosesTheResponseByActivationKey() {
        assertThat(mock.dispatchStyle()).isEqualTo("XPATH");
    }

    private Optional<String> check(String assertionType, MockResponse response) {
        StepResult asIfReceived = new StepResult("", response.httpStatus(), "text/xml;charset=UTF-8",
                response.content(), Duration.ZERO);
        PropertyExpander noProperties = new PropertyExpander(new PropertyExpander.Scope(Map.of(), Map.of(), Map.of(),
                project.projectDir(), Map.of()));
        Path wsdl = project.wsdlPath(project.findInterface(mock.interfaceName()).orElseThrow());
        return SoapUiAssertions.check(new Assertion(assertionType, assertionType, false, Map.of()), asIfReceived,
                new SoapUiAssertions.Context(noProperties, mock.operationName(), wsdl));
    }

    private MockOperation mockOperation() {
        MockService service = project.mockServices().stream()
                .filter(s -> s.name().equals(AmazonLsSoapUiProject.MOCK_SERVICE)).findFirst().orElseThrow();
        return service.operations().stream().filter(o -> o.operationName().equals(OPERATION)).findFirst()
                .orElseThrow();
    }

    private MockResponse response(String name) {
        return mock.responses().stream().filter(r -> r.name().equals(name)).findFirst().orElseThrow();
    }

    private static Element body(Document envelope) {
        return XmlDocuments.child(envelope.getDocumentElement(), ContractSchema.SOAP11_ENVELOPE_NS, "Body")
                .orElseThrow();
    }
}
