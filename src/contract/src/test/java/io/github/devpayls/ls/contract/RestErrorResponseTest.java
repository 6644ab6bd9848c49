package io.github.devpayls.ls.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

class RestErrorResponseTest {

    private static final String REQUEST_ID = "0f8b3c3e-6a0b-4c7e-9f31-1d2a4b5c6d7e";

    @Test
    void xml_writesErrorThenRequestId_inTheContractNamespace() throws Exception {
        Element root = parse(RestErrorResponse.xml(ErrorCode.SIGNATURE_DOES_NOT_MATCH, "no match", REQUEST_ID));

        assertThat(root.getNamespaceURI()).isEqualTo(LicenseServiceFacts.NAMESPACE);
        assertThat(root.getLocalName()).isEqualTo("ErrorResponse");
        Element error = elementChildAt(root, 0);
        assertThat(error.getLocalName()).isEqualTo("Error");
        assertThat(elementChildAt(root, 1).getLocalName()).isEqualTo("RequestId");
        assertThat(elementChildAt(root, 1).getTextContent()).isEqualTo(REQUEST_ID);
        assertThat(elementChildAt(error, 0).getLocalName()).isEqualTo("Type");
        assertThat(elementChildAt(error, 0).getTextContent()).isEqualTo("Sender");
        assertThat(elementChildAt(error, 1).getTextContent()).isEqualTo("SignatureDoesNotMatch");
        assertThat(elementChildAt(error, 2).getTextContent()).isEqualTo("no match");
    }

    @Test
    void xml_receiverError_saysReceiver() throws Exception {
        Element root = parse(RestErrorResponse.xml(ErrorCode.INTERNAL_ERROR, "boom", REQUEST_ID));

        assertThat(elementChildAt(elementChildAt(root, 0), 0).getTextContent()).isEqualTo("Receiver");
    }

    @Test
    void xml_escapesMarkupInTheMessage() throws Exception {
        Element root = parse(RestErrorResponse.xml(ErrorCode.MISSING_PARAMETER, "<b>&amp;</b>", REQUEST_ID));

        assertThat(elementChildAt(elementChildAt(root, 0), 2).getTextContent()).isEqualTo("<b>&amp;</b>");
    }

    private static Element parse(String xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        Document document = factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        return document.getDocumentElement();
    }

    private static Element elementChildAt(Element parent, int index) {
        int seen = 0;
        for (Node child = parent.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element element) {
                if (seen++ == index) {
                    assertThat(element.getNamespaceURI()).isEqualTo(LicenseServiceFacts.NAMESPACE);
                    return element;
                }
            }
        }
        throw new AssertionError("no element child " + index + " in " + parent.getLocalName());
    }
}
