package io.github.devpayls.ls.soapui;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.devpayls.ls.contract.LicenseServiceFacts;
import io.github.devpayls.ls.soapui.SoapUiProject.Assertion;
import io.github.devpayls.ls.soapui.SoapUiProject.RequestStep;
import io.github.devpayls.ls.soapui.SoapUiProject.TestCase;
import io.github.devpayls.ls.soapui.SoapUiProject.TestStep;
import io.github.devpayls.ls.soapui.SoapUiProject.WsdlInterface;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

/** The SoapUI project file itself: interface, operations, coverage and properties, checked without a server. */
class AmazonLsSoapUiProjectTest {

    private static final Set<String> OPERATIONS = Set.of("ActivateDesktopProduct", "ActivateHostedProduct",
            "RefreshUserToken", "VerifyProductSubscriptionByTokens", "VerifyProductSubscriptionByPid",
            "GetActiveSubscriptionsByPid");

    private final SoapUiProject project = SoapUiProjectReader.read(AmazonLsSoapUiProject.FILE);

    @Test
    void interface_loadsTheRepositoryWsdlByRelativePath_notACopy() throws Exception {
        WsdlInterface wsdlInterface = onlyInterface();

        assertThat(wsdlInterface.definition()).doesNotContain(":").startsWith("../");
        assertThat(project.resourceRoot()).isEqualTo("${projectDir}");
        assertThat(Files.isSameFile(project.wsdlPath(wsdlInterface), AmazonLsSoapUiProject.WSDL)).isTrue();
        assertThat(wsdlInterface.bindingName())
                .isEqualTo("{" + LicenseServiceFacts.NAMESPACE + "}" + LicenseServiceFacts.BINDING_NAME);
        assertThat(wsdlInterface.soapVersion()).isEqualTo("1_1");
    }

    @Test
    void interface_declaresAllSixOperationsWithTheWsdlsSoapActions() throws Exception {
        Map<String, String> wsdlActions = new HashMap<>();
        Element definitions = XmlDocuments.parse(AmazonLsSoapUiProject.WSDL).getDocumentElement();
        for (Element binding : XmlDocuments.children(definitions, ContractSchema.WSDL_NS, "binding")) {
            for (Element operation : XmlDocuments.children(binding, ContractSchema.WSDL_NS, "operation")) {
                Element soapOperation = XmlDocuments.child(operation, "http://schemas.xmlsoap.org/wsdl/soap/",
                        "operation").orElseThrow();
                wsdlActions.put(operation.getAttribute("name"), soapOperation.getAttribute("soapAction"));
            }
        }

        Map<String, String> declared = new HashMap<>();
        onlyInterface().operations().values().forEach(op -> declared.put(op.name(), op.action()));
        assertThat(declared).isEqualTo(wsdlActions);
        assertThat(declared.keySet()).isEqualTo(OPERATIONS);
    }

    @Test
    void everyOperation_hasASuccessCaseAndAnErrorCase() {
        Set<String> succeeding = new HashSet<>();
        Set<String> failing = new HashSet<>();
        requestSteps().forEach(step -> {
            List<String> types = step.assertions().stream().map(Assertion::type).toList();
            if (types.contains("SOAP Fault Assertion") && types.contains("Schema Compliance")) {
                succeeding.add(step.operationName());
            }
            if (types.contains("Not SOAP Fault Assertion")) {
                failing.add(step.operationName());
            }
        });

        assertThat(succeeding).isEqualTo(OPERATIONS);
        assertThat(failing).isEqualTo(OPERATIONS);
    }

    @Test
    void activateDesktopProductSuite_coversTheDocumentedFaultsAndMissingParameter() {
        Set<String> faultCodes = new HashSet<>();
        requestSteps().filter(step -> step.operationName().equals("ActivateDesktopProduct"))
                .flatMap(step -> step.assertions().stream())
                .filter(a -> a.type().equals("XPath Match") && a.name().equals("faultcode"))
                .forEach(a -> faultCodes.add(a.config("content", "").replaceAll(".*}", "")));

        assertThat(faultCodes).contains("Client.ExpiredActivationKey", "Client.IncorrectActivationKey",
                "Client.InvalidActivationKey", "Client.InvalidProductToken", "Client.MissingParameter");
    }

    @Test
    void everyAssertion_isOfATypeTheRunnerImplements() {
        Set<String> used = new HashSet<>();
        requestSteps().forEach(step -> step.assertions().forEach(a -> used.add(a.type())));
        restSteps().forEach(step -> step.assertions().forEach(a -> used.add(a.type())));

        assertThat(SoapUiAssertions.supportedTypes()).containsAll(used);
    }

    @Test
    void endpointAndFixtures_areProjectProperties() {
        assertThat(project.properties()).containsKeys("endpoint", "productCode", "productToken", "activationKey",
                "expiredActivationKey", "incorrectActivationKey", "invalidActivationKey", "unknownProductToken");
        requestSteps().forEach(step -> assertThat(step.endpoint()).isEqualTo("${#Project#endpoint}"));
    }

    @Test
    void restService_declaresBothSignedCallsAsGetMethodsOfTheRootResource() {
        assertThat(project.restServices()).hasSize(1);
        SoapUiProject.RestResource root = project.restServices().get(0).resource("/").orElseThrow();

        assertThat(root.methods()).extracting(SoapUiProject.RestMethod::name)
                .containsExactly("VerifyProductSubscriptionByTokens", "RefreshUserToken");
        root.methods().forEach(method -> {
            assertThat(method.verb()).isEqualTo("GET");
            // SoapUI sends a parameter's default, never its value: the fixed ones need a default.
            assertThat(method.parameters()).filteredOn(p -> p.name().equals("Action")).singleElement()
                    .satisfies(p -> assertThat(p.defaultValue()).contains(method.name()));
        });
    }

    @Test
    void restSuite_coversSubscribedPendingBadSignatureAndMissingParameter_forBothCalls() {
        Map<String, Set<String>> outcomesByMethod = new HashMap<>();
        restSteps().forEach(step -> step.assertions().stream()
                .filter(a -> a.type().equals("XPath Match") && (a.name().equals("Subscribed") || a.name().equals("Error code")
                        || a.name().equals("new UserToken")))
                .forEach(a -> outcomesByMethod.computeIfAbsent(step.methodName(), m -> new HashSet<>())
                        .add(a.name() + "=" + a.config("content", ""))));

        assertThat(outcomesByMethod.get("VerifyProductSubscriptionByTokens")).containsExactlyInAnyOrder(
                "Subscribed=true", "Subscribed=false", "Error code=SignatureDoesNotMatch", "Error code=MissingParameter");
        assertThat(outcomesByMethod.get("RefreshUserToken")).containsExactlyInAnyOrder(
                "new UserToken=true", "Error code=SignatureDoesNotMatch", "Error code=MissingParameter");
    }

    @Test
    void everyGroovyStep_isTheSigningScriptTheRunnerKnows_andEveryRestStepIsSignedFirst() {
        project.testSuites().stream().flatMap(suite -> suite.testCases().stream()).forEach(testCase -> {
            List<TestStep> steps = testCase.testSteps();
            for (int i = 0; i < steps.size(); i++) {
                TestStep step = steps.get(i);
                step.script().ifPresent(script -> assertThat(RestQuerySigningScript.isThisScript(script))
                        .as(testCase.name() + " / " + step.name()).isTrue());
                if (step.restRequest().isPresent()) {
                    assertThat(steps.subList(0, i)).as(testCase.name()).anyMatch(s -> s.script().isPresent());
                }
            }
        });
    }

    @Test
    void mockService_bindsToItsHostOnly() {
        assertThat(project.mockServices()).allSatisfy(mock -> {
            assertThat(mock.bindToHostOnly()).as(mock.name()).isTrue();
            assertThat(mock.host()).isIn("localhost", "127.0.0.1");
        });
    }

    private Stream<SoapUiProject.RestRequestStep> restSteps() {
        return project.testSuites().stream().flatMap(s -> s.testCases().stream())
                .map(TestCase::testSteps).flatMap(List::stream)
                .map(TestStep::restRequest).flatMap(Optional::stream);
    }

    private WsdlInterface onlyInterface() {
        assertThat(project.interfaces()).hasSize(1);
        return project.interfaces().get(0);
    }

    private Stream<RequestStep> requestSteps() {
        return project.testSuites().stream().flatMap(s -> s.testCases().stream())
                .map(TestCase::testSteps).flatMap(List::stream)
                .map(TestStep::request).flatMap(Optional::stream);
    }
}
