package io.github.devpayls.ls.soapui;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.devpayls.ls.soapui.SoapUiProject.Assertion;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** SoapUI's semantics for each assertion type, on hand-written responses. */
class SoapUiAssertionsTest {

    private static final String ENV = "http://schemas.xmlsoap.org/soap/envelope/";
    private static final String LS = "http://ls.amazonaws.com/doc/2008-04-28/";
    private static final String SUCCESS = "<s:Envelope xmlns:s='" + ENV + "' xmlns:ls='" + LS + "'><s:Body>"
            + "<ls:GetActiveSubscriptionsByPidResponse><ls:GetActiveSubscriptionsByPidResult>"
            + "<ls:ProductCode>P1</ls:ProductCode><ls:ProductCode>P2</ls:ProductCode>"
            + "</ls:GetActiveSubscriptionsByPidResult><ls:ResponseMetadata><ls:RequestId>r-1</ls:RequestId>"
            + "</ls:ResponseMetadata></ls:GetActiveSubscriptionsByPidResponse></s:Body></s:Envelope>";
    private static final String FAULT = "<s:Envelope xmlns:s='" + ENV + "'><s:Body><s:Fault"
            + " xmlns:aws='http://webservices.amazon.com/AWSFault/2005-15-09'><faultcode>aws:Client.MissingParameter"
            + "</faultcode><faultstring>missing</faultstring></s:Fault></s:Body></s:Envelope>";

    @Test
    void faultTypeIds_areSwappedAgainstTheirLabels() {
        assertThat(check("Not SOAP Fault Assertion", Map.of(), FAULT)).as("SOAP Fault on a fault").isEmpty();
        assertThat(check("Not SOAP Fault Assertion", Map.of(), SUCCESS)).contains("Response is not a SOAP Fault");
        assertThat(check("SOAP Fault Assertion", Map.of(), SUCCESS)).as("Not SOAP Fault on a success").isEmpty();
        assertThat(check("SOAP Fault Assertion", Map.of(), FAULT))
                .contains("Response is a SOAP Fault: aws:Client.MissingParameter (missing)");
    }

    @Test
    void schemaCompliance_acceptsTheOperationsResponse_andRejectsAnotherOperationsResponse() {
        assertThat(check("Schema Compliance", Map.of(), SUCCESS)).isEmpty();
        assertThat(checkAs("RefreshUserToken", "Schema Compliance", SUCCESS)).get().asString()
                .contains("operation RefreshUserToken answers with {" + LS + "}RefreshUserTokenResponse");
    }

    @Test
    void schemaCompliance_onAFault_checksTheFaultStructure() {
        assertThat(check("Schema Compliance", Map.of(), FAULT)).isEmpty();
        assertThat(check("Schema Compliance", Map.of(), FAULT.replace("<faultstring>missing</faultstring>", "")))
                .get().asString().contains("faultstring");
        assertThat(check("Schema Compliance", Map.of(), FAULT.replace("aws:Client", "undeclared:Client")))
                .get().asString().contains("not schema-valid");
    }

    @Test
    void soapResponse_refusesNonXmlAndForeignRoots() {
        assertThat(check("SOAP Response", Map.of(), "<html>oops</html>")).get().asString()
                .contains("not a SOAP 1.1 envelope");
        assertThat(check("SOAP Response", Map.of(), "not xml")).get().asString().contains("not XML");
        assertThat(check("SOAP Response", Map.of(), SUCCESS)).isEmpty();
    }

    @Test
    void xpathMatch_passesWhenAnySelectedNodeMatches() {
        assertThat(xpath("//ls:ProductCode", "P2", false)).isEmpty();
        assertThat(xpath("//ls:ProductCode", "P3", false)).get().asString()
                .contains("expected 'P3' but found 'P1', 'P2'");
    }

    @Test
    void xpathMatch_comparesSimpleValuesAsStrings_andSupportsWildcards() {
        assertThat(xpath("count(//ls:ProductCode)", "2", false)).isEmpty();
        assertThat(xpath("exists(//ls:RequestId)", "true", false)).isEmpty();
        assertThat(xpath("//ls:RequestId", "r-*", true)).isEmpty();
        assertThat(xpath("//ls:RequestId", "r-*", false)).isPresent();
    }

    @Test
    void xpathMatch_failsWhenNothingIsSelected() {
        assertThat(xpath("//ls:Nothing", "x", false)).get().asString().contains("Missing content for xpath [//ls:Nothing]");
    }

    @Test
    void simpleContains_honoursCaseAndRegexOptions() {
        String crlf = "line one\r\nline two";
        assertThat(check("Simple Contains", Map.of("token", "ONE\nLINE", "ignoreCase", "true"), crlf)).isEmpty();
        assertThat(check("Simple Contains", Map.of("token", "one.*two", "useRegEx", "true"), crlf)).isEmpty();
        assertThat(check("Simple Contains", Map.of("token", "ONE"), crlf)).contains("Missing token [ONE] in the response");
        assertThat(check("Simple NotContains", Map.of("token", "two"), crlf)).contains("The response contains token [two]");
    }

    @Test
    void statusCodes_checkTheCommaList() {
        assertThat(check("Valid HTTP Status Codes", Map.of("codes", "200, 201"), SUCCESS)).isEmpty();
        assertThat(check("Valid HTTP Status Codes", Map.of("codes", "500"), SUCCESS))
                .contains("HTTP status 200 is not in the list 500");
        assertThat(check("Invalid HTTP Status Codes", Map.of("codes", "200"), SUCCESS))
                .contains("HTTP status 200 is in the list 200");
    }

    @Test
    void secretsInAResponse_areMaskedForMessages() {
        String masked = SoapUiAssertions.maskSecrets("<ls:SecretAccessKey a='1'>abc</ls:SecretAccessKey>"
                + "<UserToken>{UserToken}x</UserToken><ls:AWSAccessKeyId>AKIA</ls:AWSAccessKeyId>");

        assertThat(masked).isEqualTo("<ls:SecretAccessKey a='1'>****</ls:SecretAccessKey>"
                + "<UserToken>****</UserToken><ls:AWSAccessKeyId>AKIA</ls:AWSAccessKeyId>");
    }

    private static Optional<String> xpath(String expression, String content, boolean wildcards) {
        return check("XPath Match", Map.of("path", "declare namespace ls='" + LS + "';\n" + expression,
                "content", content, "allowWildcards", Boolean.toString(wildcards)), SUCCESS);
    }

    private static Optional<String> check(String type, Map<String, String> configuration, String body) {
        return checkAs("GetActiveSubscriptionsByPid", type, configuration, body);
    }

    private static Optional<String> checkAs(String operation, String type, String body) {
        return checkAs(operation, type, Map.of(), body);
    }

    private static Optional<String> checkAs(String operation, String type, Map<String, String> configuration,
                                            String body) {
        PropertyExpander none = new PropertyExpander(new PropertyExpander.Scope(Map.of(), Map.of(), Map.of(),
                Path.of("."), Map.of()));
        return SoapUiAssertions.check(new Assertion(type, type, false, configuration),
                new StepResult("", 200, "text/xml", body, Duration.ZERO),
                new SoapUiAssertions.Context(none, operation, AmazonLsSoapUiProject.WSDL));
    }
}
