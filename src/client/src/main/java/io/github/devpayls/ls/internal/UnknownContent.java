package io.github.devpayls.ls.internal;

import jakarta.xml.bind.ValidationEvent;
import jakarta.xml.bind.ValidationEventHandler;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javax.xml.namespace.QName;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamReader;
import org.apache.cxf.message.Message;
import org.apache.cxf.phase.PhaseInterceptorChain;
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
 * where it stands rather than reading JAXB's message text, which is localised. Unknown attributes
 * never reach it: JAXB skips them without an event, so they are tolerated but not counted.
 *
 * <p>Over SOAP, CXF installs this handler through {@code jaxb-validation-event-handler}; without
 * one it would install its own, which fails every unexpected element.
 */
final class UnknownContent implements ValidationEventHandler {

    /** Logger of the skipped-element lines. */
    static final String LOGGER_NAME = "io.github.devpayls.ls.contract.evolution";

    /** Message property counting the skipped elements of one SOAP answer. */
    static final String COUNT_KEY = UnknownContent.class.getName() + ".count";

    private static final Logger LOG = LoggerFactory.getLogger(LOGGER_NAME);

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
                message.put(COUNT_KEY, count(message) + 1);
            }
        });
    }

    /**
     * @param parser    the parser JAXB reads from
     * @param onSkipped told the name of each skipped element
     * @return a handler for one read
     */
    static UnknownContent forParser(XMLStreamReader parser, Consumer<QName> onSkipped) {
        return new UnknownContent(() -> parser, onSkipped);
    }

    /**
     * @param message a CXF message
     * @return how many unknown elements reading it skipped
     */
    static int count(Message message) {
        return message.get(COUNT_KEY) instanceof Integer n ? n : 0;
    }

    @Override
    public boolean handleEvent(ValidationEvent event) {
        XMLStreamReader at = parser.get();
        if (event.getSeverity() != ValidationEvent.ERROR || at == null
                || at.getEventType() != XMLStreamConstants.START_ELEMENT) {
            return false;
        }
        QName name = at.getName();
        onSkipped.accept(name);
        // Names only: a skipped element's content may be anything, secrets included.
        LOG.debug("answer element {} is not in the contract; skipped with its content (line {})", name,
                at.getLocation() == null ? -1 : at.getLocation().getLineNumber());
        return true;
    }
}
