package io.github.devpayls.ls.internal;

import io.github.devpayls.ls.InvalidInputException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Which endpoints a client may call: https anywhere; http only to a loopback address and only
 * when the caller switched that on. The service itself refused plain HTTP, and the credentials
 * it returns must never cross a network in clear.
 */
public final class EndpointRule {

    private static final String FIELD = "endpoint";
    private static final Pattern IPV4_LOOPBACK = Pattern.compile("127\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}");

    private EndpointRule() {
    }

    /**
     * @param text an endpoint as text
     * @return it as a URI
     * @throws InvalidInputException when it is missing or not a URI
     */
    public static URI parse(String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidInputException(FIELD, "is required");
        }
        try {
            return new URI(text.strip());
        } catch (URISyntaxException e) {
            throw new InvalidInputException(FIELD, "must be a valid URI (" + e.getReason() + ")");
        }
    }

    /**
     * @param endpoint              the endpoint to check
     * @param allowInsecureLoopback whether http to a loopback address is allowed
     * @return the endpoint, unchanged
     * @throws InvalidInputException naming {@code endpoint} and the rule it broke
     */
    public static URI check(URI endpoint, boolean allowInsecureLoopback) {
        if (endpoint == null) {
            throw new InvalidInputException(FIELD, "is required");
        }
        if (!endpoint.isAbsolute() || endpoint.getHost() == null) {
            throw new InvalidInputException(FIELD, "must be an absolute https:// URI with a host (was " + endpoint + ")");
        }
        if (endpoint.getRawUserInfo() != null) {
            throw new InvalidInputException(FIELD, "must not carry user information");
        }
        String scheme = endpoint.getScheme().toLowerCase(Locale.ROOT);
        if (scheme.equals("https")) {
            return endpoint;
        }
        if (scheme.equals("http")) {
            if (!isLoopback(endpoint.getHost())) {
                throw new InvalidInputException(FIELD, "must use https:// (was " + endpoint
                        + "); plain http is allowed only to a loopback address with allowInsecureLoopback(true)");
            }
            if (!allowInsecureLoopback) {
                throw new InvalidInputException(FIELD, "must use https:// (was " + endpoint
                        + "); to call a local simulator over plain http, set allowInsecureLoopback(true)");
            }
            return endpoint;
        }
        throw new InvalidInputException(FIELD, "must use https:// (was scheme " + scheme + ")");
    }

    /** Decided without DNS: only literal loopback addresses and the name {@code localhost} count. */
    static boolean isLoopback(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        if (h.startsWith("[") && h.endsWith("]")) {
            h = h.substring(1, h.length() - 1);
        }
        return h.equals("localhost") || h.equals("::1") || h.equals("0:0:0:0:0:0:0:1")
                || IPV4_LOOPBACK.matcher(h).matches();
    }
}
