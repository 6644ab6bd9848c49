package io.github.devpayls.ls.internal;

import io.github.devpayls.ls.ServiceError;
import io.github.devpayls.ls.contract.LicenseServiceFacts;
import io.github.devpayls.ls.contract.XmlLimits;
import io.github.devpayls.ls.contract.generated.ErrorResponse;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.apache.cxf.interceptor.Fault;
import org.apache.cxf.message.Message;
import org.apache.cxf.phase.AbstractPhaseInterceptor;
import org.apache.cxf.phase.Phase;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Error answers that reach the SOAP client in a form CXF cannot read as a SOAP 1.1 fault, and
 * would otherwise lose the service's code: a SOAP 1.2 fault (wrong envelope namespace for this
 * binding), a REST-Query {@code ErrorResponse} (no envelope at all), and a SOAP 1.1 fault using a
 * prefix it never declares (not namespace-well-formed, so the parser stops). Read here, before CXF
 * parses, and only for answers whose HTTP status is not 2xx: a success is never buffered twice.
 * A body CXF can read (a correct SOAP 1.1 envelope), or one that is none of the three, goes on to
 * CXF unchanged. What these bodies say is translated by {@link FaultTranslator}, the same as a
 * SOAP 1.1 fault.
 */
final class ErrorBodies {

    private static final String SOAP12_ENVELOPE_NAMESPACE = "http://www.w3.org/2003/05/soap-envelope";
    private static final String ENVELOPE = "Envelope";

    /** Namespace-unaware, so an undeclared prefix is just part of a name; the XmlLimits still apply. */
    private static final XMLInputFactory PLAIN_PARSERS = plainParsers();

    private ErrorBodies() {
    }

    private static XMLInputFactory plainParsers() {
        return RestAnswers.parsers(false);
    }

    /**
     * @param body         a whole error body
     * @param knownSecrets secret values of the request, scrubbed from messages
     * @return the service's error, or empty when CXF should read the body (a namespace-correct
     *         SOAP 1.1 envelope) or nothing here recognises it
     */
    static Optional<ServiceError> translate(byte[] body, Collection<String> knownSecrets) {
        Parsed parsed;
        try {
            parsed = parse(body);
        } catch (XMLStreamException | ParserConfigurationException | RuntimeException e) {
            return Optional.empty();
        }
        Element root = parsed.document().getDocumentElement();
        String local = localName(root);
        if (local.equals("ErrorResponse")) {
            try {
                ErrorResponse response = RestAnswers.read(new ByteArrayInputStream(body), ErrorResponse.class);
                return Optional.of(FaultTranslator.fromErrorResponse(response, knownSecrets));
            } catch (RestAnswers.UnreadableAnswer e) {
                return Optional.empty();
            }
        }
        if (!local.equals(ENVELOPE)) {
            return Optional.empty();
        }
        String namespace = declared(root, prefix(root));
        Element fault = child(child(root, "Body"), "Fault");
        if (fault == null) {
            return Optional.empty();
        }
        if (SOAP12_ENVELOPE_NAMESPACE.equals(namespace)) {
            Element code = child(fault, "Code");
            return Optional.of(FaultTranslator.translateSoap12(text(child(code, "Value")),
                    text(child(child(code, "Subcode"), "Value")), text(child(child(fault, "Reason"), "Text")),
                    child(fault, "Detail"), knownSecrets));
        }
        if (LicenseServiceFacts.SOAP11_ENVELOPE_NAMESPACE.equals(namespace) && parsed.undeclaredPrefix()) {
            return Optional.of(FaultTranslator.translate(text(child(fault, "faultcode")),
                    text(child(fault, "faultstring")), child(fault, "detail"), knownSecrets));
        }
        return Optional.empty();
    }

    private record Parsed(Document document, boolean undeclaredPrefix) {
    }

    /** Builds a namespace-unaware DOM, noting whether any element or attribute uses a prefix never declared. */
    private static Parsed parse(byte[] body) throws XMLStreamException, ParserConfigurationException {
        DocumentBuilderFactory builders = DocumentBuilderFactory.newDefaultInstance();
        Document document = builders.newDocumentBuilder().newDocument();
        XMLStreamReader reader = PLAIN_PARSERS.createXMLStreamReader(new ByteArrayInputStream(body));
        Deque<Set<String>> scopes = new ArrayDeque<>();
        Deque<Element> open = new ArrayDeque<>();
        boolean undeclared = false;
        try {
            while (reader.hasNext()) {
                int event = reader.next();
                if (event == XMLStreamConstants.DTD) {
                    throw new XMLStreamException("a document type declaration is not allowed in an answer");
                }
                if (event == XMLStreamConstants.START_ELEMENT) {
                    Element element = document.createElement(reader.getLocalName());
                    Set<String> scope = new HashSet<>(scopes.isEmpty() ? Set.of("xml") : scopes.peek());
                    for (int i = 0; i < reader.getAttributeCount(); i++) {
                        String name = reader.getAttributeLocalName(i);
                        element.setAttribute(name, reader.getAttributeValue(i));
                        if (name.startsWith("xmlns:")) {
                            scope.add(name.substring("xmlns:".length()));
                        }
                    }
                    undeclared |= !scope.contains(prefixOf(element.getTagName()));
                    for (int i = 0; i < reader.getAttributeCount(); i++) {
                        String name = reader.getAttributeLocalName(i);
                        undeclared |= !name.startsWith("xmlns") && !scope.contains(prefixOf(name));
                    }
                    (open.isEmpty() ? document : open.peek()).appendChild(element);
                    open.push(element);
                    scopes.push(scope);
                } else if (event == XMLStreamConstants.END_ELEMENT) {
                    open.pop();
                    scopes.pop();
                } else if ((event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA)
                        && !open.isEmpty()) {
                    open.peek().appendChild(document.createTextNode(reader.getText()));
                }
            }
        } finally {
            reader.close();
        }
        if (document.getDocumentElement() == null) {
            throw new XMLStreamException("no root element");
        }
        return new Parsed(document, undeclared);
    }

    // The empty string stands for "no prefix", which is always in scope.
    private static String prefixOf(String name) {
        int colon = name.indexOf(':');
        return colon < 0 ? "" : name.substring(0, colon);
    }

    private static String prefix(Element element) {
        return prefixOf(element.getTagName());
    }

    private static String localName(Element element) {
        String name = element.getTagName();
        return name.substring(name.indexOf(':') + 1);
    }

    private static String declared(Element element, String prefix) {
        String attribute = prefix.isEmpty() ? "xmlns" : "xmlns:" + prefix;
        return element.hasAttribute(attribute) ? element.getAttribute(attribute) : null;
    }

    private static Element child(Element parent, String local) {
        if (parent == null) {
            return null;
        }
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element && localName(element).equals(local)) {
                return element;
            }
        }
        return null;
    }

    private static String text(Element element) {
        return element == null ? null : element.getTextContent();
    }

    /** Carries an error read here through CXF's chain to the client's failure path. */
    static final class Translated extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient ServiceError error;

        Translated(ServiceError error) {
            // The code only: the message is the service's, already scrubbed, and stays on the error.
            super("the service answered with an error CXF cannot read as a SOAP 1.1 fault: " + error.rawCode(),
                    null, false, false);
            this.error = error;
        }

        ServiceError error() {
            return error;
        }

        /**
         * @param failure what an invocation threw
         * @return the error this reader translated on the way, if it did
         */
        static Optional<ServiceError> in(Throwable failure) {
            int depth = 0;
            for (Throwable t = failure; t != null && depth < 16; t = t.getCause(), depth++) {
                if (t instanceof Translated translated) {
                    return Optional.of(translated.error);
                }
            }
            return Optional.empty();
        }
    }

    /**
     * Reads a non-2xx body before CXF does. Up to {@link XmlLimits#MAX_XML_CHARACTERS} bytes are
     * buffered; a longer body goes on to CXF whole, whose limits then refuse it as before.
     */
    static final class Reader extends AbstractPhaseInterceptor<Message> {

        Reader() {
            super(Phase.RECEIVE);
            addAfter(AttemptTrace.Recorder.class.getName());
        }

        @Override
        public void handleMessage(Message message) {
            Object code = message.get(Message.RESPONSE_CODE);
            InputStream body = message.getContent(InputStream.class);
            if (!(code instanceof Integer status) || (status >= 200 && status < 300) || body == null) {
                return;
            }
            byte[] read;
            try {
                read = readUpTo(body, XmlLimits.MAX_XML_CHARACTERS + 1);
            } catch (IOException e) {
                throw new Fault(e);
            }
            if (read.length > XmlLimits.MAX_XML_CHARACTERS) {
                message.setContent(InputStream.class, new SequenceInputStream(new ByteArrayInputStream(read), body));
                return;
            }
            AttemptTrace trace = AttemptTrace.of(message);
            List<String> secrets = trace == null ? List.of() : trace.secrets();
            Optional<ServiceError> error = translate(read, secrets);
            if (error.isPresent()) {
                throw new Fault(new Translated(error.get()));
            }
            message.setContent(InputStream.class, new ByteArrayInputStream(read));
        }

        private static byte[] readUpTo(InputStream in, long limit) throws IOException {
            ByteArrayOutputStream out = new ByteArrayOutputStream(1024);
            byte[] chunk = new byte[8192];
            int n;
            while (out.size() < limit && (n = in.read(chunk, 0, (int) Math.min(chunk.length, limit - out.size()))) >= 0) {
                out.write(chunk, 0, n);
            }
            return out.toByteArray();
        }
    }
}
