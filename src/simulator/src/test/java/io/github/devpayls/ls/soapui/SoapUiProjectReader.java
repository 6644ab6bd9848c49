package io.github.devpayls.ls.soapui;

import io.github.devpayls.ls.soapui.SoapUiProject.Assertion;
import io.github.devpayls.ls.soapui.SoapUiProject.MockOperation;
import io.github.devpayls.ls.soapui.SoapUiProject.MockResponse;
import io.github.devpayls.ls.soapui.SoapUiProject.MockService;
import io.github.devpayls.ls.soapui.SoapUiProject.Operation;
import io.github.devpayls.ls.soapui.SoapUiProject.RequestStep;
import io.github.devpayls.ls.soapui.SoapUiProject.RestMethod;
import io.github.devpayls.ls.soapui.SoapUiProject.RestParameter;
import io.github.devpayls.ls.soapui.SoapUiProject.RestRequestStep;
import io.github.devpayls.ls.soapui.SoapUiProject.RestResource;
import io.github.devpayls.ls.soapui.SoapUiProject.RestService;
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
 * interface types other than WSDL and REST) are recorded so that the affected suite or case fails by name instead of
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
        List<RestService> restServices = new ArrayList<>();
        for (Element e : children(root, "interface")) {
            if (e.getAttributeNS(XMLConstants.W3C_XML_SCHEMA_INSTANCE_NS_URI, "type").endsWith("RestService")) {
                restServices.add(readRestService(e));
            } else {
                interfaces.add(readInterface(e));
            }
        }
        List<TestSuite> suites = new ArrayList<>();
        for (Element e : children(root, "testSuite")) {
            suites.add(readSuite(e));
        }
        List<MockService> mocks = new ArrayList<>();
        for (Element e : children(root, "mockService")) {
            mocks.add(readMockService(e));
        }
        return new SoapUiProject(root.getAttribute("name"), file, root.getAttribute("resourceRoot"), List.copyOf(interfaces), List.copyOf(restServices), List.copyOf(suites),
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

    private static RestService readRestService(Element e) {
        List<RestResource> resources = new ArrayList<>();
        for (Element resource : children(e, "resource")) {
            readResource(resource, e.getAttribute("basePath"), resources);
        }
        return new RestService(e.getAttribute("name"), List.copyOf(resources));
    }

    /** Adds the resource and its child resources, each with its full path (SoapUI's RestResource.getFullPath). */
    private static void readResource(Element e, String parentPath, List<RestResource> into) {
        String fullPath = joinPath(parentPath, e.getAttribute("path"));
        List<RestMethod> methods = new ArrayList<>();
        for (Element method : children(e, "method")) {
            methods.add(new RestMethod(method.getAttribute("name"), method.getAttribute("method"),
                    readParameters(method)));
        }
        into.add(new RestResource(e.getAttribute("name"), fullPath, readParameters(e), List.copyOf(methods)));
        for (Element child : children(e, "resource")) {
            readResource(child, fullPath, into);
        }
    }

    private static String joinPath(String parent, String path) {
        String base = parent == null ? "" : parent;
        if (path.isEmpty()) {
            return base.isEmpty() ? "/" : base;
        }
        if (base.endsWith("/") && path.startsWith("/")) {
            return base + path.substring(1);
        }
        return base.endsWith("/") || path.startsWith("/") ? base + path : base + "/" + path;
    }

    private static List<RestParameter> readParameters(Element owner) {
        List<RestParameter> parameters = new ArrayList<>();
        child(owner, "parameters").ifPresent(params -> {
            for (Element p : children(params, "parameter")) {
                String style = child(p, "style").map(x -> x.getTextContent().trim()).orElse("QUERY");
                parameters.add(new RestParameter(child(p, "name").map(Element::getTextContent).orElse(""),
                        style.isEmpty() ? "QUERY" : style, child(p, "default").map(Element::getTextContent),
                        flag(p, "required", false)));
            }
        });
        return List.copyOf(parameters);
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
        Optional<RestRequestStep> restRequest = Optional.empty();
        if ("restrequest".equals(type)) {
            Element config = required(e, "config", name);
            Element req = required(config, "restRequest", name);
            Map<String, String> entries = new LinkedHashMap<>();
            child(req, "parameters").ifPresent(params -> {
                for (Element entry : children(params, "entry")) {
                    entries.put(entry.getAttribute("key"), entry.getAttribute("value"));
                }
            });
            restRequest = Optional.of(new RestRequestStep(config.getAttribute("service"),
                    config.getAttribute("resourcePath"), config.getAttribute("methodName"),
                    child(req, "encoding").map(x -> x.getTextContent().trim()).orElse("UTF-8"),
                    required(req, "endpoint", name).getTextContent().trim(), Map.copyOf(entries),
                    readAssertions(req)));
            if (!entries.isEmpty()) {
                restRequest = Optional.of(withOrderedEntries(restRequest.get(), entries));
            }
        }
        Optional<String> script = Optional.empty();
        if ("groovy".equals(type)) {
            // SoapUI reads the script by the path $this/script: an unqualified element.
            Element config = required(e, "config", name);
            script = Optional.of(XmlDocuments.child(config, null, "script").orElseThrow(() -> new SoapUiProjectException(
                    "'" + name + "' lacks its (unqualified) script element")).getTextContent());
        }
        return new TestStep(name, type, flag(e, "disabled", false), request, restRequest, script);
    }

    /** Keeps the file's order of entries (Map.copyOf would lose it). */
    private static RestRequestStep withOrderedEntries(RestRequestStep step, Map<String, String> entries) {
        return new RestRequestStep(step.serviceName(), step.resourcePath(), step.methodName(), step.encoding(),
                step.endpoint(), java.util.Collections.unmodifiableMap(new LinkedHashMap<>(entries)), step.assertions());
    }

    private static List<Assertion> readAssertions(Element request) {
        List<Assertion> assertions = new ArrayList<>();
        for (Element a : children(request, "assertion")) {
            assertions.add(readAssertion(a));
        }
        return List.copyOf(assertions);
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
                e.hasAttribute("path") ? e.getAttribute("path") : "/", e.getAttribute("host"),
                flag(e, "bindToHostOnly", false), List.copyOf(operations));
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
