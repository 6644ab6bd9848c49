package io.github.devpayls.ls.soapui;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.transform.dom.DOMSource;
import net.sf.saxon.s9api.Processor;
import net.sf.saxon.s9api.SaxonApiException;
import net.sf.saxon.s9api.XPathCompiler;
import net.sf.saxon.s9api.XPathSelector;
import net.sf.saxon.s9api.XdmNode;
import net.sf.saxon.s9api.XdmValue;
import org.w3c.dom.Document;

/**
 * SoapUI's XPath dialect: leading {@code declare namespace p='uri';} lines, then an XPath 2.0
 * expression over the whole envelope, evaluated here with Saxon-HE as SoapUI does.
 */
final class SoapUiXPath {

    private static final Processor SAXON = new Processor(false);
    private static final Pattern DECLARATION = Pattern.compile(
            "\\s*declare\\s+namespace\\s+([\\w.-]+)\\s*=\\s*(['\"])(.*?)\\2\\s*;");

    private SoapUiXPath() {
    }

    /**
     * A path split into its namespace declarations and its expression.
     *
     * @param namespaces prefix to namespace URI, in declaration order
     * @param expression what remains after the declarations
     */
    record Path(Map<String, String> namespaces, String expression) {
    }

    /** @return {@code path} split into declarations and expression */
    static Path parse(String path) {
        Map<String, String> namespaces = new LinkedHashMap<>();
        Matcher m = DECLARATION.matcher(path);
        int end = 0;
        while (m.region(end, path.length()).lookingAt()) {
            namespaces.put(m.group(1), m.group(3));
            end = m.end();
        }
        return new Path(namespaces, path.substring(end).trim());
    }

    /**
     * @return the value of {@code path} against {@code document}
     * @throws SoapUiProjectException when the path does not compile or fails to evaluate
     */
    static XdmValue evaluate(String path, Document document) {
        Path parsed = parse(path);
        try {
            XPathCompiler compiler = SAXON.newXPathCompiler();
            parsed.namespaces().forEach(compiler::declareNamespace);
            XPathSelector selector = compiler.compile(parsed.expression()).load();
            XdmNode root = SAXON.newDocumentBuilder().build(new DOMSource(document));
            selector.setContextItem(root);
            return selector.evaluate();
        } catch (SaxonApiException e) {
            throw new SoapUiProjectException("XPath '" + parsed.expression() + "' failed: " + e.getMessage(), e);
        }
    }
}
