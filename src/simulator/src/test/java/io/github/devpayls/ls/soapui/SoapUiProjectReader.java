package io.github.devpayls.ls.soapui;

import io.github.devpayls.ls.soapui.SoapUiProject.Assertion;
import io.github.devpayls.ls.soapui.SoapUiProject.MockOperation;
import io.github.devpayls.ls.soapui.SoapUiProject.MockResponse;
import io.github.devpayls.ls.soapui.SoapUiProject.MockService;
import io.github.devpayls.ls.soapui.SoapUiProject.Operation;
import io.github.devpayls.ls.soapui.SoapUiProject.RequestStep;
import io.github.devpayls.ls.soapui.SoapUiProject.TestCase;
import io.github.devpayls.ls.soapui.SoapUiProject.TestStep;
import io.github.devpayls.ls.soapui.SoapUiProject.TestSuite;
import io.github.devpayls.ls.soapui.SoapUiProject.WsdlInterface;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.xml.XMLConstants;
import org.w3c.dom.Element;
import org.xml.sax.SAXException;

/**
 * Reads a SoapUI 5.x project file into a {@link SoapUiProject}. Reading is strict where SoapUI is
 * lenient: a missing required element is an error, and features the runner cannot execute (scripts,
 * non-WSDL interfaces) are recorded so that the affected suite or case fails by name instead of
 * being skipped.
 */
final class SoapUiProjectReader {

    /** SoapUI's config namespace ({@code con:}). */
    static final String CONFIG_NS = "http://eviware.com/soapui/config";

    private SoapUiProjectReader() {
    }

    /** @return the project in {@code file}; {@link SoapUiProjectException} when it is not a readable project */
    static SoapUiProject read(Path file) {
        Element root;
        try {
            root = XmlDocuments.parse(file).getDocumentElement();
        } catch (IOException | SAXException e) {
            throw new SoapUiProjectException("cannot read SoapUI project " + file + ": " + e.getMessage(), e);
        }
        if (!CONFIG_NS.equals(root.getNamespaceURI()) || !"soapui-project".equals(root.getLocalName())) {
            throw new SoapUiProjectException(file + " is not a SoapUI project: its root is " + root.getTagName());
        }
        List<WsdlInterface> interfaces = new ArrayList<>();
        for (Element e : children(root, "interface")) {
            interfaces.add(readInterface(e));
        }
        List<TestSuite> suites = new ArrayList<>();
        for (Element e : children(root, "testSuite")) {
            suites.add(readSuite(e));
        }
        List<MockService> mocks = new ArrayList<>();
        for (Element e : children(root, "mockService")) {
            mocks.add(readMockService(e));
        }
        return new SoapUiProject(root.getAttribute("name"), file, root.getAttribute("resourceRoot"), List.copyOf(interfaces), List.copyOf(suites),
                List.copyOf(mocks), readProperties(root));
    }

    private static WsdlInterface readInterface(Element e) {
        String name = e.getAttribute("name");
        String xsiType = e.getAttributeNS(XMLConstants.W3C_XML_SCHEMA_INSTANCE_NS_URI, "type");
        if (!xsiType.endsWith("WsdlInterface")) {
            throw new SoapUiProjectException("interface '" + name + "' is a " + xsiType
                    + "; the runner executes WSDL (SOAP) interfaces only");
        }
        Map<String, Operation> operations = new LinkedHashMap<>();
        for (Element op : children(e, "operation")) {
            operations.put(op.getAttribute("name"), new Operation(op.getAttribute("name"), op.getAttribute("action")));
        }
        return new WsdlInterface(name, e.getAttribute("definition"), e.getAttribute("bindingName"),
                e.hasAttribute("soapVersion") ? e.getAttribute("soapVersion") : "1_1", Map.copyOf(operations));
    }

    private static TestSuite readSuite(Element e) {
        List<TestCase> cases = new ArrayList<>();
        for (Element c : children(e, "testCase")) {
            cases.add(readCase(c));
        }
        return new TestSuite(e.getAttribute("name"), flag(e, "disabled", false), readProperties(e),
                List.copyOf(cases), scriptsIn(e));
    }

    private static TestCase readCase(Element e) {
        List<TestStep> steps = new ArrayList<>();
        for (Element s : children(e, "testStep")) {
            steps.add(readStep(s));
        }
        List<String> unsupported = new ArrayList<>(scriptsIn(e));
        if (!flag(e, "failTestCaseOnErrors", true)) {
            unsupported.add("failTestCaseOnErrors=\"false\" (a failed step would not fail the case)");
        }
        return new TestCase(e.getAttribute("name"), flag(e, "disabled", false), flag(e, "failOnError", true),
                readProperties(e), List.copyOf(steps), List.copyOf(unsupported));
    }

    private static List<String> scriptsIn(Element e) {
        List<String> scripts = new ArrayList<>();
        for (String script : List.of("setupScript", "tearDownScript")) {
            child(e, script).filter(s -> !s.getTextContent().isBlank())
                    .ifPresent(s -> scripts.add("a " + script + " (Groovy scripts are not run)"));
        }
        return scripts;
    }

    private static TestStep readStep(Element e) {
        String name = e.getAttribute("name");
        String type = e.getAttribute("type");
        Optional<RequestStep> request = Optional.empty();
        if ("request".equals(type)) {
            Element config = required(e, "config", name);
            Element req = required(config, "request", name);
            List<Assertion> assertions = new ArrayList<>();
            for (Element a : children(req, "assertion")) {
                assertions.add(readAssertion(a));
            }
            request = Optional.of(new RequestStep(
                    required(config, "interface", name).getTextContent().trim(),
                    required(config, "operation", name).getTextContent().trim(),
                    child(req, "encoding").map(x -> x.getTextContent().trim()).orElse("UTF-8"),
                    required(req, "endpoint", name).getTextContent().trim(),
                    required(req, "request", name).getTextContent(),
                    req.hasAttribute("timeout") && !req.getAttribute("timeout").isBlank()
                            ? Optional.of(req.getAttribute("timeout")) : Optional.empty(),
                    List.copyOf(assertions)));
        }
        return new TestStep(name, type, flag(e, "disabled", false), request);
    }

    private static Assertion readAssertion(Element e) {
        Map<String, String> configuration = new LinkedHashMap<>();
        child(e, "configuration").ifPresent(conf -> {
            for (Element item : XmlDocuments.children(conf)) {
                configuration.put(item.getLocalName(), item.getTextContent());
            }
        });
        return new Assertion(e.getAttribute("type"), e.getAttribute("name"), flag(e, "disabled", false),
                Map.copyOf(configuration));
    }

    private static MockService readMockService(Element e) {
        List<MockOperation> operations = new ArrayList<>();
        for (Element op : children(e, "mockOperation")) {
            List<MockResponse> responses = new ArrayList<>();
            for (Element r : children(op, "response")) {
                String status = r.getAttribute("httpResponseStatus");
                responses.add(new MockResponse(r.getAttribute("name"),
                        status.isBlank() ? 200 : Integer.parseInt(status.trim()),
                        required(r, "responseContent", r.getAttribute("name")).getTextContent()));
            }
            operations.add(new MockOperation(op.getAttribute("name"), op.getAttribute("interface"),
                    op.getAttribute("operation"),
                    child(op, "defaultResponse").map(Element::getTextContent).orElse(""),
                    child(op, "dispatchStyle").map(Element::getTextContent).orElse("SEQUENCE"),
                    List.copyOf(responses)));
        }
        String port = e.getAttribute("port");
        return new MockService(e.getAttribute("name"), port.isBlank() ? 8080 : Integer.parseInt(port),
                e.hasAttribute("path") ? e.getAttribute("path") : "/", List.copyOf(operations));
    }

    private static Map<String, String> readProperties(Element owner) {
        Map<String, String> properties = new LinkedHashMap<>();
        child(owner, "properties").ifPresent(props -> {
            for (Element p : children(props, "property")) {
                properties.put(child(p, "name").map(Element::getTextContent).orElse(""),
                        child(p, "value").map(Element::getTextContent).orElse(""));
            }
        });
        return properties;
    }

    private static boolean flag(Element e, String attribute, boolean defaultValue) {
        String value = e.getAttribute(attribute);
        return value.isBlank() ? defaultValue : Boolean.parseBoolean(value.trim());
    }

    private static List<Element> children(Element parent, String localName) {
        return XmlDocuments.children(parent, CONFIG_NS, localName);
    }

    private static Optional<Element> child(Element parent, String localName) {
        return XmlDocuments.child(parent, CONFIG_NS, localName);
    }

    private static Element required(Element parent, String localName, String owner) {
        return child(parent, localName).orElseThrow(() -> new SoapUiProjectException(
                "'" + owner + "' lacks its con:" + localName + " element"));
    }
}
