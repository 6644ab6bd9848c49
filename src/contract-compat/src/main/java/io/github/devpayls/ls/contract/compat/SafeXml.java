package io.github.devpayls.ls.contract.compat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * Reads one contract file into a DOM, bounded and closed to the outside: files over
 * {@link #MAX_BYTES} are refused before parsing, a DOCTYPE is refused (so no entity of any kind is
 * declared or expanded), and the parser may fetch no external DTD or schema.
 */
final class SafeXml {

    /** The contract files are a few tens of KiB; four MiB leaves room and still bounds memory. */
    static final long MAX_BYTES = 4L * 1024 * 1024;

    private SafeXml() {
    }

    static byte[] readBounded(Path file) {
        try {
            if (!Files.isRegularFile(file)) {
                throw new UnreadableContractException(file + ": no such file");
            }
            long size = Files.size(file);
            if (size > MAX_BYTES) {
                throw new UnreadableContractException(file + ": " + size + " bytes, more than the " + MAX_BYTES
                        + " a contract file may have");
            }
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UnreadableContractException(file + ": cannot be read (" + e.getMessage() + ")", e);
        }
    }

    static Document parse(Path file, byte[] content) {
        try {
            DocumentBuilder builder = factory().newDocumentBuilder();
            builder.setErrorHandler(new Strict());
            builder.setEntityResolver((publicId, systemId) -> {
                throw new SAXException("external entity refused: " + systemId);
            });
            InputSource source = new InputSource(new ByteArrayInputStream(content));
            source.setSystemId(file.toUri().toString());
            return builder.parse(source);
        } catch (SAXParseException e) {
            throw new UnreadableContractException(file + ":" + e.getLineNumber() + ":" + e.getColumnNumber() + ": "
                    + e.getMessage(), e);
        } catch (SAXException | IOException | ParserConfigurationException e) {
            throw new UnreadableContractException(file + ": " + e.getMessage(), e);
        }
    }

    private static DocumentBuilderFactory factory() throws ParserConfigurationException {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
        factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
        factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        factory.setXIncludeAware(false);
        factory.setExpandEntityReferences(false);
        return factory;
    }

    private static final class Strict implements ErrorHandler {
        @Override
        public void warning(SAXParseException e) {
            // Warnings do not make a contract unreadable.
        }

        @Override
        public void error(SAXParseException e) throws SAXParseException {
            throw e;
        }

        @Override
        public void fatalError(SAXParseException e) throws SAXParseException {
            throw e;
        }
    }
}
