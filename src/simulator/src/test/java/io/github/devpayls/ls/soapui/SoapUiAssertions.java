package io.github.devpayls.ls.soapui;

import io.github.devpayls.ls.soapui.SoapUiProject.Assertion;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.xml.namespace.QName;
import javax.xml.transform.dom.DOMSource;
import javax.xml.validation.Schema;
import javax.xml.validation.Validator;
import net.sf.saxon.s9api.XdmItem;
import net.sf.saxon.s9api.XdmNode;
import net.sf.saxon.s9api.XdmNodeKind;
import net.sf.saxon.s9api.XdmValue;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * The SoapUI assertion types the runner implements, by SoapUI's type id, with SoapUI's semantics.
 * Note the swapped ids: {@code "SOAP Fault Assertion"} is SoapUI's <em>Not SOAP Fault</em> and
 * {@code "Not SOAP Fault Assertion"} is <em>SOAP Fault</em>.
 *
 * <p>Schema Compliance validates the envelope against the SOAP 1.1 envelope schema together with
 * the XSDs the interface's WSDL imports. For a normal response the single Body child must also be
 * the element of the operation's output message, and it is validated against its declaration. For a
 * fault (the WSDL declares no {@code wsdl:fault}) the Fault's structure is validated — faultcode a
 * declared QName, faultstring present — and the detail content laxly.
 */
final class SoapUiAssertions {

    /** What an assertion may consult besides the response. */
    record Context(PropertyExpander expander, String operationName, Path wsdl) {
    }

    @FunctionalInterface
    private interface Check {
        /** @return why the assertion fails, or empty when it passes */
        Optional<String> apply(Assertion assertion, StepResult response, Context context);
    }

    /** Elements whose text never appears in a failure message. */
    static final Set<String> SENSITIVE_ELEMENTS = Set.of("UserToken", "SecretAccessKey", "ActivationKey");

    private static final Map<String, Check> BY_TYPE = Map.of(
            "SOAP Response", SoapUiAssertions::soapResponse,
            "Schema Compliance", SoapUiAssertions::schemaCompliance,
            "SOAP Fault Assertion", SoapUiAssertions::notSoapFault,
            "Not SOAP Fault Assertion", SoapUiAssertions::soapFault,
            "XPath Match", SoapUiAssertions::xpathMatch,
            "Simple Contains", (a, r, c) -> contains(a, r, c, true),
            "Simple NotContains", (a, r, c) -> contains(a, r, c, false),
            "Valid HTTP Status Codes", (a, r, c) -> statusCodes(a, r, c, true),
            "Invalid HTTP Status Codes", (a, r, c) -> statusCodes(a, r, c, false),
            "Response SLA Assertion", SoapUiAssertions::responseSla);

    private static final Pattern SENSITIVE_TEXT = Pattern.compile(
            "(<(?:[\\w.-]+:)?(?:" + String.join("|", SENSITIVE_ELEMENTS) + ")(?:\\s[^>]*)?>)[^<]*");

    private SoapUiAssertions() {
    }

    /** @return the assertion type ids the runner implements */
    static Set<String> supportedTypes() {
        return BY_TYPE.keySet();
    }

    /**
     * @return why {@code assertion} fails on {@code response}, or empty when it passes
     * @throws SoapUiProjectException when the type is not implemented or the configuration is unusable
     */
    static Optional<String> check(Assertion assertion, StepResult response, Context context) {
        Check check = BY_TYPE.get(assertion.type());
        if (check == null) {
            throw new SoapUiProjectException("assertion '" + assertion.name() + "' has type '" + assertion.type()
                    + "', which the runner does not implement (it implements " + String.join(", ",
                    BY_TYPE.keySet().stream().sorted().toList()) + ")");
        }
        return check.apply(assertion, response, context);
    }

    /** @return {@code xml} with the text of sensitive elements replaced by {@code ****} */
    static String maskSecrets(String xml) {
        return SENSITIVE_TEXT.matcher(xml).replaceAll("$1****");
    }

    private static Optional<String> soapResponse(Assertion assertion, StepResult response, Context context) {
        Envelope parsed = parseEnvelope(response);
        return parsed.failure() != null ? Optional.of(parsed.failure())
                : validate(parsed.document(), ContractSchema.envelopeOnly());
    }

    private static Optional<String> schemaCompliance(Assertion assertion, StepResult response, Context context) {
        String definition = assertion.config("definition", "").trim();
        if (!definition.isEmpty()) {
            throw new SoapUiProjectException("Schema Compliance '" + assertion.name()
                    + "' names its own definition; the runner validates against the interface's WSDL only");
        }
        Envelope parsed = parseEnvelope(response);
        if (parsed.failure() != null) {
            return Optional.of(parsed.failure());
        }
        ContractSchema contract = ContractSchema.of(context.wsdl());
        Optional<String> invalid = validate(parsed.document(), contract.schema());
        if (invalid.isPresent() || isFault(parsed.document())) {
            return invalid;
        }
        QName expected = contract.outputElement(context.operationName()).orElseThrow(() -> new SoapUiProjectException(
                "the WSDL has no output element for operation " + context.operationName()));
        List<Element> payload = XmlDocuments.children(body(parsed.document()));
        if (payload.size() != 1) {
            return Optional.of("the SOAP Body holds " + payload.size() + " elements; expected one " + expected);
        }
        QName actual = new QName(payload.get(0).getNamespaceURI(), payload.get(0).getLocalName());
        return actual.equals(expected) ? Optional.empty()
                : Optional.of("the SOAP Body holds " + actual + "; operation " + context.operationName()
                        + " answers with " + expected);
    }

    private static Optional<String> soapFault(Assertion assertion, StepResult response, Context context) {
        Envelope parsed = parseEnvelope(response);
        if (parsed.failure() != null) {
            return Optional.of(parsed.failure());
        }
        return isFault(parsed.document()) ? Optional.empty() : Optional.of("Response is not a SOAP Fault");
    }

    private static Optional<String> notSoapFault(Assertion assertion, StepResult response, Context context) {
        Envelope parsed = parseEnvelope(response);
        if (parsed.failure() != null) {
            return Optional.of(parsed.failure());
        }
        return isFault(parsed.document()) ? Optional.of("Response is a SOAP Fault: " + faultSummary(parsed.document()))
                : Optional.empty();
    }

    private static Optional<String> xpathMatch(Assertion assertion, StepResult response, Context context) {
        String path = context.expander().expand(assertion.config("path", ""));
        String expected = context.expander().expand(assertion.config("content", "")).trim();
        boolean wildcards = Boolean.parseBoolean(assertion.config("allowWildcards", "false").trim());
        if (expected.startsWith("<")) {
            throw new SoapUiProjectException("XPath Match '" + assertion.name()
                    + "' expects an XML fragment; the runner compares text and simple values only");
        }
        Document document;
        try {
            document = XmlDocuments.parse(response.body());
        } catch (SAXException e) {
            return Optional.of("the response is not XML: " + e.getMessage());
        }
        XdmValue value = SoapUiXPath.evaluate(path, document);
        String expression = SoapUiXPath.parse(path).expression();
        if (value.isEmpty()) {
            return Optional.of("Missing content for xpath [" + expression + "] in the response");
        }
        Pattern match = wildcards ? wildcardPattern(expected) : null;
        List<String> seen = new ArrayList<>();
        for (XdmItem item : value) {
            String actual = item.getStringValue().trim();
            if (match != null ? match.matcher(actual).matches() : actual.equals(expected)) {
                return Optional.empty();
            }
            seen.add(isSensitive(item) ? "(masked, " + actual.length() + " characters)" : "'" + actual + "'");
        }
        return Optional.of("XPath [" + expression + "] expected '" + expected + "' but found "
                + String.join(", ", seen));
    }

    private static Optional<String> contains(Assertion assertion, StepResult response, Context context,
                                             boolean mustContain) {
        String token = context.expander().expand(assertion.config("token", ""));
        boolean ignoreCase = Boolean.parseBoolean(assertion.config("ignoreCase", "false").trim());
        boolean regex = Boolean.parseBoolean(assertion.config("useRegEx", "false").trim());
        String content = response.body().replace("\r\n", "\n");
        boolean found;
        if (regex) {
            int flags = Pattern.DOTALL | (ignoreCase ? Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE : 0);
            found = Pattern.compile(token, flags).matcher(content).find();
        } else if (ignoreCase) {
            found = content.toUpperCase(Locale.ROOT).contains(token.toUpperCase(Locale.ROOT));
        } else {
            found = content.contains(token);
        }
        if (found == mustContain) {
            return Optional.empty();
        }
        return Optional.of(mustContain ? "Missing token [" + token + "] in the response"
                : "The response contains token [" + token + "]");
    }

    private static Optional<String> statusCodes(Assertion assertion, StepResult response, Context context,
                                                boolean listIsValid) {
        String codes = context.expander().expand(assertion.config("codes", ""));
        Set<Integer> listed = Arrays.stream(codes.split(",")).map(String::trim).filter(s -> !s.isEmpty())
                .map(Integer::valueOf).collect(Collectors.toSet());
        if (listed.contains(response.status()) == listIsValid) {
            return Optional.empty();
        }
        return Optional.of("HTTP status " + response.status() + (listIsValid ? " is not" : " is")
                + " in the list " + codes.trim());
    }

    private static Optional<String> responseSla(Assertion assertion, StepResult response, Context context) {
        long slaMillis = Long.parseLong(context.expander().expand(assertion.config("SLA", "")).trim());
        return response.timeTaken().compareTo(Duration.ofMillis(slaMillis)) > 0
                ? Optional.of("the response took " + response.timeTaken().toMillis() + " ms; the SLA is "
                        + slaMillis + " ms")
                : Optional.empty();
    }

    /** A parsed SOAP 1.1 envelope, or why the response is none (then {@code document} is null). */
    private record Envelope(Document document, String failure) {
    }

    private static Envelope parseEnvelope(StepResult response) {
        if (response.body().isBlank()) {
            return new Envelope(null, "the response is empty (HTTP " + response.status() + ")");
        }
        Document document;
        try {
            document = XmlDocuments.parse(response.body());
        } catch (SAXException e) {
            return new Envelope(null, "the response is not XML (HTTP " + response.status() + "): " + e.getMessage());
        }
        Element root = document.getDocumentElement();
        if (!ContractSchema.SOAP11_ENVELOPE_NS.equals(root.getNamespaceURI()) || !"Envelope".equals(root.getLocalName())) {
            return new Envelope(null, "the response is not a SOAP 1.1 envelope: its root is {"
                    + root.getNamespaceURI() + "}" + root.getLocalName());
        }
        return new Envelope(document, null);
    }

    private static Optional<String> validate(Document document, Schema schema) {
        List<String> errors = new ArrayList<>();
        Validator validator = schema.newValidator();
        validator.setErrorHandler(new ErrorHandler() {
            @Override
            public void warning(SAXParseException e) {
                // Warnings do not make a response invalid, in SoapUI either.
            }

            @Override
            public void error(SAXParseException e) {
                errors.add(e.getMessage());
            }

            @Override
            public void fatalError(SAXParseException e) {
                errors.add(e.getMessage());
            }
        });
        try {
            validator.validate(new DOMSource(document));
        } catch (SAXException e) {
            if (errors.isEmpty()) {
                errors.add(e.getMessage());
            }
        } catch (IOException e) {
            throw new IllegalStateException("validating an in-memory document failed", e);
        }
        return errors.isEmpty() ? Optional.empty()
                : Optional.of("the response is not schema-valid: " + String.join("; ", errors));
    }

    private static Element body(Document envelope) {
        return XmlDocuments.child(envelope.getDocumentElement(), ContractSchema.SOAP11_ENVELOPE_NS, "Body")
                .orElseThrow(() -> new IllegalStateException("validated envelope without Body"));
    }

    static boolean isFault(Document envelope) {
        return XmlDocuments.child(envelope.getDocumentElement(), ContractSchema.SOAP11_ENVELOPE_NS, "Body")
                .flatMap(b -> XmlDocuments.child(b, ContractSchema.SOAP11_ENVELOPE_NS, "Fault"))
                .isPresent();
    }

    private static String faultSummary(Document envelope) {
        Element fault = XmlDocuments.child(body(envelope), ContractSchema.SOAP11_ENVELOPE_NS, "Fault").orElseThrow();
        String code = XmlDocuments.child(fault, null, "faultcode").map(Element::getTextContent).orElse("?");
        String text = XmlDocuments.child(fault, null, "faultstring").map(Element::getTextContent).orElse("?");
        return code.trim() + " (" + text.trim() + ")";
    }

    private static boolean isSensitive(XdmItem item) {
        if (item instanceof XdmNode node && node.getNodeName() != null
                && (node.getNodeKind() == XdmNodeKind.ELEMENT || node.getNodeKind() == XdmNodeKind.ATTRIBUTE)) {
            return SENSITIVE_ELEMENTS.contains(node.getNodeName().getLocalName());
        }
        return false;
    }

    private static Pattern wildcardPattern(String expected) {
        return Pattern.compile(Arrays.stream(expected.split("\\*", -1)).map(Pattern::quote)
                .collect(Collectors.joining(".*")), Pattern.DOTALL);
    }
}
