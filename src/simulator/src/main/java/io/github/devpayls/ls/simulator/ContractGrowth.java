package io.github.devpayls.ls.simulator;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Grows a success answer the way a newer service could (spec, "Contract evolution"): adds elements
 * and attributes the contract does not name at the {@link ContractAddition}s asked for. Works on the
 * answer's text so it serves SOAP envelopes and REST-Query bodies alike; an answer without a result
 * element (a fault, an {@code ErrorResponse}) comes back unchanged.
 */
final class ContractGrowth {

    private static final String NAME = "[A-Za-z_][\\w.-]*";
    private static final Pattern ENVELOPE_START = Pattern.compile("<(?:(" + NAME + "):)?Envelope\\b[^>]*>");
    private static final Pattern RESPONSE_START = Pattern.compile("<(?:(" + NAME + "):)?\\w+Response\\b[^>]*>");
    private static final Pattern RESULT_START = Pattern.compile("<(?:(" + NAME + "):)?(\\w+Result)\\b[^>]*(?<!/)>");
    private static final Pattern ANY_END = Pattern.compile("</[^>]+>");
    private static final Pattern ANY_START = Pattern.compile("<" + NAME + "(?::" + NAME + ")?\\b[^>]*>");

    /** Where to put which text in the original answer. */
    private record Insertion(int at, String text) {
    }

    private ContractGrowth() {
    }

    /**
     * @param answer    the simulator's answer, UTF-8
     * @param additions where to grow it
     * @return the grown answer; the same bytes when it has no result element
     */
    static byte[] grow(byte[] answer, Set<ContractAddition> additions) {
        String xml = new String(answer, StandardCharsets.UTF_8);
        Matcher result = RESULT_START.matcher(xml);
        if (additions.isEmpty() || !result.find()) {
            return answer;
        }
        String prefix = result.group(1) == null ? "" : result.group(1) + ":";
        String resultEnd = "</" + prefix + result.group(2) + ">";
        int resultClose = xml.indexOf(resultEnd, result.end());
        Matcher firstChildEnd = ANY_END.matcher(xml);
        Matcher firstChildStart = ANY_START.matcher(xml);
        Matcher response = RESPONSE_START.matcher(xml);
        if (resultClose < 0 || !firstChildEnd.find(result.end()) || !response.find() || response.start() > result.start()) {
            return answer;
        }
        boolean hasChild = firstChildStart.find(result.end()) && firstChildStart.start() < resultClose;
        int middle = hasChild ? firstChildEnd.end() : result.end();
        Matcher metadata = Pattern.compile("<" + Pattern.quote(prefix) + "ResponseMetadata\\b[^>]*>").matcher(xml);
        boolean hasMetadata = metadata.find();
        int metadataClose = xml.indexOf("</" + prefix + "ResponseMetadata>");

        String future = element(prefix, SimulatorFacts.FUTURE_ELEMENT);
        List<Insertion> insertions = new ArrayList<>();
        for (ContractAddition addition : additions) {
            switch (addition) {
                case RESULT_START -> insertions.add(new Insertion(result.end(), future));
                case RESULT_MIDDLE -> insertions.add(new Insertion(middle, future));
                case RESULT_END -> insertions.add(new Insertion(resultClose, future));
                case FOREIGN_NAMESPACE -> insertions.add(new Insertion(middle, SimulatorFacts.FUTURE_FOREIGN_ELEMENT));
                case RESPONSE_START -> insertions.add(new Insertion(response.end(), future));
                case AFTER_RESPONSE_METADATA -> {
                    if (metadataClose >= 0) {
                        insertions.add(new Insertion(metadataClose + ("</" + prefix + "ResponseMetadata>").length(), future));
                    }
                }
                case INSIDE_RESPONSE_METADATA -> {
                    if (metadataClose >= 0) {
                        insertions.add(new Insertion(metadataClose, future));
                    }
                }
                case SOAP_HEADER -> soapHeader(xml).ifPresent(insertions::add);
                case UNKNOWN_ATTRIBUTES -> {
                    insertions.add(attributes(response));
                    insertions.add(attributes(result));
                    if (hasChild) {
                        insertions.add(attributes(firstChildStart));
                    }
                    if (hasMetadata) {
                        insertions.add(attributes(metadata));
                    }
                }
            }
        }
        // From the end backwards, so every index still points into the original text.
        insertions.sort(Comparator.comparingInt(Insertion::at).reversed());
        StringBuilder grown = new StringBuilder(xml);
        for (Insertion insertion : insertions) {
            grown.insert(insertion.at(), insertion.text());
        }
        return grown.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String element(String prefix, String localName) {
        return "<" + prefix + localName + ">" + SimulatorFacts.FUTURE_VALUE + "</" + prefix + localName + ">";
    }

    /** The attributes go just before the start tag's {@code >}. */
    private static Insertion attributes(Matcher startTag) {
        return new Insertion(startTag.end() - 1, SimulatorFacts.FUTURE_ATTRIBUTES);
    }

    private static Optional<Insertion> soapHeader(String xml) {
        Matcher envelope = ENVELOPE_START.matcher(xml);
        if (!envelope.find()) {
            return Optional.empty();
        }
        String soap = envelope.group(1) == null ? "" : envelope.group(1) + ":";
        Matcher header = Pattern.compile("<" + Pattern.quote(soap) + "Header\\b[^>]*(?<!/)>").matcher(xml);
        if (header.find(envelope.end())) {
            return Optional.of(new Insertion(header.end(), SimulatorFacts.FUTURE_HEADER_BLOCK));
        }
        return Optional.of(new Insertion(envelope.end(),
                "<" + soap + "Header>" + SimulatorFacts.FUTURE_HEADER_BLOCK + "</" + soap + "Header>"));
    }
}
