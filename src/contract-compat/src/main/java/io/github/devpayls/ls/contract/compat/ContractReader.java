package io.github.devpayls.ls.contract.compat;

import io.github.devpayls.ls.contract.compat.Model.AttributeDecl;
import io.github.devpayls.ls.contract.compat.Model.Binding;
import io.github.devpayls.ls.contract.compat.Model.BindingOperation;
import io.github.devpayls.ls.contract.compat.Model.ComplexShape;
import io.github.devpayls.ls.contract.compat.Model.ContractModel;
import io.github.devpayls.ls.contract.compat.Model.ElementDecl;
import io.github.devpayls.ls.contract.compat.Model.ElementParticle;
import io.github.devpayls.ls.contract.compat.Model.Particle;
import io.github.devpayls.ls.contract.compat.Model.RecursiveShape;
import io.github.devpayls.ls.contract.compat.Model.SchemaInfo;
import io.github.devpayls.ls.contract.compat.Model.Shape;
import io.github.devpayls.ls.contract.compat.Model.SimpleShape;
import io.github.devpayls.ls.contract.compat.Model.Wildcard;
import io.github.devpayls.ls.contract.compat.Model.WildcardParticle;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import javax.wsdl.BindingInput;
import javax.wsdl.BindingOutput;
import javax.wsdl.Definition;
import javax.wsdl.Fault;
import javax.wsdl.WSDLException;
import javax.wsdl.extensions.ExtensibilityElement;
import javax.wsdl.extensions.soap.SOAPAddress;
import javax.wsdl.extensions.soap.SOAPBinding;
import javax.wsdl.extensions.soap.SOAPBody;
import javax.wsdl.extensions.soap.SOAPHeader;
import javax.wsdl.extensions.soap.SOAPOperation;
import javax.wsdl.extensions.soap12.SOAP12Address;
import javax.wsdl.extensions.soap12.SOAP12Binding;
import javax.wsdl.extensions.soap12.SOAP12Body;
import javax.wsdl.extensions.soap12.SOAP12Operation;
import javax.wsdl.factory.WSDLFactory;
import javax.wsdl.xml.WSDLReader;
import javax.xml.XMLConstants;
import javax.xml.namespace.QName;
import org.apache.ws.commons.schema.XmlSchema;
import org.apache.ws.commons.schema.XmlSchemaAll;
import org.apache.ws.commons.schema.XmlSchemaAny;
import org.apache.ws.commons.schema.XmlSchemaAnyAttribute;
import org.apache.ws.commons.schema.XmlSchemaAttribute;
import org.apache.ws.commons.schema.XmlSchemaAttributeOrGroupRef;
import org.apache.ws.commons.schema.XmlSchemaChoice;
import org.apache.ws.commons.schema.XmlSchemaCollection;
import org.apache.ws.commons.schema.XmlSchemaComplexContent;
import org.apache.ws.commons.schema.XmlSchemaComplexType;
import org.apache.ws.commons.schema.XmlSchemaContentModel;
import org.apache.ws.commons.schema.XmlSchemaContentProcessing;
import org.apache.ws.commons.schema.XmlSchemaElement;
import org.apache.ws.commons.schema.XmlSchemaEnumerationFacet;
import org.apache.ws.commons.schema.XmlSchemaFacet;
import org.apache.ws.commons.schema.XmlSchemaParticle;
import org.apache.ws.commons.schema.XmlSchemaSequence;
import org.apache.ws.commons.schema.XmlSchemaSimpleContent;
import org.apache.ws.commons.schema.XmlSchemaSimpleContentExtension;
import org.apache.ws.commons.schema.XmlSchemaSimpleType;
import org.apache.ws.commons.schema.XmlSchemaSimpleTypeContent;
import org.apache.ws.commons.schema.XmlSchemaSimpleTypeRestriction;
import org.apache.ws.commons.schema.XmlSchemaType;
import org.apache.ws.commons.schema.XmlSchemaUse;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.InputSource;

/**
 * Reads a WSDL 1.1 file and the XML Schema files it imports (WSDL4J and Apache XmlSchema, the
 * parsers CXF itself uses) into a {@link ContractModel}. Every file goes through {@link SafeXml}
 * first; the only other file that is opened is a schema the WSDL's {@code wsdl:types} imports by a
 * relative location inside the contract's directory tree (the WSDL's parent directory).
 */
final class ContractReader {

    private static final String WSDL_NS = "http://schemas.xmlsoap.org/wsdl/";
    private static final String XSD_NS = XMLConstants.W3C_XML_SCHEMA_NS_URI;

    private final Path wsdlFile;
    private final Path contractRoot;
    private final Map<String, byte[]> loadedSchemas = new HashMap<>();
    private String wsdlNamespace;
    private String schemaNamespace;
    private XmlSchemaCollection collection;

    private ContractReader(Path wsdlFile) {
        this.wsdlFile = wsdlFile.toAbsolutePath().normalize();
        Path parent = this.wsdlFile.getParent();
        this.contractRoot = parent.getParent() == null ? parent : parent.getParent();
    }

    static ContractModel read(Path wsdlFile) {
        return new ContractReader(wsdlFile).read();
    }

    private ContractModel read() {
        byte[] wsdlBytes = SafeXml.readBounded(wsdlFile);
        Document wsdlDocument = SafeXml.parse(wsdlFile, wsdlBytes);
        Element root = wsdlDocument.getDocumentElement();
        if (!WSDL_NS.equals(root.getNamespaceURI()) || !"definitions".equals(root.getLocalName())) {
            throw new UnreadableContractException(wsdlFile + ": not a WSDL 1.1 document (root element "
                    + root.getTagName() + ")");
        }
        Definition definition = readDefinition(wsdlDocument);
        if (!definition.getImports().isEmpty()) {
            throw new UnreadableContractException(wsdlFile + ": wsdl:import is not supported; keep the contract in one WSDL");
        }
        wsdlNamespace = nullToEmpty(definition.getTargetNamespace());
        List<SchemaInfo> schemas = readSchemas(root);
        Map<String, ElementDecl> elements = new TreeMap<>();
        for (XmlSchema schema : collection.getXmlSchemas()) {
            if (XSD_NS.equals(schema.getTargetNamespace())) {
                continue;
            }
            for (XmlSchemaElement element : schema.getElements().values()) {
                elements.put(name(element.getQName()), element(element, new ArrayDeque<>()));
            }
        }
        return new ContractModel(wsdlNamespace, schemas, elements, messages(definition), portTypes(definition),
                bindings(definition), services(definition));
    }

    /**
     * WSDL4J follows schema references in {@code wsdl:types} by itself, even with document imports
     * off, and would fetch any URL; it gets a copy without the schemas, which XmlSchema reads instead.
     */
    private Definition readDefinition(Document original) {
        Document document = (Document) original.cloneNode(true);
        for (Element types : children(document.getDocumentElement(), WSDL_NS, "types")) {
            while (types.getFirstChild() != null) {
                types.removeChild(types.getFirstChild());
            }
        }
        try {
            WSDLReader reader = WSDLFactory.newInstance().newWSDLReader();
            reader.setFeature("javax.wsdl.verbose", false);
            reader.setFeature("javax.wsdl.importDocuments", false);
            return reader.readWSDL(wsdlFile.toUri().toString(), document);
        } catch (WSDLException e) {
            throw new UnreadableContractException(wsdlFile + ": " + e.getMessage(), e);
        }
    }

    // ----- schemas -----

    private List<SchemaInfo> readSchemas(Element definitions) {
        collection = new XmlSchemaCollection();
        collection.setBaseUri(wsdlFile.getParent().toUri().toString());
        collection.setSchemaResolver(this::resolveLoadedSchema);
        List<SchemaInfo> infos = new ArrayList<>();
        List<Element> inline = new ArrayList<>();
        for (Element types : children(definitions, WSDL_NS, "types")) {
            for (Element schema : children(types, XSD_NS, "schema")) {
                inline.add(schema);
                for (Element reference : schemaReferences(schema)) {
                    String location = reference.getAttribute("schemaLocation");
                    if (location.isEmpty()) {
                        continue;
                    }
                    Path file = localSchema(location);
                    byte[] bytes = SafeXml.readBounded(file);
                    Document xsd = SafeXml.parse(file, bytes);
                    Element xsdRoot = xsd.getDocumentElement();
                    if (!XSD_NS.equals(xsdRoot.getNamespaceURI()) || !"schema".equals(xsdRoot.getLocalName())) {
                        throw new UnreadableContractException(file + ": not an XML Schema document");
                    }
                    for (Element nested : schemaReferences(xsdRoot)) {
                        if (!nested.getAttribute("schemaLocation").isEmpty()) {
                            throw new UnreadableContractException(file + ": refers to "
                                    + nested.getAttribute("schemaLocation")
                                    + "; only the schemas the WSDL imports itself are read");
                        }
                    }
                    String systemId = file.toUri().toString();
                    if (!loadedSchemas.containsKey(systemId)) {
                        loadedSchemas.put(systemId, bytes);
                        XmlSchema read = readSchema(() -> collection.read(xsd, systemId), file);
                        infos.add(info(read, xsdRoot));
                        if (schemaNamespace == null) {
                            schemaNamespace = read.getTargetNamespace();
                        }
                    }
                }
            }
        }
        for (Element schema : inline) {
            XmlSchema read = readSchema(() -> collection.read(schema, wsdlFile.toUri().toString()), wsdlFile);
            if (hasDeclarations(schema)) {
                infos.add(info(read, schema));
            }
        }
        return infos;
    }

    private static XmlSchema readSchema(java.util.function.Supplier<XmlSchema> reading, Path file) {
        try {
            return reading.get();
        } catch (UnreadableContractException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new UnreadableContractException(file + ": " + e.getMessage(), e);
        }
    }

    /** Only a schema file already read through {@link SafeXml} is handed to XmlSchema. */
    private InputSource resolveLoadedSchema(String namespace, String location, String baseUri) {
        Path file = localSchema(location);
        String systemId = file.toUri().toString();
        byte[] bytes = loadedSchemas.get(systemId);
        if (bytes == null) {
            throw new UnreadableContractException(wsdlFile + ": schema " + location + " was not read first");
        }
        InputSource source = new InputSource(new ByteArrayInputStream(bytes));
        source.setSystemId(systemId);
        return source;
    }

    private Path localSchema(String location) {
        URI uri;
        try {
            uri = new URI(location);
        } catch (java.net.URISyntaxException e) {
            throw new UnreadableContractException(wsdlFile + ": schemaLocation " + location + " is not a URI", e);
        }
        if (uri.isAbsolute() || uri.getRawAuthority() != null || location.startsWith("/")) {
            throw new UnreadableContractException(wsdlFile + ": schemaLocation " + location
                    + " is not a relative local path; only local schema files are read");
        }
        Path file = wsdlFile.getParent().resolve(uri.getPath()).normalize();
        if (!file.startsWith(contractRoot)) {
            throw new UnreadableContractException(wsdlFile + ": schemaLocation " + location
                    + " leaves the contract's directory " + contractRoot);
        }
        return file;
    }

    private SchemaInfo info(XmlSchema schema, Element element) {
        return new SchemaInfo(nullToEmpty(schema.getTargetNamespace()),
                attributeOr(element, "elementFormDefault", "unqualified"),
                attributeOr(element, "attributeFormDefault", "unqualified"),
                attributeOr(element, "version", ""));
    }

    private static boolean hasDeclarations(Element schema) {
        for (Node n = schema.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && !"import".equals(e.getLocalName()) && !"annotation".equals(e.getLocalName())) {
                return true;
            }
        }
        return false;
    }

    private static List<Element> schemaReferences(Element schema) {
        List<Element> out = new ArrayList<>();
        for (String kind : List.of("import", "include", "redefine", "override")) {
            out.addAll(children(schema, XSD_NS, kind));
        }
        return out;
    }

    // ----- elements and types -----

    private ElementDecl element(XmlSchemaElement element, Deque<QName> typeStack) {
        long min = element.getMinOccurs();
        long max = element.getMaxOccurs();
        if (element.isRef()) {
            QName target = element.getRef().getTargetQName();
            return new ElementDecl(target.getLocalPart(), min, max, name(target), null, false, null, null);
        }
        XmlSchemaType type = element.getSchemaType();
        if (type == null && element.getSchemaTypeName() != null) {
            type = collection.getTypeByQName(element.getSchemaTypeName());
        }
        Shape shape = type == null ? builtIn(new QName(XSD_NS, "anyType")) : shape(type, typeStack);
        return new ElementDecl(element.getName(), min, max, null, shape, element.isNillable(),
                element.getDefaultValue(), element.getFixedValue());
    }

    private Shape shape(XmlSchemaType type, Deque<QName> typeStack) {
        if (type instanceof XmlSchemaSimpleType simple) {
            return simple(simple);
        }
        XmlSchemaComplexType complex = (XmlSchemaComplexType) type;
        QName typeName = complex.getQName();
        if (typeName != null && XSD_NS.equals(typeName.getNamespaceURI())) {
            return builtIn(typeName);
        }
        if (typeName != null && typeStack.contains(typeName)) {
            return new RecursiveShape(name(typeName));
        }
        if (typeName != null) {
            typeStack.push(typeName);
        }
        try {
            return complex(complex, typeStack);
        } finally {
            if (typeName != null) {
                typeStack.pop();
            }
        }
    }

    private ComplexShape complex(XmlSchemaComplexType type, Deque<QName> typeStack) {
        StringBuilder unanalysed = new StringBuilder();
        SimpleShape simpleContent = null;
        List<XmlSchemaAttributeOrGroupRef> attributes = type.getAttributes();
        XmlSchemaAnyAttribute anyAttribute = type.getAnyAttribute();
        XmlSchemaParticle particle = type.getParticle();
        XmlSchemaContentModel contentModel = type.getContentModel();
        if (contentModel instanceof XmlSchemaSimpleContent simple
                && simple.getContent() instanceof XmlSchemaSimpleContentExtension extension) {
            XmlSchemaType base = collection.getTypeByQName(extension.getBaseTypeName());
            simpleContent = base instanceof XmlSchemaSimpleType simpleBase ? simple(simpleBase)
                    : builtIn(extension.getBaseTypeName());
            attributes = extension.getAttributes();
            anyAttribute = extension.getAnyAttribute();
        } else if (contentModel != null) {
            unanalysed.append(describeContentModel(contentModel, typeStack));
        }
        String compositor = "empty";
        List<Particle> particles = new ArrayList<>();
        if (particle != null) {
            List<?> items;
            if (particle instanceof XmlSchemaSequence sequence) {
                compositor = "sequence";
                items = sequence.getItems();
            } else if (particle instanceof XmlSchemaChoice choice) {
                compositor = "choice";
                items = choice.getItems();
            } else if (particle instanceof XmlSchemaAll all) {
                compositor = "all";
                items = all.getItems();
            } else {
                items = List.of();
                unanalysed.append(" group ").append(particle.getClass().getSimpleName());
            }
            if (particle.getMinOccurs() != 1 || particle.getMaxOccurs() != 1) {
                unanalysed.append(" ").append(compositor).append(" occurs ").append(particle.getMinOccurs())
                        .append("..").append(particle.getMaxOccurs());
            }
            int wildcards = 0;
            for (Object item : items) {
                if (item instanceof XmlSchemaElement element) {
                    particles.add(new ElementParticle(element(element, typeStack)));
                } else if (item instanceof XmlSchemaAny any) {
                    particles.add(new WildcardParticle(wildcards++, new Wildcard(namespace(any.getNamespace()),
                            processing(any.getProcessContent())), any.getMinOccurs(), any.getMaxOccurs()));
                } else if (item instanceof XmlSchemaParticle nested) {
                    unanalysed.append(" nested ").append(describeParticle(nested, typeStack));
                }
            }
        }
        Map<String, AttributeDecl> attributeDecls = new TreeMap<>();
        for (XmlSchemaAttributeOrGroupRef item : attributes) {
            if (item instanceof XmlSchemaAttribute attribute) {
                AttributeDecl decl = attribute(attribute);
                attributeDecls.put(decl.name(), decl);
            } else {
                unanalysed.append(" attributeGroup ").append(item.getClass().getSimpleName());
            }
        }
        Wildcard wildcard = anyAttribute == null ? null
                : new Wildcard(namespace(anyAttribute.getNamespace()), processing(anyAttribute.getProcessContent()));
        String rest = unanalysed.toString().strip();
        return new ComplexShape(compositor, List.copyOf(particles), attributeDecls, wildcard, type.isMixed(),
                simpleContent, rest.isEmpty() ? null : rest);
    }

    private String describeContentModel(XmlSchemaContentModel model, Deque<QName> typeStack) {
        StringBuilder out = new StringBuilder(model instanceof XmlSchemaComplexContent ? "complexContent " : "simpleContent ");
        Object content = model.getContent();
        out.append(content.getClass().getSimpleName());
        try {
            Object base = content.getClass().getMethod("getBaseTypeName").invoke(content);
            if (base instanceof QName q) {
                out.append(" base=").append(name(q));
                XmlSchemaType baseType = collection.getTypeByQName(q);
                if (baseType != null) {
                    out.append(" ").append(shape(baseType, typeStack));
                }
            }
            Object particle = content.getClass().getMethod("getParticle").invoke(content);
            if (particle instanceof XmlSchemaParticle p) {
                out.append(" particle=").append(describeParticle(p, typeStack));
            }
        } catch (ReflectiveOperationException e) {
            out.append(" ").append(content);
        }
        return out.toString();
    }

    /** A canonical text of a nested group, compared as a whole. */
    private String describeParticle(XmlSchemaParticle particle, Deque<QName> typeStack) {
        XmlSchemaComplexType holder = new XmlSchemaComplexType(new XmlSchema(), false);
        holder.setParticle(particle);
        ComplexShape shape = complex(holder, typeStack);
        return shape.compositor() + "(" + particle.getMinOccurs() + ".." + particle.getMaxOccurs() + ")"
                + shape.particles() + (shape.unanalysed() == null ? "" : " " + shape.unanalysed());
    }

    private AttributeDecl attribute(XmlSchemaAttribute attribute) {
        String attributeName;
        XmlSchemaSimpleType type;
        if (attribute.isRef()) {
            attributeName = name(attribute.getRef().getTargetQName());
            XmlSchemaAttribute target = collection.getAttributeByQName(attribute.getRef().getTargetQName());
            type = target == null ? null : target.getSchemaType();
        } else {
            attributeName = attribute.getName();
            type = attribute.getSchemaType();
            if (type == null && attribute.getSchemaTypeName() != null
                    && collection.getTypeByQName(attribute.getSchemaTypeName()) instanceof XmlSchemaSimpleType t) {
                type = t;
            }
        }
        SimpleShape shape = type == null ? builtIn(new QName(XSD_NS, "anySimpleType")) : simple(type);
        XmlSchemaUse use = attribute.getUse();
        String useText = use == null || use == XmlSchemaUse.NONE ? "optional" : use.toString().toLowerCase(Locale.ROOT);
        return new AttributeDecl(attributeName, useText, shape, attribute.getDefaultValue(), attribute.getFixedValue());
    }

    private SimpleShape simple(XmlSchemaSimpleType type) {
        QName typeName = type.getQName();
        if (typeName != null && XSD_NS.equals(typeName.getNamespaceURI())) {
            return builtIn(typeName);
        }
        XmlSchemaSimpleTypeContent content = type.getContent();
        if (content instanceof XmlSchemaSimpleTypeRestriction restriction) {
            XmlSchemaSimpleType baseType = restriction.getBaseType();
            if (baseType == null && restriction.getBaseTypeName() != null
                    && collection.getTypeByQName(restriction.getBaseTypeName()) instanceof XmlSchemaSimpleType t) {
                baseType = t;
            }
            SimpleShape base = baseType == null ? builtIn(restriction.getBaseTypeName()) : simple(baseType);
            List<String> enumeration = new ArrayList<>();
            Map<String, String> facets = new TreeMap<>(base.facets());
            for (XmlSchemaFacet facet : restriction.getFacets()) {
                String value = String.valueOf(facet.getValue());
                if (facet instanceof XmlSchemaEnumerationFacet) {
                    enumeration.add(value);
                } else {
                    String facetName = facetName(facet);
                    facets.merge(facetName, value, (a, b) -> facetName.equals("pattern") ? a + " " + b : b);
                }
            }
            return new SimpleShape(base.base(), enumeration.isEmpty() ? base.enumeration() : List.copyOf(enumeration),
                    Map.copyOf(facets));
        }
        return new SimpleShape(content == null ? "xs:anySimpleType" : content.getClass().getSimpleName(), List.of(),
                Map.of());
    }

    private static String facetName(XmlSchemaFacet facet) {
        String simpleName = facet.getClass().getSimpleName().replace("XmlSchema", "").replace("Facet", "");
        return Character.toLowerCase(simpleName.charAt(0)) + simpleName.substring(1);
    }

    private SimpleShape builtIn(QName typeName) {
        return new SimpleShape(typeName == null ? "xs:anySimpleType" : name(typeName), List.of(), Map.of());
    }

    private static String namespace(String namespace) {
        return namespace == null || namespace.isBlank() ? "##any" : namespace.strip();
    }

    private static String processing(XmlSchemaContentProcessing processing) {
        return processing == null || processing == XmlSchemaContentProcessing.NONE ? "strict"
                : processing.toString().toLowerCase(Locale.ROOT);
    }

    // ----- WSDL -----

    private Map<String, Model.Message> messages(Definition definition) {
        Map<String, Model.Message> out = new TreeMap<>();
        for (Object value : definition.getMessages().values()) {
            javax.wsdl.Message message = (javax.wsdl.Message) value;
            List<Model.Part> parts = new ArrayList<>();
            for (Object p : message.getOrderedParts(null)) {
                javax.wsdl.Part part = (javax.wsdl.Part) p;
                parts.add(new Model.Part(part.getName(), name(part.getElementName()), name(part.getTypeName())));
            }
            out.put(name(message.getQName()), new Model.Message(name(message.getQName()), List.copyOf(parts)));
        }
        return out;
    }

    private Map<String, Model.PortType> portTypes(Definition definition) {
        Map<String, Model.PortType> out = new TreeMap<>();
        for (Object value : definition.getPortTypes().values()) {
            javax.wsdl.PortType portType = (javax.wsdl.PortType) value;
            Map<String, Model.Operation> operations = new LinkedHashMap<>();
            for (Object o : portType.getOperations()) {
                javax.wsdl.Operation operation = (javax.wsdl.Operation) o;
                List<String> faults = new ArrayList<>();
                for (Object f : operation.getFaults().values()) {
                    Fault fault = (Fault) f;
                    faults.add(fault.getName() + "=" + (fault.getMessage() == null ? "" : name(fault.getMessage().getQName())));
                }
                faults.sort(null);
                String input = operation.getInput() == null || operation.getInput().getMessage() == null ? null
                        : name(operation.getInput().getMessage().getQName());
                String output = operation.getOutput() == null || operation.getOutput().getMessage() == null ? null
                        : name(operation.getOutput().getMessage().getQName());
                operations.put(operation.getName(), new Model.Operation(operation.getName(), input, output,
                        List.copyOf(faults)));
            }
            out.put(local(portType.getQName()), new Model.PortType(local(portType.getQName()), operations));
        }
        return out;
    }

    private Map<String, Binding> bindings(Definition definition) {
        Map<String, Binding> out = new TreeMap<>();
        for (Object value : definition.getBindings().values()) {
            javax.wsdl.Binding binding = (javax.wsdl.Binding) value;
            String soapVersion = "none";
            String style = null;
            String transport = null;
            for (Object e : binding.getExtensibilityElements()) {
                if (e instanceof SOAPBinding soap) {
                    soapVersion = "SOAP 1.1";
                    style = soap.getStyle();
                    transport = soap.getTransportURI();
                } else if (e instanceof SOAP12Binding soap) {
                    soapVersion = "SOAP 1.2";
                    style = soap.getStyle();
                    transport = soap.getTransportURI();
                }
            }
            Map<String, BindingOperation> operations = new TreeMap<>();
            for (Object o : binding.getBindingOperations()) {
                javax.wsdl.BindingOperation operation = (javax.wsdl.BindingOperation) o;
                String soapAction = null;
                String operationStyle = null;
                for (Object e : operation.getExtensibilityElements()) {
                    if (e instanceof SOAPOperation soap) {
                        soapAction = soap.getSoapActionURI();
                        operationStyle = soap.getStyle();
                    } else if (e instanceof SOAP12Operation soap) {
                        soapAction = soap.getSoapActionURI();
                        operationStyle = soap.getStyle();
                    }
                }
                BindingInput input = operation.getBindingInput();
                BindingOutput output = operation.getBindingOutput();
                operations.put(operation.getName(), new BindingOperation(operation.getName(), nullToEmpty(soapAction),
                        nullToEmpty(operationStyle),
                        input == null ? null : body(input.getExtensibilityElements()),
                        output == null ? null : body(output.getExtensibilityElements())));
            }
            String portType = binding.getPortType() == null ? "" : local(binding.getPortType().getQName());
            out.put(local(binding.getQName()), new Binding(local(binding.getQName()), portType, soapVersion,
                    nullToEmpty(style), nullToEmpty(transport), operations));
        }
        return out;
    }

    private String body(List<?> extensibilityElements) {
        List<String> parts = new ArrayList<>();
        for (Object e : extensibilityElements) {
            if (e instanceof SOAPBody body) {
                parts.add("use=" + body.getUse() + namespaceText(body.getNamespaceURI()) + partsText(body.getParts()));
            } else if (e instanceof SOAP12Body body) {
                parts.add("use=" + body.getUse() + namespaceText(body.getNamespaceURI()) + partsText(body.getParts()));
            } else if (e instanceof SOAPHeader header) {
                parts.add("header=" + name(header.getMessage()) + "/" + header.getPart() + " use=" + header.getUse());
            } else if (e instanceof ExtensibilityElement other) {
                parts.add(name(other.getElementType()));
            }
        }
        return String.join(", ", parts);
    }

    private static String namespaceText(String namespace) {
        return namespace == null ? "" : " namespace=" + namespace;
    }

    private static String partsText(List<?> parts) {
        return parts == null ? "" : " parts=" + parts;
    }

    private Map<String, Model.Service> services(Definition definition) {
        Map<String, Model.Service> out = new TreeMap<>();
        for (Object value : definition.getServices().values()) {
            javax.wsdl.Service service = (javax.wsdl.Service) value;
            Map<String, Model.Port> ports = new TreeMap<>();
            for (Object p : service.getPorts().values()) {
                javax.wsdl.Port port = (javax.wsdl.Port) p;
                String address = "";
                for (Object e : port.getExtensibilityElements()) {
                    if (e instanceof SOAPAddress soap) {
                        address = nullToEmpty(soap.getLocationURI());
                    } else if (e instanceof SOAP12Address soap) {
                        address = nullToEmpty(soap.getLocationURI());
                    }
                }
                String binding = port.getBinding() == null ? "" : local(port.getBinding().getQName());
                ports.put(port.getName(), new Model.Port(port.getName(), binding, address));
            }
            out.put(local(service.getQName()), new Model.Service(local(service.getQName()), ports));
        }
        return out;
    }

    // ----- names -----

    /** The contract's own namespaces become {@code tns:}, XML Schema's {@code xs:}; others stay in full. */
    private String name(QName qname) {
        if (qname == null) {
            return null;
        }
        String ns = qname.getNamespaceURI();
        if (ns == null || ns.isEmpty()) {
            return qname.getLocalPart();
        }
        if (ns.equals(wsdlNamespace) || ns.equals(schemaNamespace)) {
            return "tns:" + qname.getLocalPart();
        }
        if (ns.equals(XSD_NS)) {
            return "xs:" + qname.getLocalPart();
        }
        return "{" + ns + "}" + qname.getLocalPart();
    }

    private static String local(QName qname) {
        return qname == null ? "" : qname.getLocalPart();
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }

    private static String attributeOr(Element element, String attribute, String fallback) {
        return element.hasAttribute(attribute) ? element.getAttribute(attribute) : fallback;
    }

    private static List<Element> children(Element parent, String namespace, String localName) {
        List<Element> out = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && namespace.equals(e.getNamespaceURI()) && localName.equals(e.getLocalName())) {
                out.add(e);
            }
        }
        return out;
    }
}
