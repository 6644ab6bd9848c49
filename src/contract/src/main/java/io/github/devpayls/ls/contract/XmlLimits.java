package io.github.devpayls.ls.contract;

import java.util.Map;

/**
 * The XML parser limits applied to every message this project reads — by the client and by the
 * simulator — as CXF {@code StaxUtils} contextual properties.
 *
 * <p>Why explicit: CXF 4.2.3 sets no default cap on the total element count or the document size
 * (CVE-2026-108039, fixed in 4.2.4), so a hostile peer could make a reader allocate without bound.
 * License Service messages are a few hundred bytes with a handful of elements, so the limits are
 * tight. DTDs are refused by CXF's StAX factory settings (no entity expansion, no external access).
 */
public final class XmlLimits {

    private XmlLimits() {
    }

    /** Most children one element may have. */
    public static final int MAX_CHILD_ELEMENTS = 1_000;
    /** Deepest element nesting. A SOAP envelope of this contract is 5 deep. */
    public static final int MAX_ELEMENT_DEPTH = 32;
    /** Most attributes on one element. */
    public static final int MAX_ATTRIBUTE_COUNT = 64;
    /** Longest attribute value, in characters. */
    public static final int MAX_ATTRIBUTE_SIZE = 8 * 1024;
    /**
     * Longest text, in characters, as Woodstox checks it: per text segment, so a text node whose
     * bytes arrive in small pieces passes in segments and only {@link #MAX_XML_CHARACTERS} bounds it
     * (XmlLimitsTest). Real tokens are under 500 characters.
     */
    public static final int MAX_TEXT_LENGTH = 64 * 1024;
    /** Most elements in one document. */
    public static final long MAX_ELEMENT_COUNT = 10_000;
    /** Most characters in one document. */
    public static final long MAX_XML_CHARACTERS = 1024 * 1024;

    /** @return the limits as CXF contextual properties, for a client's request context or an endpoint */
    public static Map<String, Object> asCxfProperties() {
        return Map.of(
                "org.apache.cxf.stax.maxChildElements", MAX_CHILD_ELEMENTS,
                "org.apache.cxf.stax.maxElementDepth", MAX_ELEMENT_DEPTH,
                "org.apache.cxf.stax.maxAttributeCount", MAX_ATTRIBUTE_COUNT,
                "org.apache.cxf.stax.maxAttributeSize", MAX_ATTRIBUTE_SIZE,
                "org.apache.cxf.stax.maxTextLength", MAX_TEXT_LENGTH,
                "org.apache.cxf.stax.maxElementCount", MAX_ELEMENT_COUNT,
                "org.apache.cxf.stax.maxXMLCharacters", MAX_XML_CHARACTERS);
    }
}
