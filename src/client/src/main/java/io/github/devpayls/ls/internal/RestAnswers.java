package io.github.devpayls.ls.internal;

import com.ctc.wstx.api.WstxInputProperties;
import com.ctc.wstx.stax.WstxInputFactory;
import io.github.devpayls.ls.contract.XmlLimits;
import io.github.devpayls.ls.contract.generated.ObjectFactory;
import jakarta.xml.bind.JAXBContext;
import jakarta.xml.bind.JAXBElement;
import jakarta.xml.bind.JAXBException;
import jakarta.xml.bind.Unmarshaller;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import javax.xml.namespace.QName;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import javax.xml.stream.util.StreamReaderDelegate;

/**
 * Reads REST-Query answer bodies — the same XML elements as the SOAP bodies (a
 * {@code <Op>Response}, or an {@code ErrorResponse}) — into the generated contract classes, under
 * the same rules as the SOAP path: the {@link XmlLimits}, DTDs refused, and unknown elements
 * skipped and counted by {@link UnknownContent}. Checking what the contract requires of the
 * answer is the caller's (the operation's mapping), as over SOAP.
 */
final class RestAnswers {

    private RestAnswers() {
    }

    /** Built on first use; both are thread-safe and costly to create. */
    private static final class Shared {
        static final JAXBContext CONTEXT = context();
        static final XMLInputFactory PARSERS = parsers();

        private static JAXBContext context() {
            try {
                return JAXBContext.newInstance(ObjectFactory.class);
            } catch (JAXBException e) {
                throw new IllegalStateException("the generated contract classes do not bind", e);
            }
        }

        private static XMLInputFactory parsers() {
            return RestAnswers.parsers(true);
        }
    }

    /**
     * @param namespaceAware whether the parser resolves prefixes
     * @return a Woodstox factory under the {@link XmlLimits}, DTDs and external entities off — the
     *         settings of every parser this client makes itself
     */
    static XMLInputFactory parsers(boolean namespaceAware) {
        XMLInputFactory factory = new WstxInputFactory();
        factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, namespaceAware);
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, Boolean.FALSE);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, Boolean.FALSE);
        factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, Boolean.FALSE);
        factory.setProperty(WstxInputProperties.P_MAX_CHILDREN_PER_ELEMENT, XmlLimits.MAX_CHILD_ELEMENTS);
        factory.setProperty(WstxInputProperties.P_MAX_ELEMENT_DEPTH, XmlLimits.MAX_ELEMENT_DEPTH);
        factory.setProperty(WstxInputProperties.P_MAX_ATTRIBUTES_PER_ELEMENT, XmlLimits.MAX_ATTRIBUTE_COUNT);
        factory.setProperty(WstxInputProperties.P_MAX_ATTRIBUTE_SIZE, XmlLimits.MAX_ATTRIBUTE_SIZE);
        factory.setProperty(WstxInputProperties.P_MAX_TEXT_LENGTH, XmlLimits.MAX_TEXT_LENGTH);
        factory.setProperty(WstxInputProperties.P_MAX_ELEMENT_COUNT, XmlLimits.MAX_ELEMENT_COUNT);
        factory.setProperty(WstxInputProperties.P_MAX_CHARACTERS, XmlLimits.MAX_XML_CHARACTERS);
        return factory;
    }

    /**
     * An answer as read, with the names of the elements skipped and the attributes ignored as unknown.
     *
     * @param answer            the root element's object
     * @param skipped           the unknown elements' names, in document order
     * @param ignoredAttributes the unknown attributes' names on the elements read, in document order
     * @param <T>               the root's class
     */
    record Read<T>(T answer, List<QName> skipped, List<QName> ignoredAttributes) {
        Read {
            skipped = List.copyOf(skipped);
            ignoredAttributes = List.copyOf(ignoredAttributes);
        }
    }

    /** An answer body that is not the expected contract element: not XML, hostile, or another element. */
    static final class UnreadableAnswer extends RuntimeException {
        private static final long serialVersionUID = 1L;

        UnreadableAnswer(String message, Throwable cause) {
            super(message, cause, false, false);
        }
    }

    /**
     * @param body the answer's bytes; read to the end of the root element, not closed
     * @param type the generated class of the expected root element, e.g. {@code ErrorResponse}
     * @param <T>  that class
     * @return the answer
     * @throws UnreadableAnswer when the body is not that element of the contract; its message
     *                          quotes no content of the body beyond element names
     */
    public static <T> T read(InputStream body, Class<T> type) {
        Read<T> read = readCounting(body, type);
        UnknownContent.summarise(type.getSimpleName(), read.skipped().size(), read.ignoredAttributes().size());
        return read.answer();
    }

    /**
     * @param body the answer's bytes
     * @param type the generated class of the expected root element
     * @param <T>  that class
     * @return the answer and what was skipped
     * @throws UnreadableAnswer as {@link #read(InputStream, Class)}
     */
    static <T> Read<T> readCounting(InputStream body, Class<T> type) {
        List<QName> skipped = new ArrayList<>();
        List<QName> ignoredAttributes = new ArrayList<>();
        XMLStreamReader parser = null;
        try {
            parser = UnknownContent.attributeCounting(new DtdRefusing(Shared.PARSERS.createXMLStreamReader(body)),
                    ignoredAttributes::add);
            Unmarshaller unmarshaller = Shared.CONTEXT.createUnmarshaller();
            unmarshaller.setEventHandler(UnknownContent.forParser(parser, skipped::add));
            Object root = unmarshaller.unmarshal(parser);
            Object value = root instanceof JAXBElement<?> element ? element.getValue() : root;
            if (!type.isInstance(value)) {
                throw new UnreadableAnswer("the answer is " + value.getClass().getSimpleName() + ", not "
                        + type.getSimpleName(), null);
            }
            return new Read<>(type.cast(value), skipped, ignoredAttributes);
        } catch (XMLStreamException | JAXBException e) {
            String detail = e.getMessage() == null ? e.getClass().getSimpleName()
                    : SensitiveNames.scrub(e.getMessage().replaceAll("\\s+", " "));
            throw new UnreadableAnswer("the answer is not a readable " + type.getSimpleName() + " (" + detail + ")",
                    SensitiveNames.scrubbedCopy(e, List.of()));
        } finally {
            if (parser != null) {
                try {
                    parser.close();
                } catch (XMLStreamException e) {
                    // Nothing to release beyond what the stream's owner closes.
                }
            }
        }
    }

    /**
     * The text of the first element of the contract's namespace with this local name, read under the
     * same limits. For leaves JAXB reads leniently: a missing or misspelt {@code xs:boolean} would
     * otherwise come out as {@code false}.
     *
     * @param body      the answer's bytes, already read by {@link #read(InputStream, Class)}
     * @param localName the element's local name
     * @return its text, stripped; empty when there is no such element
     * @throws UnreadableAnswer when the body is not readable XML
     */
    static java.util.Optional<String> leafText(byte[] body, String localName) {
        XMLStreamReader parser = null;
        try {
            parser = new DtdRefusing(Shared.PARSERS.createXMLStreamReader(new java.io.ByteArrayInputStream(body)));
            while (parser.hasNext()) {
                if (parser.next() == XMLStreamConstants.START_ELEMENT && localName.equals(parser.getLocalName())
                        && io.github.devpayls.ls.contract.LicenseServiceFacts.NAMESPACE.equals(parser.getNamespaceURI())) {
                    return java.util.Optional.of(parser.getElementText().strip());
                }
            }
            return java.util.Optional.empty();
        } catch (XMLStreamException e) {
            throw new UnreadableAnswer("the answer's " + localName + " is not readable text", null);
        } finally {
            if (parser != null) {
                try {
                    parser.close();
                } catch (XMLStreamException e) {
                    // Nothing to release for a byte-array source.
                }
            }
        }
    }

    /** Refuses a document type declaration outright, as the SOAP path does: no DTD is ever needed. */
    private static final class DtdRefusing extends StreamReaderDelegate {
        DtdRefusing(XMLStreamReader reader) {
            super(reader);
        }

        @Override
        public int next() throws XMLStreamException {
            int event = super.next();
            if (event == XMLStreamConstants.DTD) {
                throw new XMLStreamException("a document type declaration is not allowed in an answer");
            }
            return event;
        }
    }
}
