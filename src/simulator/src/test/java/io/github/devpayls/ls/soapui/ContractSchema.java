package io.github.devpayls.ls.soapui;

import java.io.IOException;
import java.net.URL;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import javax.xml.XMLConstants;
import javax.xml.namespace.QName;
import javax.xml.transform.Source;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import org.w3c.dom.Element;
import org.xml.sax.SAXException;

/**
 * What Schema Compliance needs from an interface's WSDL: one schema made of the SOAP 1.1 envelope
 * and every XSD the WSDL imports, and, per operation, the element its output message carries.
 * Loaded once per WSDL file.
 */
final class ContractSchema {

    static final String WSDL_NS = "http://schemas.xmlsoap.org/wsdl/";
    static final String SOAP11_ENVELOPE_NS = "http://schemas.xmlsoap.org/soap/envelope/";
    private static final String ENVELOPE_XSD = "/soapui/soap11-envelope.xsd";
    private static final Map<Path, ContractSchema> LOADED = new ConcurrentHashMap<>();
    private static final Schema ENVELOPE_ONLY = compile(List.of());

    private final Schema schema;
    private final Map<String, QName> outputElements;

    private ContractSchema(Schema schema, Map<String, QName> outputElements) {
        this.schema = schema;
        this.outputElements = outputElements;
    }

    /** @return the schema of the bare SOAP 1.1 envelope, payloads unchecked */
    static Schema envelopeOnly() {
        return ENVELOPE_ONLY;
    }

    /** @return the contract of the WSDL at {@code wsdl} (cached) */
    static ContractSchema of(Path wsdl) {
        return LOADED.computeIfAbsent(wsdl.toAbsolutePath().normalize(), ContractSchema::load);
    }

    /** @return the SOAP 1.1 envelope schema together with the WSDL's XSDs */
    Schema schema() {
        return schema;
    }

    /** @return the element the operation's output message carries, if the WSDL has that operation */
    Optional<QName> outputElement(String operationName) {
        return Optional.ofNullable(outputElements.get(operationName));
    }

    private static ContractSchema load(Path wsdl) {
        Element definitions;
        try {
            definitions = XmlDocuments.parse(wsdl).getDocumentElement();
        } catch (IOException | SAXException e) {
            throw new SoapUiProjectException("cannot read the interface's WSDL " + wsdl + ": " + e.getMessage(), e);
        }
        List<Source> xsds = new ArrayList<>();
        for (Element types : XmlDocuments.children(definitions, WSDL_NS, "types")) {
            for (Element schema : XmlDocuments.children(types, XMLConstants.W3C_XML_SCHEMA_NS_URI, "schema")) {
                for (Element imp : XmlDocuments.children(schema, XMLConstants.W3C_XML_SCHEMA_NS_URI, "import")) {
                    Path xsd = wsdl.getParent().resolve(imp.getAttribute("schemaLocation")).normalize();
                    xsds.add(new StreamSource(xsd.toFile()));
                }
                if (!XmlDocuments.children(schema, XMLConstants.W3C_XML_SCHEMA_NS_URI, "element").isEmpty()) {
                    throw new SoapUiProjectException(wsdl + " declares elements inline in wsdl:types; "
                            + "the runner reads imported XSDs only");
                }
            }
        }
        return new ContractSchema(compile(xsds), outputElements(definitions));
    }

    /** Operation name to output element, from portType operation, output message and its single part. */
    private static Map<String, QName> outputElements(Element definitions) {
        Map<String, Element> messages = new HashMap<>();
        for (Element message : XmlDocuments.children(definitions, WSDL_NS, "message")) {
            messages.put(message.getAttribute("name"), message);
        }
        Map<String, QName> outputs = new HashMap<>();
        for (Element portType : XmlDocuments.children(definitions, WSDL_NS, "portType")) {
            for (Element operation : XmlDocuments.children(portType, WSDL_NS, "operation")) {
                XmlDocuments.child(operation, WSDL_NS, "output")
                        .map(output -> messages.get(localPart(output.getAttribute("message"))))
                        .flatMap(message -> XmlDocuments.child(message, WSDL_NS, "part"))
                        .map(part -> qname(part, part.getAttribute("element")))
                        .ifPresent(element -> outputs.put(operation.getAttribute("name"), element));
            }
        }
        return Map.copyOf(outputs);
    }

    private static String localPart(String prefixed) {
        return prefixed.substring(prefixed.indexOf(':') + 1);
    }

    private static QName qname(Element context, String prefixed) {
        int colon = prefixed.indexOf(':');
        String prefix = colon < 0 ? null : prefixed.substring(0, colon);
        return new QName(context.lookupNamespaceURI(prefix), prefixed.substring(colon + 1));
    }

    private static Schema compile(List<Source> contractXsds) {
        URL envelope = ContractSchema.class.getResource(ENVELOPE_XSD);
        if (envelope == null) {
            throw new IllegalStateException(ENVELOPE_XSD + " is missing from the test classpath");
        }
        List<Source> sources = new ArrayList<>();
        sources.add(new StreamSource(envelope.toString()));
        sources.addAll(contractXsds);
        try {
            SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "file,jar");
            return factory.newSchema(sources.toArray(Source[]::new));
        } catch (SAXException e) {
            throw new SoapUiProjectException("the contract's XSDs do not compile: " + e.getMessage(), e);
        }
    }
}
