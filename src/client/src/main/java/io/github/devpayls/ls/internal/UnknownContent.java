package io.github.devpayls.ls.internal;

import io.github.devpayls.ls.contract.LicenseServiceFacts;
import io.github.devpayls.ls.contract.generated.ActivateDesktopProductResponse;
import jakarta.xml.bind.ValidationEvent;
import jakarta.xml.bind.ValidationEventHandler;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javax.xml.XMLConstants;
import javax.xml.namespace.QName;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import javax.xml.stream.util.StreamReaderDelegate;
import org.apache.cxf.binding.soap.SoapHeader;
import org.apache.cxf.binding.soap.SoapMessage;
import org.apache.cxf.headers.Header;
import org.apache.cxf.interceptor.Fault;
import org.apache.cxf.message.Message;
import org.apache.cxf.phase.AbstractPhaseInterceptor;
import org.apache.cxf.phase.Phase;
import org.apache.cxf.phase.PhaseInterceptorChain;
import org.apache.cxf.wsdl.interceptors.DocLiteralInInterceptor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one decision on what an answer may carry beyond the contract, for every operation and both
 * transports: an element the contract does not name — in any namespace, anywhere in a result, a
 * response or {@code ResponseMetadata} — is skipped with its whole subtree, counted, and named in a
 * DEBUG line on {@value #LOGGER_NAME}; everything else JAXB objects to (a value it cannot convert,
 * a wrong root element) still fails the read. The service grew its answers by adding elements
 * (spec, "Contract evolution"); what the contract requires is checked after reading, by the
 * operation's mapping ({@link ActivationMessages}).
 *
 * <p>How the two are told apart: JAXB reports an unexpected element while the parser stands on
 * that element's start tag, and every other complaint elsewhere. The handler asks the parser
 * where it stands rather than reading JAXB's message text, which is localised.
 *
 * <p>Unknown attributes never reach the handler: JAXB drops them without an event. So the parser
 * JAXB reads from is wrapped ({@link #attributeCounting}; over SOAP by {@link Attributes}), and the
 * wrapper counts and names in a DEBUG line every attribute of an element JAXB reads that the
 * contract does not give it — all of them but {@code xsi:*} and the foreign ones of
 * {@code Error/Detail} ({@code anyAttribute namespace="##other"}). Attributes inside a skipped
 * element are skipped with it, uncounted.
 *
 * <p>SOAP header blocks the client does not know are skipped and counted too — except one marked
 * {@code mustUnderstand="1"} for the client (no actor, or the {@code next} actor): the SOAP rule
 * says such a message must not be processed, so {@link MustUnderstand} refuses the answer, which
 * the caller gets as a {@code ProtocolFailureException} naming the header. The client understands
 * no header at all.
 *
 * <p>Over SOAP, CXF installs this handler through {@code jaxb-validation-event-handler}; without
 * one it would install its own, which fails every unexpected element.
 */
final class UnknownContent implements ValidationEventHandler {

    /** Logger of the skipped-element lines. */
    static final String LOGGER_NAME = "io.github.devpayls.ls.contract.evolution";

    /** The CXF property that installs a JAXB validation event handler for reading answers. */
    static final String CXF_PROPERTY = "jaxb-validation-event-handler";

    /** Message property counting the skipped elements (header blocks included) of one SOAP answer. */
    static final String COUNT_KEY = UnknownContent.class.getName() + ".count";

    /** Message property counting the ignored attributes of one SOAP answer. */
    static final String ATTRIBUTE_COUNT_KEY = UnknownContent.class.getName() + ".attributes";

    private static final Logger LOG = LoggerFactory.getLogger(LOGGER_NAME);

    /** The one contract element that takes foreign attributes ({@code anyAttribute namespace="##other"}). */
    private static final QName DETAIL = new QName(LicenseServiceFacts.NAMESPACE, "Detail");

    private final Supplier<XMLStreamReader> parser;
    private final Consumer<QName> onSkipped;

    private UnknownContent(Supplier<XMLStreamReader> parser, Consumer<QName> onSkipped) {
        this.parser = parser;
        this.onSkipped = onSkipped;
    }

    /**
     * @return the handler for CXF: it finds the parser of the answer being read in the current
     *         message, and counts in that message under {@link #COUNT_KEY}
     */
    static UnknownContent forCxf() {
        return new UnknownContent(() -> {
            Message message = PhaseInterceptorChain.getCurrentMessage();
            return message == null ? null : message.getContent(XMLStreamReader.class);
        }, name -> {
            Message message = PhaseInterceptorChain.getCurrentMessage();
            if (message != null) {
                increment(message, COUNT_KEY);
            }
        });
    }

    /**
     * @param parser    the parser JAXB is to read from
     * @param onIgnored told the name of each unknown attribute of an element JAXB reads
     * @return the parser to give JAXB (and {@link #forParser}): it counts unknown attributes
     */
    static XMLStreamReader attributeCounting(XMLStreamReader parser, Consumer<QName> onIgnored) {
        return new AttributeCounting(parser, onIgnored);
    }

    private static void increment(Message message, String key) {
        message.put(key, (message.get(key) instanceof Integer n ? n : 0) + 1);
    }

    /**
     * @param parser    the parser JAXB reads from
     * @param onSkipped told the name of each skipped element
     * @return a handler for one read
     */
    static UnknownContent forParser(XMLStreamReader parser, Consumer<QName> onSkipped) {
        return new UnknownContent(() -> parser, onSkipped);
    }

    private static int counted(Message message, String key) {
        return message.get(key) instanceof Integer n ? n : 0;
    }

    /**
     * Logs, at DEBUG, one line per answer that grew beyond the contract: how much was skipped, beside
     * the line per item. Nothing when the answer is exactly the contract's.
     *
     * @param answer     the answer's root element, e.g. {@code ActivateDesktopProductResponse}
     * @param elements   the unknown elements (and SOAP header blocks) skipped
     * @param attributes the unknown attributes ignored
     */
    static void summarise(String answer, int elements, int attributes) {
        if ((elements > 0 || attributes > 0) && LOG.isDebugEnabled()) {
            LOG.debug("answer {} grew beyond the contract: {} unknown element{} skipped, {} unknown attribute{} ignored",
                    answer, elements, elements == 1 ? "" : "s", attributes, attributes == 1 ? "" : "s");
        }
    }

    /** Over SOAP: the per-answer summary, once JAXB has read the body. */
    static final class Summary extends AbstractPhaseInterceptor<Message> {

        Summary() {
            super(Phase.POST_UNMARSHAL);
        }

        @Override
        public void handleMessage(Message message) {
            summarise(ActivateDesktopProductResponse.class.getSimpleName(), counted(message, COUNT_KEY),
                    counted(message, ATTRIBUTE_COUNT_KEY));
        }
    }

    @Override
    public boolean handleEvent(ValidationEvent event) {
        if (event.getSeverity() == ValidationEvent.WARNING) {
            // JAXB's own notice that it stops reporting after ten complaints; it goes on skipping.
            LOG.debug("answer has more unknown elements than JAXB reports; the rest are skipped uncounted");
            return true;
        }
        XMLStreamReader at = parser.get();
        if (event.getSeverity() != ValidationEvent.ERROR || at == null
                || at.getEventType() != XMLStreamConstants.START_ELEMENT) {
            return false;
        }
        QName name = at.getName();
        if (at instanceof AttributeCounting counting) {
            counting.skippingCurrent();
        }
        onSkipped.accept(name);
        // Names only: a skipped element's content may be anything, secrets included.
        LOG.debug("answer element {} is not in the contract; skipped with its content (line {})", name,
                at.getLocation() == null ? -1 : at.getLocation().getLineNumber());
        return true;
    }

    /**
     * Refuses an answer with a header block that must be understood: CXF's client does not check
     * this for responses by itself.
     */
    static final class MustUnderstand extends AbstractPhaseInterceptor<SoapMessage> {

        private static final String NEXT_ACTOR = "http://schemas.xmlsoap.org/soap/actor/next";

        MustUnderstand() {
            super(Phase.PRE_PROTOCOL);
        }

        @Override
        public void handleMessage(SoapMessage message) {
            for (Header header : message.getHeaders()) {
                if (header instanceof SoapHeader soap && soap.isMustUnderstand()
                        && (soap.getActor() == null || soap.getActor().isEmpty() || NEXT_ACTOR.equals(soap.getActor()))) {
                    throw new Fault(new IllegalStateException("the answer has a header block " + header.getName()
                            + " marked mustUnderstand, which this client does not understand"));
                }
            }
            for (Header header : message.getHeaders()) {
                increment(message, COUNT_KEY);
                LOG.debug("answer header block {} is not in the contract; ignored", header.getName());
            }
        }
    }

    /**
     * Over SOAP: puts the attribute-counting parser under the body before CXF's JAXB reads it; the
     * envelope and header were read already.
     */
    static final class Attributes extends AbstractPhaseInterceptor<Message> {

        Attributes() {
            super(Phase.UNMARSHAL);
            addBefore(DocLiteralInInterceptor.class.getName());
        }

        @Override
        public void handleMessage(Message message) {
            XMLStreamReader body = message.getContent(XMLStreamReader.class);
            if (body != null && !(body instanceof AttributeCounting)) {
                message.setContent(XMLStreamReader.class,
                        attributeCounting(body, name -> increment(message, ATTRIBUTE_COUNT_KEY)));
            }
        }
    }

    /**
     * Counts the unknown attributes of each element it passes while no skipped element is open.
     * An element's attributes are settled when the parser moves on, because JAXB decides to skip an
     * element only while standing on its start tag.
     */
    private static final class AttributeCounting extends StreamReaderDelegate {

        private final Consumer<QName> onIgnored;
        private QName element;
        private List<QName> pending = List.of();
        private int skippedDepth;

        AttributeCounting(XMLStreamReader parser, Consumer<QName> onIgnored) {
            super(parser);
            this.onIgnored = onIgnored;
            if (parser.getEventType() == XMLStreamConstants.START_ELEMENT) {
                arrived(XMLStreamConstants.START_ELEMENT);
            }
        }

        /** The element the parser stands on is skipped: its attributes and its content are not counted. */
        void skippingCurrent() {
            pending = List.of();
            skippedDepth = 1;
        }

        @Override
        public int next() throws XMLStreamException {
            settle();
            return arrived(super.next());
        }

        @Override
        public int nextTag() throws XMLStreamException {
            settle();
            return arrived(super.nextTag());
        }

        @Override
        public String getElementText() throws XMLStreamException {
            settle();
            String text = super.getElementText();
            arrived(XMLStreamConstants.END_ELEMENT);
            return text;
        }

        private int arrived(int event) {
            if (event == XMLStreamConstants.START_ELEMENT) {
                if (skippedDepth > 0) {
                    skippedDepth++;
                } else {
                    element = getName();
                    pending = unknownAttributes();
                }
            } else if (event == XMLStreamConstants.END_ELEMENT && skippedDepth > 0) {
                skippedDepth--;
            }
            return event;
        }

        private List<QName> unknownAttributes() {
            int count = getAttributeCount();
            if (count == 0) {
                return List.of();
            }
            boolean detail = DETAIL.equals(element);
            List<QName> unknown = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                QName attribute = getAttributeName(i);
                String namespace = attribute.getNamespaceURI();
                boolean otherNamespace = !namespace.isEmpty() && !namespace.equals(LicenseServiceFacts.NAMESPACE);
                if (!XMLConstants.W3C_XML_SCHEMA_INSTANCE_NS_URI.equals(namespace) && !(detail && otherNamespace)) {
                    unknown.add(attribute);
                }
            }
            return unknown;
        }

        private void settle() {
            if (pending.isEmpty()) {
                return;
            }
            // Names only: an attribute's value may be anything.
            LOG.debug("answer element {} carries attributes {} not in the contract; ignored", element, pending);
            pending.forEach(onIgnored);
            pending = List.of();
        }
    }
}
