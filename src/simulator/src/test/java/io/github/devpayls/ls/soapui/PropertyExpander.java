package io.github.devpayls.ls.soapui;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.sf.saxon.s9api.XdmValue;
import org.xml.sax.SAXException;

/**
 * SoapUI property expansion for the scopes a test case sees: {@code ${#Project#p}},
 * {@code ${#TestSuite#p}}, {@code ${#TestCase#p}}, {@code ${#System#p}}, {@code ${#Env#V}},
 * {@code ${projectDir}}, unscoped {@code ${p}} (case, then suite, then project), and step results
 * {@code ${Step#Response}} / {@code ${Step#Response#xpath}} / {@code ${Step#Request}}. Expansions
 * nest and values are expanded again, as in SoapUI.
 *
 * <p>Unlike SoapUI, which silently expands an unknown property to an empty string, an undefined
 * property or an unsupported form (Groovy {@code ${=...}}, {@code #Global}) fails by name: in a
 * conformance suite an empty value would test something other than what the author meant.
 */
final class PropertyExpander {

    /** Innermost expansion first, so that {@code ${#Project#${#TestCase#name}}} works. */
    private static final Pattern EXPANSION = Pattern.compile("\\$\\{([^{}]*)}");
    private static final int MAX_ROUNDS = 32;

    private final Scope scope;

    /**
     * The properties visible from one test case.
     *
     * @param project    project properties, overrides applied
     * @param suite      the suite's properties
     * @param testCase   the case's properties
     * @param projectDir the folder of the project file
     * @param steps      results of the steps of this case run so far, by step name
     */
    record Scope(Map<String, String> project, Map<String, String> suite, Map<String, String> testCase,
                 Path projectDir, Map<String, StepResult> steps) {
    }

    PropertyExpander(Scope scope) {
        this.scope = scope;
    }

    /** @return {@code text} with every expansion replaced */
    String expand(String text) {
        String current = text;
        for (int round = 0; round < MAX_ROUNDS; round++) {
            Matcher m = EXPANSION.matcher(current);
            if (!m.find()) {
                return current;
            }
            StringBuilder out = new StringBuilder();
            do {
                m.appendReplacement(out, Matcher.quoteReplacement(resolve(m.group(1))));
            } while (m.find());
            m.appendTail(out);
            current = out.toString();
        }
        throw new SoapUiProjectException("property expansion does not terminate (a property refers to itself?): "
                + text);
    }

    private String resolve(String expression) {
        if (expression.equals("projectDir")) {
            return scope.projectDir().toString();
        }
        if (expression.startsWith("=")) {
            throw new SoapUiProjectException("${" + expression + "} is a Groovy expression, which the runner does not run");
        }
        if (expression.startsWith("#")) {
            return resolveScoped(expression);
        }
        int hash = expression.indexOf('#');
        if (hash > 0) {
            return resolveStep(expression.substring(0, hash), expression.substring(hash + 1));
        }
        for (Map<String, String> properties : List.of(scope.testCase(), scope.suite(), scope.project())) {
            if (properties.containsKey(expression)) {
                return properties.get(expression);
            }
        }
        throw undefined(expression, "test case, test suite or project");
    }

    private String resolveScoped(String expression) {
        int second = expression.indexOf('#', 1);
        if (second < 0) {
            throw new SoapUiProjectException("${" + expression + "} has a scope but no property name");
        }
        String scopeName = expression.substring(1, second);
        String name = expression.substring(second + 1);
        Optional<String> value = switch (scopeName) {
            case "Project" -> Optional.ofNullable(scope.project().get(name));
            case "TestSuite" -> Optional.ofNullable(scope.suite().get(name));
            case "TestCase" -> Optional.ofNullable(scope.testCase().get(name));
            case "System" -> Optional.ofNullable(System.getProperty(name));
            case "Env" -> Optional.ofNullable(System.getenv(name));
            default -> throw new SoapUiProjectException("${" + expression + "}: the runner supports the Project, "
                    + "TestSuite, TestCase, System and Env scopes, not " + scopeName);
        };
        return value.orElseThrow(() -> undefined(expression, scopeName));
    }

    private String resolveStep(String stepName, String rest) {
        StepResult step = scope.steps().get(stepName);
        if (step == null) {
            throw new SoapUiProjectException("${" + stepName + "#" + rest + "}: no step '" + stepName
                    + "' has run before this one in the test case");
        }
        int hash = rest.indexOf('#');
        String property = hash < 0 ? rest : rest.substring(0, hash);
        String content = switch (property) {
            case "Response" -> step.body();
            case "Request" -> step.request();
            default -> throw new SoapUiProjectException("${" + stepName + "#" + rest
                    + "}: the runner reads a step's Request or Response, not " + property);
        };
        if (hash < 0) {
            return content;
        }
        try {
            XdmValue value = SoapUiXPath.evaluate(rest.substring(hash + 1), XmlDocuments.parse(content));
            return value.isEmpty() ? "" : value.itemAt(0).getStringValue();
        } catch (SAXException e) {
            throw new SoapUiProjectException("${" + stepName + "#" + property + "#...}: the " + property
                    + " of '" + stepName + "' is not XML", e);
        }
    }

    private static SoapUiProjectException undefined(String expression, String where) {
        return new SoapUiProjectException("${" + expression + "}: no such property in the " + where + " scope");
    }
}
