package io.github.devpayls.ls.internal;

import io.github.devpayls.ls.contract.Masking;

import io.github.devpayls.ls.contract.LicenseServiceFacts;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one list of what is secret on the wire, and every masking that uses it: SOAP message logs,
 * HTTP header logs and the texts of exceptions. Adding a name here masks it everywhere.
 */
public final class SensitiveNames {

    /** Local names of XML elements whose text is secret, whatever their namespace prefix. */
    public static final List<String> ELEMENTS =
            List.of("ActivationKey", "UserToken", "SecretAccessKey", "AdditionalTokens");

    /** HTTP headers whose values are secret; matched ignoring case, as HTTP does. */
    public static final List<String> HEADERS =
            List.of("Authorization", "Proxy-Authorization", "Cookie", "Set-Cookie");

    /**
     * REST-Query parameters whose values are secret or sign the request, matched ignoring case. The
     * {@code AWSAccessKeyId} is not among them: like a user name it identifies the key pair, is shown by
     * {@code DesktopCredentials.toString()}, and is what an operator needs to find a request.
     */
    public static final List<String> QUERY_PARAMETERS =
            List.of("Signature", "UserToken", "ProductToken", "AdditionalTokens", "ActivationKey", "SecretAccessKey");

    /** What a masked value is replaced with. */
    public static final String MASK = Masking.MASK;

    // Shorter literal secrets are not scrubbed from free text: masking every "ab" would destroy messages,
    // and nothing secret this client handles is that short.
    private static final int MIN_LITERAL_SECRET_LENGTH = 6;

    // Opening tag with any prefix and attributes, then the text up to the next tag (or the end, for
    // truncated documents); CDATA sections count as text.
    private static final Pattern SENSITIVE_ELEMENT_TEXT = Pattern.compile(
            "(<(?:[A-Za-z_][\\w.\\-]*:)?(?:" + String.join("|", ELEMENTS) + ")(?:\\s[^>]*)?(?<!/)>)"
                    + "(?:<!\\[CDATA\\[.*?(?:\\]\\]>|\\z)|[^<])+",
            Pattern.DOTALL);

    // A user token is recognisable by its prefix even outside any element, e.g. quoted by an error
    // page or a fault string; masked whether or not the caller knows its value. Any case: a peer or a
    // user may change it, and the value is just as secret.
    private static final Pattern USER_TOKEN_TEXT = Pattern.compile(
            Pattern.quote(LicenseServiceFacts.USER_TOKEN_PREFIX) + "[A-Za-z0-9+/=]+", Pattern.CASE_INSENSITIVE);

    // The product token, by its prefix, e.g. typed as an unknown option and echoed by the parser.
    private static final Pattern PRODUCT_TOKEN_TEXT = Pattern.compile(
            Pattern.quote(LicenseServiceFacts.PRODUCT_TOKEN_PREFIX) + "[A-Za-z0-9+/=]*", Pattern.CASE_INSENSITIVE);

    /** Shortest and longest run of letters and digits masked as activation-key-shaped. */
    static final int KEY_SHAPE_MIN_LENGTH = LicenseServiceFacts.ACTIVATION_KEY_LENGTH;
    static final int KEY_SHAPE_MAX_LENGTH = 30;

    // name=value in a query string or form body, the name in any case, the value up to the next & or blank.
    private static final Pattern SENSITIVE_QUERY_VALUE = Pattern.compile(
            "(?i)(?<![A-Za-z0-9])((?:" + String.join("|", QUERY_PARAMETERS) + ")=)[^&\\s]*");

    // An activation key is 28 (documented: up to 30) letters and digits. Masked when it stands alone
    // in free text, in any case, and holds a letter and a digit: that spares words and identifiers
    // (class names, paths), numbers, access key ids (20) and secret keys (40, with + and /).
    private static final Pattern ACTIVATION_KEY_SHAPE = Pattern.compile(
            "(?<![A-Za-z0-9])(?=[A-Za-z0-9]*[0-9])(?=[A-Za-z0-9]*[A-Za-z])[A-Za-z0-9]{"
                    + KEY_SHAPE_MIN_LENGTH + "," + KEY_SHAPE_MAX_LENGTH + "}(?![A-Za-z0-9])");

    private SensitiveNames() {
    }

    /**
     * @param xml a SOAP message or a fragment of one; may be truncated
     * @return the text with the content of every sensitive element replaced by {@link #MASK}
     */
    public static String maskXml(String xml) {
        if (xml == null || xml.isEmpty()) {
            return xml;
        }
        return SENSITIVE_ELEMENT_TEXT.matcher(xml).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + MASK));
    }

    /**
     * @param query a URL query string or form body ({@code name=value&...}), encoded or not
     * @return the text with the value of every {@link #QUERY_PARAMETERS} entry replaced by {@link #MASK}
     */
    public static String maskQuery(String query) {
        if (query == null || query.isEmpty()) {
            return query;
        }
        return SENSITIVE_QUERY_VALUE.matcher(query).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + MASK));
    }

    /**
     * A redirect's target as a message may show it: scheme, host, port and path; user info and
     * query are dropped (they are where a URL carries secrets), then known secrets are scrubbed.
     *
     * @param location     a {@code Location} header value; may be {@code null}
     * @param knownSecrets secret values that must not appear
     * @return the masked target, or {@code "(no Location)"}
     */
    public static String maskLocation(String location, Collection<String> knownSecrets) {
        if (location == null || location.isBlank()) {
            return "(no Location)";
        }
        String text = location.strip();
        try {
            java.net.URI uri = java.net.URI.create(text);
            StringBuilder shown = new StringBuilder();
            if (uri.getScheme() != null) {
                shown.append(uri.getScheme()).append("://");
            }
            if (uri.getHost() != null) {
                shown.append(uri.getHost()).append(uri.getPort() < 0 ? "" : ":" + uri.getPort());
            }
            shown.append(uri.getRawPath() == null ? "" : uri.getRawPath());
            if (uri.getRawQuery() != null) {
                shown.append('?').append(MASK);
            }
            text = shown.toString();
        } catch (IllegalArgumentException notAUri) {
            int query = text.indexOf('?');
            text = query < 0 ? text : text.substring(0, query + 1) + MASK;
        }
        text = text.replaceAll("\\s+", " ");
        return scrub(text.length() > 200 ? text.substring(0, 200) + "…" : text, knownSecrets);
    }

    /**
     * @param name an HTTP header name in any case
     * @return whether its value is secret
     */
    public static boolean isSensitiveHeader(String name) {
        if (name == null) {
            return false;
        }
        String lower = name.toLowerCase(Locale.ROOT);
        return HEADERS.stream().anyMatch(h -> h.toLowerCase(Locale.ROOT).equals(lower));
    }

    /**
     * @param headers HTTP headers as CXF carries them; may be {@code null}
     * @return a copy with secret values masked, in the same order
     */
    public static Map<String, List<String>> maskHeaders(Map<String, List<String>> headers) {
        Map<String, List<String>> masked = new LinkedHashMap<>();
        if (headers == null) {
            return masked;
        }
        headers.forEach((name, values) -> masked.put(name, isSensitiveHeader(name)
                ? List.of(MASK)
                : values == null ? List.of() : List.copyOf(values)));
        return masked;
    }

    /**
     * Removes secrets from free text such as an exception message: sensitive elements are masked,
     * so is anything shaped like a user token, a product token or an activation key (any case), and
     * so is every occurrence, in any case, of a secret value the caller knows (e.g. the activation
     * key sent).
     *
     * @param text         the text; may be {@code null}
     * @param knownSecrets secret values that must not appear
     * @return the text without them
     */
    public static String scrub(String text, Collection<String> knownSecrets) {
        if (text == null) {
            return null;
        }
        String result = maskQuery(maskXml(text));
        result = USER_TOKEN_TEXT.matcher(result)
                .replaceAll(Matcher.quoteReplacement(LicenseServiceFacts.USER_TOKEN_PREFIX + MASK));
        result = PRODUCT_TOKEN_TEXT.matcher(result)
                .replaceAll(Matcher.quoteReplacement(LicenseServiceFacts.PRODUCT_TOKEN_PREFIX + MASK));
        for (String secret : knownSecrets) {
            if (secret != null && secret.length() >= MIN_LITERAL_SECRET_LENGTH) {
                result = Pattern.compile(Pattern.quote(secret), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE)
                        .matcher(result).replaceAll(MASK);
            }
        }
        return ACTIVATION_KEY_SHAPE.matcher(result).replaceAll(MASK);
    }

    /**
     * {@link #scrub(String, Collection)} with no known secret: masks by shape only. For texts that
     * may quote what a user typed, such as a command-line parser's error.
     *
     * @param text the text; may be {@code null}
     * @return the text without anything shaped like a secret
     */
    public static String scrub(String text) {
        return scrub(text, List.of());
    }

    /**
     * Copies an exception chain with every message scrubbed, keeping classes' names and stack
     * traces, so a cause can be attached to a public exception without carrying secrets.
     *
     * @param failure      the original failure; may be {@code null}
     * @param knownSecrets secret values that must not appear
     * @return the scrubbed copy, or {@code null} for {@code null}
     */
    public static Throwable scrubbedCopy(Throwable failure, Collection<String> knownSecrets) {
        if (failure == null) {
            return null;
        }
        List<Throwable> chain = new ArrayList<>();
        for (Throwable t = failure; t != null && chain.size() < 16 && !chain.contains(t); t = t.getCause()) {
            chain.add(t);
        }
        Throwable copy = null;
        for (int i = chain.size() - 1; i >= 0; i--) {
            Throwable original = chain.get(i);
            copy = new ScrubbedFailure(original.getClass().getName(),
                    scrub(original.getMessage(), knownSecrets), copy, original.getStackTrace());
        }
        return copy;
    }

    /** A stand-in for a failure of any class, with its message scrubbed. */
    static final class ScrubbedFailure extends Exception {
        private static final long serialVersionUID = 1L;

        ScrubbedFailure(String originalClass, String scrubbedMessage, Throwable cause, StackTraceElement[] trace) {
            super(scrubbedMessage == null ? originalClass : originalClass + ": " + scrubbedMessage, cause, false, true);
            setStackTrace(trace);
        }

        @Override
        public String toString() {
            // The message already starts with the original class name.
            return getMessage();
        }
    }
}
