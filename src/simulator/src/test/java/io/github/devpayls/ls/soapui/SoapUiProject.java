package io.github.devpayls.ls.soapui;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A SoapUI 5.x project file, reduced to what the runner executes: interfaces with their declared
 * operations, test suites, cases, steps and assertions, mock services, and properties. Read by
 * {@link SoapUiProjectReader}; every list keeps the file's order.
 *
 * @param name        the project's name
 * @param file        the project file; its folder is SoapUI's {@code ${projectDir}}
 * @param resourceRoot the folder relative definitions resolve against, before expansion (may be empty)
 * @param interfaces  the {@code con:interface} elements of type WSDL
 * @param restServices the {@code con:interface} elements of type REST
 * @param testSuites  the {@code con:testSuite} elements
 * @param mockServices the {@code con:mockService} elements
 * @param properties  the project's properties, by name
 */
record SoapUiProject(String name, Path file, String resourceRoot, List<WsdlInterface> interfaces,
                     List<RestService> restServices, List<TestSuite> testSuites,
                     List<MockService> mockServices, Map<String, String> properties) {

    /** @return the folder holding the project file, which SoapUI calls {@code ${projectDir}} */
    Path projectDir() {
        return file.toAbsolutePath().normalize().getParent();
    }

    /**
     * Where the interface's WSDL is: {@code ${projectDir}} expanded, a relative path resolved against
     * the resource root (itself usually {@code ${projectDir}}), as SoapUI does.
     *
     * @throws SoapUiProjectException when the definition is remote or uses other properties
     */
    Path wsdlPath(WsdlInterface wsdlInterface) {
        String definition = wsdlInterface.definition().replace("${projectDir}", projectDir().toString());
        String root = resourceRoot.replace("${projectDir}", projectDir().toString());
        if (definition.contains("${") || root.contains("${")) {
            throw new SoapUiProjectException("interface '" + wsdlInterface.name() + "': the runner expands only "
                    + "${projectDir} in definition and resourceRoot");
        }
        if (definition.startsWith("file:")) {
            return Path.of(URI.create(definition));
        }
        if (definition.matches("^[a-zA-Z][a-zA-Z0-9+.-]+:/.*")) {
            throw new SoapUiProjectException("interface '" + wsdlInterface.name() + "' loads its WSDL from "
                    + definition + "; the runner reads local files only");
        }
        Path base = root.isBlank() ? projectDir() : Path.of(root);
        return base.resolve(definition).toAbsolutePath().normalize();
    }

    /** @return the interface of that name, if the project declares it */
    Optional<WsdlInterface> findInterface(String interfaceName) {
        return interfaces.stream().filter(i -> i.name().equals(interfaceName)).findFirst();
    }

    /** @return the REST service of that name, if the project declares it */
    Optional<RestService> findRestService(String serviceName) {
        return restServices.stream().filter(s -> s.name().equals(serviceName)).findFirst();
    }

    /**
     * A {@code con:interface} of type REST ({@code xsi:type="con:RestService"}), SoapUI's own
     * resource/method model. Steps find a resource by its full path and a method by its name.
     *
     * @param name      the service name steps refer to
     * @param resources every resource, nested ones included, with full paths
     */
    record RestService(String name, List<RestResource> resources) {

        /** @return the resource with that full path, if declared */
        Optional<RestResource> resource(String fullPath) {
            return resources.stream().filter(r -> r.fullPath().equals(fullPath)).findFirst();
        }
    }

    /**
     * A {@code con:resource}.
     *
     * @param name       its name
     * @param fullPath   the service's base path, the parents' paths and its own, {@code /}-joined
     * @param parameters its own parameters (every method inherits them)
     * @param methods    its methods
     */
    record RestResource(String name, String fullPath, List<RestParameter> parameters, List<RestMethod> methods) {

        /** @return the method with that name (not verb), if declared */
        Optional<RestMethod> method(String methodName) {
            return methods.stream().filter(m -> m.name().equals(methodName)).findFirst();
        }
    }

    /**
     * A {@code con:method}.
     *
     * @param name       the name steps refer to
     * @param verb       the HTTP method
     * @param parameters its own parameters
     */
    record RestMethod(String name, String verb, List<RestParameter> parameters) {
    }

    /**
     * A {@code con:parameter}. SoapUI sends a request's entry for it, else its {@code default}; its
     * {@code value} is never sent.
     *
     * @param name         the name
     * @param style        QUERY, HEADER, TEMPLATE, MATRIX or PLAIN
     * @param defaultValue the {@code con:default}, empty when absent
     * @param required     whether an empty value is still sent ({@code name=})
     */
    record RestParameter(String name, String style, Optional<String> defaultValue, boolean required) {
    }

    /**
     * A {@code con:interface} of type WSDL. SoapUI takes the operations from this element, not from
     * the WSDL, so an operation missing here cannot be called.
     *
     * @param name        the interface name steps refer to
     * @param definition  the WSDL location, possibly with {@code ${projectDir}}
     * @param bindingName the binding's QName in {@code {ns}local} form
     * @param soapVersion {@code 1_1} or {@code 1_2}
     * @param operations  the declared operations, by name
     */
    record WsdlInterface(String name, String definition, String bindingName, String soapVersion,
                         Map<String, Operation> operations) {
    }

    /**
     * A declared operation.
     *
     * @param name   the operation name
     * @param action its SOAPAction
     */
    record Operation(String name, String action) {
    }

    /**
     * A {@code con:testSuite}.
     *
     * @param name        the suite name
     * @param disabled    whether SoapUI would skip it
     * @param properties  the suite's properties, by name
     * @param testCases   its cases, in order
     * @param unsupported features used by the suite that the runner cannot honour (e.g. scripts)
     */
    record TestSuite(String name, boolean disabled, Map<String, String> properties, List<TestCase> testCases,
                     List<String> unsupported) {
    }

    /**
     * A {@code con:testCase}.
     *
     * @param name        the case name
     * @param disabled    whether SoapUI would skip it
     * @param failOnError whether the first failed step ends the case (SoapUI's default: yes)
     * @param properties  the case's properties, by name
     * @param testSteps   its steps, in order
     * @param unsupported features used by the case that the runner cannot honour
     */
    record TestCase(String name, boolean disabled, boolean failOnError, Map<String, String> properties,
                    List<TestStep> testSteps, List<String> unsupported) {
    }

    /**
     * A {@code con:testStep}. {@code request}, {@code restrequest} and {@code groovy} steps carry
     * their configuration; any other type is kept so the runner can refuse it by name.
     *
     * @param name        the step name
     * @param type        SoapUI's step type id
     * @param disabled    whether SoapUI would skip it
     * @param request     the SOAP request, for request steps
     * @param restRequest the REST request, for restrequest steps
     * @param script      the Groovy script's text, for groovy steps
     */
    record TestStep(String name, String type, boolean disabled, Optional<RequestStep> request,
                    Optional<RestRequestStep> restRequest, Optional<String> script) {
    }

    /**
     * The configuration of a REST request step.
     *
     * @param serviceName   the REST service it calls
     * @param resourcePath  the full path of the resource
     * @param methodName    the method's name
     * @param encoding      the character encoding of the parameter values
     * @param endpoint      the endpoint, before property expansion
     * @param entries       the request's parameter values by name, before expansion, in file order
     * @param assertions    the assertions, in order
     */
    record RestRequestStep(String serviceName, String resourcePath, String methodName, String encoding,
                           String endpoint, Map<String, String> entries, List<Assertion> assertions) {
    }

    /**
     * The configuration of a SOAP request step.
     *
     * @param interfaceName the interface it calls
     * @param operationName the operation it calls
     * @param encoding      the request's character encoding
     * @param endpoint      the endpoint, before property expansion
     * @param body          the SOAP envelope, before property expansion
     * @param timeoutMillis the request timeout in milliseconds, empty when not set
     * @param assertions    the assertions, in order
     */
    record RequestStep(String interfaceName, String operationName, String encoding, String endpoint, String body,
                       Optional<String> timeoutMillis, List<Assertion> assertions) {
    }

    /**
     * A {@code con:assertion}.
     *
     * @param type          SoapUI's assertion type id (not the label: the fault ids are swapped)
     * @param name          the label the project gives it
     * @param disabled      whether SoapUI would skip it
     * @param configuration the unqualified children of {@code con:configuration}, name to text
     */
    record Assertion(String type, String name, boolean disabled, Map<String, String> configuration) {

        /** @return the configuration value, or {@code defaultValue} when absent */
        String config(String key, String defaultValue) {
            return configuration.getOrDefault(key, defaultValue);
        }
    }

    /**
     * A {@code con:mockService}.
     *
     * @param name       the mock service name
     * @param port       the port it listens on
     * @param path       the path it serves
     * @param host       the host it names
     * @param bindToHostOnly whether it listens on that host only (SoapUI's default: every interface)
     * @param operations its mock operations
     */
    record MockService(String name, int port, String path, String host, boolean bindToHostOnly,
                       List<MockOperation> operations) {
    }

    /**
     * A {@code con:mockOperation}.
     *
     * @param name            its name
     * @param interfaceName   the interface it mocks
     * @param operationName   the operation it mocks
     * @param defaultResponse the name of the response used when dispatch chooses none
     * @param dispatchStyle   SEQUENCE, RANDOM, XPATH, SCRIPT or QUERY_MATCH
     * @param responses       its canned responses
     */
    record MockOperation(String name, String interfaceName, String operationName, String defaultResponse,
                         String dispatchStyle, List<MockResponse> responses) {
    }

    /**
     * A canned {@code con:response} of a mock operation.
     *
     * @param name       its name
     * @param httpStatus the HTTP status it is sent with (SoapUI's default is 200)
     * @param content    the SOAP envelope it sends
     */
    record MockResponse(String name, int httpStatus, String content) {
    }
}
