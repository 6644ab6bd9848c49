package io.github.devpayls.ls.internal;

import io.github.devpayls.ls.contract.XmlLimits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.apache.cxf.message.Message;
import org.apache.cxf.message.MessageImpl;
import org.apache.cxf.staxutils.StaxUtils;
import org.junit.jupiter.api.Test;

/**
 * The limits as CXF applies them to a message reader ({@code StaxUtils.configureReader}, what its
 * {@code StaxInInterceptor} does for the client and the simulator), over input that arrives whole
 * and input that arrives in small pieces, as a peer controlling its TCP segments can send it.
 */
class XmlLimitsTest {

    @Test
    void textNodeOverTheLimit_arrivingWhole_isRefused() {
        String document = element("A".repeat(XmlLimits.MAX_TEXT_LENGTH + 1));

        assertThatThrownBy(() -> readAllText(new ByteArrayInputStream(bytes(document))))
                .hasMessageContaining("Text size limit");
    }

    /**
     * Pins a Woodstox behaviour the docs rely on: its text limit is checked per text segment, and a
     * non-coalescing reader (CXF's) hands a text node that arrives in pieces over in segments. So
     * the text limit is only a first line; the real bound on one text node is the document limit.
     * If this test fails, Woodstox started enforcing the limit per node: update
     * docs/failure-handling.md.
     */
    @Test
    void textNodeOverTheLimit_arrivingInSmallPieces_passesTheTextLimit_soTheDocumentLimitIsTheBound() throws Exception {
        String text = "A".repeat(XmlLimits.MAX_TEXT_LENGTH * 2);

        assertThat(readAllText(new TrickleInputStream(bytes(element(text)), 7))).isEqualTo(text);
    }

    @Test
    void documentOverTheCharacterLimit_isRefused_evenWhenItArrivesInSmallPieces() {
        String document = element("A".repeat((int) XmlLimits.MAX_XML_CHARACTERS + 1));

        assertThatThrownBy(() -> readAllText(new TrickleInputStream(bytes(document), 7)))
                .hasMessageContaining("Maximum document characters limit");
    }

    @Test
    void documentOverTheElementLimit_isRefused() {
        // Within the child limit at every level: 20 groups of 600, 12,021 elements in all.
        String group = "<g>" + "<e/>".repeat(600) + "</g>";
        String document = "<r>" + group.repeat(20) + "</r>";

        assertThatThrownBy(() -> readAllText(new TrickleInputStream(bytes(document), 7)))
                .hasMessageContaining("Maximum Element Count");
    }

    private static String readAllText(InputStream in) throws XMLStreamException {
        Message message = new MessageImpl();
        message.putAll(XmlLimits.asCxfProperties());
        XMLStreamReader reader = StaxUtils.configureReader(StaxUtils.createXMLStreamReader(in), message);
        StringBuilder text = new StringBuilder();
        while (reader.hasNext()) {
            if (reader.next() == XMLStreamConstants.CHARACTERS) {
                text.append(reader.getText());
            }
        }
        return text.toString();
    }

    private static String element(String text) {
        return "<r>" + text + "</r>";
    }

    private static byte[] bytes(String document) {
        return document.getBytes(StandardCharsets.UTF_8);
    }

    /** Hands over at most {@code piece} bytes per read, as a slow or deliberately split peer does. */
    private static final class TrickleInputStream extends InputStream {
        private final byte[] data;
        private final int piece;
        private int position;

        TrickleInputStream(byte[] data, int piece) {
            this.data = data;
            this.piece = piece;
        }

        @Override
        public int read() {
            return position < data.length ? data[position++] & 0xff : -1;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            if (position >= data.length) {
                return -1;
            }
            int count = Math.min(Math.min(length, piece), data.length - position);
            System.arraycopy(data, position, buffer, offset, count);
            position += count;
            return count;
        }
    }
}
