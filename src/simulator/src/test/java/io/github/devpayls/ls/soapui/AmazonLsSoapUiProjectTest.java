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

        assertThat(SoapUiAssertions.supportedTypes()).containsAll(used);
    }

    @Test
    void endpointAndFixtures_areProjectProperties() {
        assertThat(project.properties()).containsKeys("endpoint", "productCode", "productToken", "activationKey",
                "expiredActivationKey", "incorrectActivationKey", "invalidActivationKey", "unknownProductToken");
        requestSteps().forEach(step -> assertThat(step.endpoint()).isEqualTo("${#Project#endpoint}"));
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
