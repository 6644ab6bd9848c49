package io.github.devpayls.ls.internal;

import io.github.devpayls.ls.FaultType;
import io.github.devpayls.ls.RequestId;
import io.github.devpayls.ls.ServiceError;
import io.github.devpayls.ls.ServiceErrorCode;
import io.github.devpayls.ls.contract.LicenseServiceFacts;
import io.github.devpayls.ls.contract.XmlLimits;
import io.github.devpayls.ls.contract.generated.ErrorResponse;
import io.github.devpayls.ls.contract.generated.RefreshUserTokenResponse;
import io.github.devpayls.ls.contract.generated.RestError;
import io.github.devpayls.ls.contract.generated.VerifyProductSubscriptionByTokensResponse;
import jakarta.xml.bind.JAXBContext;
import jakarta.xml.bind.JAXBElement;
import jakarta.xml.bind.JAXBException;
import jakarta.xml.bind.Unmarshaller;
import java.io.ByteArrayInputStream;
import java.util.Collection;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import javax.xml.stream.util.StreamReaderDelegate;

/**
 * Reads REST-Query answer bodies into the generated contract classes, under the {@link XmlLimits}
 * and with DTDs refused; unknown elements are skipped (JAXB's default), so a newer service's
 * additions do not break the reading. The one place that reads REST-Query XML, kept small so the
 * shared tolerant reader can replace it.
 */
final class RestAnswers {

    private static final String SUBSCRIBED = "Subscribed";

    private RestAnswers() {
    }

    /** Created on first REST call: a client that only activates never pays for this context. */
    private static final class Jaxb {
        static final JAXBContext CONTEXT = create();

        private static JAXBContext create() {
            try {
                return JAXBContext.newInstance(ErrorResponse.class, VerifyProductSubscriptionByTokensResponse.class,
                        RefreshUserTokenResponse.class);
            } catch (JAXBException e) {
                throw new IllegalStateException("the contract classes cannot be bound", e);
            }
        }
    }

    /** Woodstox with the limits; created per read, since a factory's properties are not per document. */
    private static XMLInputFactory factory() {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, Boolean.FALSE);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, Boolean.FALSE);
        factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, Boolean.FALSE);
        factory.setProperty("com.ctc.wstx.maxChildrenPerElement", XmlLimits.MAX_CHILD_ELEMENTS);
        factory.setProperty("com.ctc.wstx.maxElementDepth", XmlLimits.MAX_ELEMENT_DEPTH);
        factory.setProperty("com.ctc.wstx.maxAttributesPerElement", XmlLimits.MAX_ATTRIBUTE_COUNT);
        factory.setProperty("com.ctc.wstx.maxAttributeSize", XmlLimits.MAX_ATTRIBUTE_SIZE);
        factory.setProperty("com.ctc.wstx.maxTextLength", XmlLimits.MAX_TEXT_LENGTH);
        factory.setProperty("com.ctc.wstx.maxElementCount", XmlLimits.MAX_ELEMENT_COUNT);
        factory.setProperty("com.ctc.wstx.maxCharacters", XmlLimits.MAX_XML_CHARACTERS);
        return factory;
    }

    /**
     * @param body     the answer's bytes
     * @param expected the root element's class
     * @param <T>      its type
     * @return the document read, and which element names it held
     * @throws UnreadableAnswer when it is not well-formed XML within the limits, or another element
     */
    static <T> Read<T> read(byte[] body, Class<T> expected) throws UnreadableAnswer {
        XMLStreamReader reader = null;
        try {
            reader = factory().createXMLStreamReader(new ByteArrayInputStream(body));
            Set<String> seen = new HashSet<>();
            StringBuilder subscribedText = new StringBuilder();
            XMLStreamReader watching = new StreamReaderDelegate(reader) {
                private boolean inSubscribed;

                @Override
                public int next() throws XMLStreamException {
                    int event = super.next();
                    if (event == XMLStreamConstants.DTD) {
                        throw new XMLStreamException("a DTD is not allowed in an answer");
                    }
                    if (event == XMLStreamConstants.START_ELEMENT
                            && LicenseServiceFacts.NAMESPACE.equals(getNamespaceURI())) {
                        seen.add(getLocalName());
                        inSubscribed = SUBSCRIBED.equals(getLocalName());
                    } else if (event == XMLStreamConstants.END_ELEMENT) {
                        inSubscribed = false;
                    } else if (inSubscribed && (event == XMLStreamConstants.CHARACTERS
                            || event == XMLStreamConstants.CDATA) && subscribedText.length() < 16) {
                        // JAXB reads any text but "true"/"1" as false; the contract says xs:boolean.
                        subscribedText.append(getText());
                    }
                    return event;
                }
            };
            Unmarshaller unmarshaller = Jaxb.CONTEXT.createUnmarshaller();
            Object root = unmarshaller.unmarshal(watching);
            if (root instanceof JAXBElement<?> element) {
                root = element.getValue();
            }
            if (!expected.isInstance(root)) {
                throw new UnreadableAnswer("the answer is " + root.getClass().getSimpleName() + ", not "
                        + expected.getSimpleName());
            }
            return new Read<>(expected.cast(root), Set.copyOf(seen), subscribedText.toString().strip());
        } catch (JAXBException | XMLStreamException | RuntimeException e) {
            Throwable root = e;
            while (root.getCause() != null && root.getCause() != root) {
                root = root.getCause();
            }
            // The parser's text may quote the body; only its class is kept.
            throw new UnreadableAnswer("the answer is not a readable " + expected.getSimpleName() + " ("
                    + root.getClass().getSimpleName() + ")");
        } finally {
            if (reader != null) {
                try {
                    reader.close();
                } catch (XMLStreamException ignored) {
                    // Nothing is left to release for a byte-array source.
                }
            }
        }
    }

    /**
     * @param read a verification answer
     * @return whether the customer is subscribed
     * @throws UnreadableAnswer when {@code Subscribed} is missing (JAXB would read it as false)
     */
    static boolean subscribed(Read<VerifyProductSubscriptionByTokensResponse> read) throws UnreadableAnswer {
        if (read.value().getVerifyProductSubscriptionByTokensResult() == null || !read.elements().contains(SUBSCRIBED)) {
            throw new UnreadableAnswer("the success answer has no VerifyProductSubscriptionByTokensResult/Subscribed");
        }
        return switch (read.subscribedText()) {
            case "true", "1" -> true;
            case "false", "0" -> false;
            default -> throw new UnreadableAnswer("the success answer's Subscribed is not an xs:boolean");
        };
    }

    /**
     * @param metadata the response metadata's request id; may be {@code null}
     * @return the request id when present and not blank
     */
    static Optional<RequestId> requestId(String metadata) {
        return Optional.ofNullable(metadata).filter(id -> !id.isBlank()).map(id -> new RequestId(id.strip()));
    }

    /**
     * Turns the first error of an {@code ErrorResponse} into a {@link ServiceError}: the code from the
     * contract's list (unknown codes kept raw), the type as sent or the code's usual one, the message
     * with secrets scrubbed, the request id.
     *
     * @param response     the error answer
     * @param knownSecrets secret values of the request
     * @return the service error
     * @throws UnreadableAnswer when it holds no error or no code
     */
    static ServiceError toServiceError(ErrorResponse response, Collection<String> knownSecrets) throws UnreadableAnswer {
        if (response.getError().isEmpty()) {
            throw new UnreadableAnswer("the ErrorResponse holds no Error");
        }
        RestError first = response.getError().get(0);
        String raw = first.getCode() == null ? "" : first.getCode().strip();
        if (raw.isEmpty()) {
            throw new UnreadableAnswer("the ErrorResponse's Error has no Code");
        }
        ServiceErrorCode code = ServiceErrorCode.fromWireName(raw);
        String typeText = first.getType() == null ? "" : first.getType().strip();
        FaultType type = typeText.equals("Sender") ? FaultType.SENDER
                : typeText.equals("Receiver") ? FaultType.RECEIVER : code.usualType();
        String message = first.getMessage() == null ? "" : SensitiveNames.scrub(first.getMessage().strip(), knownSecrets);
        return new ServiceError(code, raw, type, message, requestId(response.getRequestId()));
    }

    /**
     * A document read.
     *
     * @param value    the root element as the generated class
     * @param elements local names of the contract's elements it held
     * @param subscribedText the text of a {@code Subscribed} element, stripped; empty when none
     * @param <T>      the root's type
     */
    record Read<T>(T value, Set<String> elements, String subscribedText) {
    }

    /** An answer that is not the contract's XML. The message names parts, never values. */
    static final class UnreadableAnswer extends Exception {
        private static final long serialVersionUID = 1L;

        UnreadableAnswer(String message) {
            super(message, null, false, false);
        }
    }
}
