package io.github.devpayls.ls.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.devpayls.ls.contract.LicenseServiceFacts;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

/** The shipped WSDL carries the decided names and binds all six operations document/literal. */
class ContractWsdlTest {

    private static final List<String> OPERATIONS = List.of(
            "ActivateDesktopProduct", "ActivateHostedProduct", "RefreshUserToken",
            "VerifyProductSubscriptionByTokens", "VerifyProductSubscriptionByPid", "GetActiveSubscriptionsByPid");

    private static Document wsdl;
    private static XPath xpath;

    @BeforeAll
    static void parseShippedWsdl() throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        try (InputStream in = ContractWsdlTest.class.getClassLoader()
                .getResourceAsStream(LicenseServiceFacts.WSDL_CLASSPATH_LOCATION)) {
            assertThat(in).as("the WSDL ships in the jar").isNotNull();
            wsdl = factory.newDocumentBuilder().parse(in);
        }
        xpath = XPathFactory.newInstance().newXPath();
    }

    private static String eval(String expression) throws Exception {
        return xpath.evaluate(expression, wsdl);
    }

    private static List<String> values(String expression) throws Exception {
        NodeList nodes = (NodeList) xpath.evaluate(expression, wsdl, XPathConstants.NODESET);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            out.add(nodes.item(i).getNodeValue());
        }
        return out;
    }

    @Test
    void wsdl_declaresTheDecidedServicePortTypeBindingAndPortNames() throws Exception {
        assertThat(eval("/*/@targetNamespace")).isEqualTo(LicenseServiceFacts.NAMESPACE);
        assertThat(eval("/*/*[local-name()='service']/@name")).isEqualTo(LicenseServiceFacts.SERVICE_NAME);
        assertThat(eval("/*/*[local-name()='portType']/@name")).isEqualTo(LicenseServiceFacts.PORT_TYPE_NAME);
        assertThat(eval("/*/*[local-name()='binding']/@name")).isEqualTo(LicenseServiceFacts.BINDING_NAME);
        assertThat(eval("/*/*[local-name()='service']/*[local-name()='port']/@name"))
                .isEqualTo(LicenseServiceFacts.PORT_NAME);
        assertThat(eval("//*[local-name()='port']/*[local-name()='address']/@location"))
                .isEqualTo(LicenseServiceFacts.DEFAULT_ENDPOINT);
    }

    @Test
    void portType_declaresAllSixOperations_andNoFaults() throws Exception {
        assertThat(values("/*/*[local-name()='portType']/*[local-name()='operation']/@name"))
                .containsExactlyInAnyOrderElementsOf(OPERATIONS);
        assertThat(values("//*[local-name()='fault']/@name")).isEmpty();
    }

    @Test
    void portType_documentsEveryOperation() throws Exception {
        for (String op : OPERATIONS) {
            assertThat(eval("normalize-space(/*/*[local-name()='portType']/*[local-name()='operation'][@name='"
                    + op + "']/*[local-name()='documentation'])")).as(op).isNotBlank();
        }
    }

    @Test
    void binding_isSoap11DocumentLiteral_withSoapActionEqualToOperationName() throws Exception {
        assertThat(eval("/*/*[local-name()='binding']/*[local-name()='binding']/@style")).isEqualTo("document");
        assertThat(eval("namespace-uri(/*/*[local-name()='binding']/*[local-name()='binding'])"))
                .isEqualTo("http://schemas.xmlsoap.org/wsdl/soap/");
        for (String op : OPERATIONS) {
            String base = "/*/*[local-name()='binding']/*[local-name()='operation'][@name='" + op + "']";
            assertThat(eval(base + "/*[local-name()='operation']/@soapAction")).as(op).isEqualTo(op);
            assertThat(values(base + "//*[local-name()='body']/@use")).as(op).containsExactly("literal", "literal");
        }
    }

    @Test
    void messages_haveOnePartNamedBody_referencingTheOperationElements() throws Exception {
        for (String op : OPERATIONS) {
            assertThat(eval("/*/*[local-name()='message'][@name='" + op + "Request']/*[local-name()='part']/@name"))
                    .as(op).isEqualTo("body");
            assertThat(eval("/*/*[local-name()='message'][@name='" + op + "Request']/*[local-name()='part']/@element"))
                    .as(op).isEqualTo("tns:" + op);
            assertThat(eval("/*/*[local-name()='message'][@name='" + op + "Response']/*[local-name()='part']/@element"))
                    .as(op).isEqualTo("tns:" + op + "Response");
        }
    }

    @Test
    void types_importTheXsdByRelativeLocation() throws Exception {
        assertThat(eval("//*[local-name()='import']/@schemaLocation")).isEqualTo("../xsd/AmazonLS.xsd");
    }
}
