package io.github.devpayls.ls.soapui;

import io.github.devpayls.ls.soapui.SoapUiProject.Assertion;
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
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.opentest4j.AssertionFailedError;

/**
 * Runs a SoapUI 5.x project the way SoapUI's test runner does, as JUnit 5 dynamic tests: one
 * container per test suite, one test per test case, each named as in the project. A case sends its
 * request steps in order over real HTTP(S), checks each step's assertions, and fails with a message
 * naming suite, case, step and assertion. SOAP request steps and REST request steps (GET, QUERY
 * parameters) are sent; the one Groovy script it knows, the REST-Query signing step
 * ({@link RestQuerySigningScript}), is carried out in Java. Whatever the runner cannot execute
 * faithfully (an unknown assertion type, another step type or script, an undeclared operation or
 * method, anything disabled, setup scripts) fails the case by name rather than being skipped.
 *
 * <pre>{@code
 * @TestFactory
 * Stream<DynamicNode> suites() {
 *     return SoapUiRunner.forProject(Path.of("soapui/AmazonLS-soapui-project.xml"))
 *             .projectProperty("endpoint", sim.endpoint().toString())
 *             .sslContext(trusting(sim.trustStore().orElseThrow()))
 *             .build()
 *             .testSuites();
 * }
 * }</pre>
 */
final class SoapUiRunner {

    private static final Pattern CHARSET = Pattern.compile("charset=\"?([^\";]+)\"?", Pattern.CASE_INSENSITIVE);
    private static final int RESPONSE_EXCERPT_CHARS = 1_500;
    /** The assertion types that mean the same on a REST response as on a SOAP one. */
    private static final Set<String> REST_ASSERTION_TYPES = Set.of("Valid HTTP Status Codes",
            "Invalid HTTP Status Codes", "XPath Match", "Simple Contains", "Simple NotContains", "Response SLA Assertion");

    private final SoapUiProject project;
    private final Map<String, String> projectProperties;
    private final HttpClient http;
    private final Duration requestTimeout;

    private SoapUiRunner(Builder builder) {
        this.project = SoapUiProjectReader.read(builder.projectFile);
        Map<String, String> properties = new LinkedHashMap<>(project.properties());
        builder.overrides.forEach((name, value) -> {
            if (!properties.containsKey(name)) {
                throw new SoapUiProjectException("cannot override project property '" + name + "': project '"
                        + project.name() + "' does not declare it (declared: " + properties.keySet() + ")");
            }
            properties.put(name, value);
        });
        this.projectProperties = Map.copyOf(properties);
        HttpClient.Builder http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(builder.requestTimeout);
        if (builder.sslContext != null) {
            http.sslContext(builder.sslContext);
        }
        this.http = http.build();
        this.requestTimeout = builder.requestTimeout;
    }

    /** @return a builder for running the project in {@code projectFile} */
    static Builder forProject(Path projectFile) {
        return new Builder(projectFile);
    }

    /** @return the project this runner executes */
    SoapUiProject project() {
        return project;
    }

    /**
     * @return one container per test suite, named after it, holding one test per test case, named
     *         {@code <suite> / <case>}, in the project's order
     */
    Stream<DynamicNode> testSuites() {
        URI source = project.file().toAbsolutePath().toUri();
        // Tests carry the suite name too: surefire's report shows the test's name alone, and case
        // names repeat across suites.
        return project.testSuites().stream().map(suite -> DynamicContainer.dynamicContainer(suite.name(), source,
                suite.testCases().stream().map(testCase -> DynamicTest.dynamicTest(
                        suite.name() + " / " + testCase.name(), source, () -> run(suite, testCase)))));
    }

    /**
     * Runs one test case.
     *
     * @throws AssertionFailedError   when an assertion fails or a request gets no response
     * @throws SoapUiProjectException when the case uses something the runner cannot execute
     */
    void run(String suiteName, String caseName) {
        TestSuite suite = project.testSuites().stream().filter(s -> s.name().equals(suiteName)).findFirst()
                .orElseThrow(() -> new SoapUiProjectException("no test suite '" + suiteName + "'"));
        TestCase testCase = suite.testCases().stream().filter(c -> c.name().equals(caseName)).findFirst()
                .orElseThrow(() -> new SoapUiProjectException("no test case '" + caseName + "' in '" + suiteName + "'"));
        run(suite, testCase);
    }

    private void run(TestSuite suite, TestCase testCase) {
        String where = "suite '" + suite.name() + "', case '" + testCase.name() + "'";
        refuse(where, suite.disabled() ? List.of("the test suite is disabled") : suite.unsupported());
        refuse(where, testCase.disabled() ? List.of("the test case is disabled") : testCase.unsupported());
        Map<String, StepResult> stepResults = new LinkedHashMap<>();
        // A Groovy step may set test case properties, so each run works on its own copy.
        Map<String, String> caseProperties = new LinkedHashMap<>(testCase.properties());
        PropertyExpander expander = new PropertyExpander(new PropertyExpander.Scope(projectProperties,
                suite.properties(), caseProperties, project.projectDir(), stepResults));
        List<String> failures = new ArrayList<>();
        for (TestStep step : testCase.testSteps()) {
            String stepWhere = where + ", step '" + step.name() + "'";
            Optional<String> failure;
            try {
                failure = runStep(step, expander, stepResults, caseProperties);
            } catch (SoapUiProjectException e) {
                throw new SoapUiProjectException("SoapUI " + stepWhere + ": " + e.getMessage(), e);
            }
            if (failure.isPresent()) {
                failures.add("SoapUI " + stepWhere + failure.get());
                if (testCase.failOnError()) {
                    break;
                }
            }
        }
        if (!failures.isEmpty()) {
            throw new AssertionFailedError(String.join("\n", failures));
        }
    }

    private static void refuse(String where, List<String> reasons) {
        if (!reasons.isEmpty()) {
            throw new SoapUiProjectException("SoapUI " + where + " cannot run faithfully: " + String.join("; ", reasons)
                    + ". The runner fails instead of skipping; remove it from the project or make it runnable.");
        }
    }

    /** @return the step's failure text (assertions that failed, or why no response came), empty when it passed */
    private Optional<String> runStep(TestStep step, PropertyExpander expander, Map<String, StepResult> stepResults,
                                     Map<String, String> caseProperties) {
        if (step.disabled()) {
            throw new SoapUiProjectException("the step is disabled; the runner fails instead of skipping it");
        }
        if (step.script().isPresent()) {
            if (!RestQuerySigningScript.isThisScript(step.script().get())) {
                throw new SoapUiProjectException("the Groovy step is not the REST-Query signing script ("
                        + RestQuerySigningScript.RESOURCE + "); the runner runs that one script only, not arbitrary Groovy");
            }
            RestQuerySigningScript.run(caseProperties, expander, Clock.systemUTC());
            return Optional.empty();
        }
        if (step.restRequest().isPresent()) {
            return runRestStep(step, step.restRequest().get(), expander, stepResults);
        }
        RequestStep request = step.request().orElseThrow(() -> new SoapUiProjectException("the step has type '"
                + step.type() + "'; the runner executes request, restrequest and (the signing script's) groovy"
                + " steps only"));
        WsdlInterface wsdlInterface = project.findInterface(request.interfaceName()).orElseThrow(() ->
                new SoapUiProjectException("the step calls interface '" + request.interfaceName()
                        + "', which the project does not declare"));
        Operation operation = Optional.ofNullable(wsdlInterface.operations().get(request.operationName()))
                .orElseThrow(() -> new SoapUiProjectException("the step calls operation '" + request.operationName()
                        + "', which interface '" + wsdlInterface.name() + "' does not declare (SoapUI would"
                        + " silently disable the step)"));
        if (!"1_1".equals(wsdlInterface.soapVersion())) {
            throw new SoapUiProjectException("interface '" + wsdlInterface.name() + "' uses SOAP "
                    + wsdlInterface.soapVersion() + "; the runner speaks SOAP 1.1 only");
        }
        refuseDisabled(request.assertions());
        String endpoint = expander.expand(request.endpoint());
        String body = expander.expand(request.body());
        StepResult result;
        try {
            result = send(endpoint, operation.action(), request, body);
        } catch (IOException e) {
            return Optional.of(": the request to " + endpoint + " got no response: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.of(": interrupted while waiting for " + endpoint);
        }
        stepResults.put(step.name(), result);
        SoapUiAssertions.Context context = new SoapUiAssertions.Context(expander, operation.name(),
                project.wsdlPath(wsdlInterface));
        return check(request.assertions(), result, context);
    }

    private static void refuseDisabled(List<Assertion> assertions) {
        for (Assertion assertion : assertions) {
            if (assertion.disabled()) {
                throw new SoapUiProjectException("assertion '" + assertion.name()
                        + "' is disabled; the runner fails instead of skipping it");
            }
        }
    }

    /**
     * Sends a REST request step as SoapUI does: the resource's parameters then the method's (a
     * method parameter overrides a resource one), each the request's entry or else the parameter's
     * {@code default}, property-expanded, URL-encoded with {@code %20} for spaces; empty values left
     * out unless required. GET only; QUERY parameters only.
     */
    private Optional<String> runRestStep(TestStep step, RestRequestStep request, PropertyExpander expander,
                                         Map<String, StepResult> stepResults) {
        RestService service = project.findRestService(request.serviceName()).orElseThrow(() ->
                new SoapUiProjectException("the step calls REST service '" + request.serviceName()
                        + "', which the project does not declare"));
        RestResource resource = service.resource(request.resourcePath()).orElseThrow(() ->
                new SoapUiProjectException("the step calls resource '" + request.resourcePath() + "', which service '"
                        + service.name() + "' does not declare"));
        RestMethod method = resource.method(request.methodName()).orElseThrow(() ->
                new SoapUiProjectException("the step calls method '" + request.methodName() + "', which resource '"
                        + resource.fullPath() + "' does not declare"));
        if (!"GET".equals(method.verb())) {
            throw new SoapUiProjectException("method '" + method.name() + "' is a " + method.verb()
                    + "; the runner sends REST GET requests only");
        }
        for (Assertion assertion : request.assertions()) {
            if (!REST_ASSERTION_TYPES.contains(assertion.type())) {
                throw new SoapUiProjectException("assertion '" + assertion.name() + "' (" + assertion.type()
                        + ") is not one the runner checks on a REST response " + REST_ASSERTION_TYPES);
            }
        }
        refuseDisabled(request.assertions());
        Map<String, RestParameter> parameters = new LinkedHashMap<>();
        resource.parameters().forEach(p -> parameters.put(p.name(), p));
        method.parameters().forEach(p -> parameters.put(p.name(), p));
        for (String entry : request.entries().keySet()) {
            if (!parameters.containsKey(entry)) {
                throw new SoapUiProjectException("the request sets '" + entry + "', which method '" + method.name()
                        + "' does not declare (SoapUI would silently not send it)");
            }
        }
        Charset charset = Charset.forName(request.encoding());
        List<String> query = new ArrayList<>();
        for (RestParameter parameter : parameters.values()) {
            if (!"QUERY".equals(parameter.style())) {
                throw new SoapUiProjectException("parameter '" + parameter.name() + "' has style " + parameter.style()
                        + "; the runner sends QUERY parameters only");
            }
            String raw = request.entries().containsKey(parameter.name()) ? request.entries().get(parameter.name())
                    : parameter.defaultValue().orElse("");
            String value = expander.expand(raw);
            if (!value.isEmpty() || parameter.required()) {
                query.add(soapUiEncode(parameter.name(), StandardCharsets.UTF_8) + "=" + soapUiEncode(value, charset));
            }
        }
        String endpoint = expander.expand(request.endpoint());
        String url = endpoint + resource.fullPath() + (query.isEmpty() ? "" : "?" + String.join("&", query));
        StepResult result;
        try {
            result = get(url);
        } catch (IOException e) {
            return Optional.of(": the request to " + endpoint + resource.fullPath() + " got no response: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.of(": interrupted while waiting for " + endpoint);
        }
        stepResults.put(step.name(), result);
        return check(request.assertions(), result, new SoapUiAssertions.Context(expander, method.name(), null));
    }

    /** SoapUI's HttpRequestFilter: {@code URLEncoder} with {@code +} turned into {@code %20}. */
    private static String soapUiEncode(String text, Charset charset) {
        return URLEncoder.encode(text, charset).replace("+", "%20");
    }

    private StepResult get(String url) throws IOException, InterruptedException {
        HttpRequest httpRequest = HttpRequest.newBuilder(URI.create(url)).timeout(requestTimeout).GET().build();
        return exchange(httpRequest, url);
    }

    /** Sends the request and reads the whole response, decoded with its declared charset (UTF-8 otherwise). */
    private StepResult exchange(HttpRequest httpRequest, String sent) throws IOException, InterruptedException {
        long started = System.nanoTime();
        HttpResponse<byte[]> response = http.send(httpRequest, HttpResponse.BodyHandlers.ofByteArray());
        Duration taken = Duration.ofNanos(System.nanoTime() - started);
        String contentType = response.headers().firstValue("Content-Type").orElse("");
        Matcher declared = CHARSET.matcher(contentType);
        Charset responseCharset = declared.find() ? Charset.forName(declared.group(1).trim()) : StandardCharsets.UTF_8;
        return new StepResult(sent, response.statusCode(), contentType, new String(response.body(), responseCharset),
                taken);
    }

    /** @return the failure text of the assertions that failed on {@code result}, empty when all passed */
    private static Optional<String> check(List<Assertion> assertions, StepResult result,
                                          SoapUiAssertions.Context context) {
        List<String> failed = new ArrayList<>();
        for (Assertion assertion : assertions) {
            try {
                SoapUiAssertions.check(assertion, result, context).ifPresent(why ->
                        failed.add("  assertion '" + assertion.name() + "' (" + assertion.type() + "): " + why));
            } catch (SoapUiProjectException e) {
                throw new SoapUiProjectException("assertion '" + assertion.name() + "': " + e.getMessage(), e);
            }
        }
        if (failed.isEmpty()) {
            return Optional.empty();
        }
        String excerpt = SoapUiAssertions.maskSecrets(result.body());
        if (excerpt.length() > RESPONSE_EXCERPT_CHARS) {
            excerpt = excerpt.substring(0, RESPONSE_EXCERPT_CHARS) + "...";
        }
        return Optional.of(" (HTTP " + result.status() + ") failed:\n" + String.join("\n", failed)
                + "\n  response: " + excerpt);
    }

    private StepResult send(String endpoint, String action, RequestStep request, String body)
            throws IOException, InterruptedException {
        Charset charset = Charset.forName(request.encoding());
        Duration timeout = request.timeoutMillis().map(ms -> Duration.ofMillis(Long.parseLong(ms.trim())))
                .filter(d -> !d.isZero()).orElse(requestTimeout);
        HttpRequest httpRequest = HttpRequest.newBuilder(URI.create(endpoint))
                .timeout(timeout)
                .header("Content-Type", "text/xml;charset=" + charset.name())
                .header("SOAPAction", "\"" + action + "\"")
                .POST(HttpRequest.BodyPublishers.ofString(body, charset))
                .build();
        return exchange(httpRequest, body);
    }

    /** Configures a {@link SoapUiRunner}: the project file, property overrides and TLS trust. */
    static final class Builder {

        private final Path projectFile;
        private final Map<String, String> overrides = new LinkedHashMap<>();
        private SSLContext sslContext;
        private Duration requestTimeout = Duration.ofSeconds(30);

        private Builder(Path projectFile) {
            this.projectFile = Objects.requireNonNull(projectFile, "projectFile");
        }

        /** Overrides a project property, like SoapUI's {@code -Pname=value}; the project must declare it. */
        Builder projectProperty(String name, String value) {
            overrides.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
            return this;
        }

        /** Overrides several project properties. */
        Builder projectProperties(Map<String, String> values) {
            values.forEach(this::projectProperty);
            return this;
        }

        /** Trust for HTTPS endpoints; hostname verification stays on. Default: the JDK's trust store. */
        Builder sslContext(SSLContext context) {
            this.sslContext = Objects.requireNonNull(context, "context");
            return this;
        }

        /** Timeout of each request unless the step sets its own. Default: 30 seconds. */
        Builder requestTimeout(Duration timeout) {
            this.requestTimeout = Objects.requireNonNull(timeout, "timeout");
            return this;
        }

        /** @return the runner; {@link SoapUiProjectException} when the project is unreadable or an override is unknown */
        SoapUiRunner build() {
            return new SoapUiRunner(this);
        }
    }
}
