package io.github.devpayls.ls.soapui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.opentest4j.AssertionFailedError;

class SoapUiRunnerTest {

    private static final Path FIXTURE = Path.of("src/test/resources/soapui/runner-fixture-soapui-project.xml");

    private CannedLicenseService service;
    private SoapUiRunner runner;

    @BeforeEach
    void start() throws IOException {
        service = new CannedLicenseService();
        runner = SoapUiRunner.forProject(FIXTURE)
                .projectProperty("endpoint", service.endpoint().toString())
                .projectProperty("activationKey", "GOODKEY")
                .build();
    }

    @AfterEach
    void stop() {
        service.close();
    }

    @Test
    void testSuites_areContainersNamedAfterSuitesHoldingTestsNamedAfterSuiteAndCase() {
        List<String> names = new ArrayList<>();
        runner.testSuites().forEach(node -> names.add(describe(node)));

        assertThat(names).containsExactly(
                "Conforming[Conforming / success, Conforming / fault, Conforming / chained steps]",
                "Broken[Broken / wrong fault code, Broken / schema violation, Broken / too slow]",
                "Unsupported[Unsupported / unknown assertion type, Unsupported / groovy step, "
                        + "Unsupported / undeclared operation, Unsupported / disabled step, Unsupported / undefined property]");
    }

    @Test
    void conformingCases_whenTheServiceAnswersAsExpected_pass() throws Throwable {
        for (DynamicTest test : testsOf("Conforming")) {
            test.getExecutable().execute();
        }

        assertThat(service.received()).hasSize(4);
    }

    @Test
    void requestStep_sendsTheExpandedBodyWithSoapActionAndXmlContentType() {
        runner.run("Conforming", "success");

        CannedLicenseService.Received request = service.received().get(0);
        assertThat(request.soapAction()).isEqualTo("\"ActivateDesktopProduct\"");
        assertThat(request.contentType()).isEqualTo("text/xml;charset=UTF-8");
        assertThat(request.body())
                .contains("<ls:ActivationKey>GOODKEY</ls:ActivationKey>")
                .contains("<ls:ProductToken>{ProductToken}AAAA</ls:ProductToken>");
    }

    @Test
    void laterStep_readsAnEarlierStepsResponseThroughPropertyExpansion() {
        runner.run("Conforming", "chained steps");

        assertThat(service.received().get(1).body())
                .contains("<ls:PersistentIdentifier>AKIAFIXTURE000000001</ls:PersistentIdentifier>");
    }

    @Test
    void failingXPathMatch_failsTheTestNamingSuiteCaseStepAndAssertion() {
        DynamicTest test = testsOf("Broken").get(0);

        assertThatThrownBy(() -> test.getExecutable().execute())
                .isInstanceOf(AssertionFailedError.class)
                .hasMessageContaining("SoapUI suite 'Broken', case 'wrong fault code', step 'activate with a bad key' (HTTP 500) failed")
                .hasMessageContaining("assertion 'faultcode' (XPath Match): XPath [//soapenv:Fault/faultcode] "
                        + "expected 'aws:Client.ExpiredActivationKey' but found 'aws:Client.InvalidActivationKey'");
    }

    @Test
    void responseMissingAnElement_failsSchemaComplianceAndNeverShowsSecrets() {
        assertThatThrownBy(() -> runner.run("Broken", "schema violation"))
                .isInstanceOf(AssertionFailedError.class)
                .hasMessageContaining("assertion 'Schema Compliance' (Schema Compliance): the response is not schema-valid")
                .hasMessageContaining("SecretAccessKey")
                .hasMessageContaining("assertion 'UserToken' (XPath Match): XPath [//ls:UserToken] expected "
                        + "'{UserToken}expected' but found (masked, 411 characters)")
                .hasMessageContaining("<ls:UserToken>****</ls:UserToken>")
                .hasMessageNotContaining(CannedLicenseService.USER_TOKEN)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("assertion 'SOAP Response'"));
    }

    @Test
    void everyAssertionOfAFailedStep_isReported() {
        assertThatThrownBy(() -> runner.run("Broken", "too slow"))
                .hasMessageContaining("assertion 'no time at all' (Response SLA Assertion): the response took")
                .hasMessageContaining("assertion 'HTTP 201' (Valid HTTP Status Codes): HTTP status 200 is not in the list 201,202");
    }

    @Test
    void unknownAssertionType_failsByName() {
        assertThatThrownBy(() -> runner.run("Unsupported", "unknown assertion type"))
                .isInstanceOf(SoapUiProjectException.class)
                .hasMessageContaining("suite 'Unsupported', case 'unknown assertion type', step 'activate'")
                .hasMessageContaining("assertion 'script check' has type 'GroovyScriptAssertion', which the runner does not implement");
    }

    @Test
    void arbitraryGroovyStep_failsByName_theRunnerRunsOnlyTheSigningScript() {
        assertThatThrownBy(() -> runner.run("Unsupported", "groovy step"))
                .isInstanceOf(SoapUiProjectException.class)
                .hasMessageContaining("step 'compute': the Groovy step is not the REST-Query signing script")
                .hasMessageContaining("not arbitrary Groovy");
        assertThat(service.received()).isEmpty();
    }

    @Test
    void undeclaredOperation_failsInsteadOfBeingSilentlyDisabled() {
        assertThatThrownBy(() -> runner.run("Unsupported", "undeclared operation"))
                .isInstanceOf(SoapUiProjectException.class)
                .hasMessageContaining("step 'refresh': the step calls operation 'RefreshUserToken', which interface "
                        + "'AmazonLSBinding' does not declare");
    }

    @Test
    void disabledStep_failsInsteadOfBeingSkipped() {
        assertThatThrownBy(() -> runner.run("Unsupported", "disabled step"))
                .isInstanceOf(SoapUiProjectException.class)
                .hasMessageContaining("step 'activate later': the step is disabled");
    }

    @Test
    void undefinedProperty_failsByName() {
        assertThatThrownBy(() -> runner.run("Unsupported", "undefined property"))
                .isInstanceOf(SoapUiProjectException.class)
                .hasMessageContaining("${#Project#activationKee}: no such property in the Project scope");
    }

    @Test
    void overridingAPropertyTheProjectDoesNotDeclare_isRefused() {
        SoapUiRunner.Builder builder = SoapUiRunner.forProject(FIXTURE).projectProperty("endpont", "http://x/");

        assertThatThrownBy(builder::build)
                .isInstanceOf(SoapUiProjectException.class)
                .hasMessageContaining("cannot override project property 'endpont'");
    }

    private List<DynamicTest> testsOf(String suiteName) {
        DynamicContainer suite = runner.testSuites().map(DynamicContainer.class::cast)
                .filter(c -> c.getDisplayName().equals(suiteName)).findFirst().orElseThrow();
        return suite.getChildren().map(DynamicTest.class::cast).toList();
    }

    private static String describe(DynamicNode node) {
        Stream<? extends DynamicNode> children = ((DynamicContainer) node).getChildren();
        return node.getDisplayName() + children.map(DynamicNode::getDisplayName).toList();
    }
}
