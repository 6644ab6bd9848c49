package io.github.devpayls.ls.contract;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/**
 * The REST-Query request format, for both sides: parameter names, fixed values, the timestamp
 * format and the encoding of values into the query. Known unless marked decided; the signing
 * rule is {@link RestQuerySignature}.
 */
public final class RestQuery {

    public static final String ACTION = "Action";
    public static final String VERSION = "Version";
    public static final String AWS_ACCESS_KEY_ID = "AWSAccessKeyId";
    public static final String SIGNATURE_VERSION = "SignatureVersion";
    public static final String SIGNATURE = "Signature";
    public static final String EXPIRES = "Expires";
    public static final String TIMESTAMP = "Timestamp";
    public static final String USER_TOKEN = "UserToken";
    public static final String PRODUCT_TOKEN = "ProductToken";
    public static final String ADDITIONAL_TOKENS = "AdditionalTokens";
    public static final String ACTIVATION_KEY = "ActivationKey";
    public static final String TOKEN_EXPIRATION = "TokenExpiration";

    /** The action of the subscription check. */
    public static final String VERIFY_PRODUCT_SUBSCRIPTION_BY_TOKENS = "VerifyProductSubscriptionByTokens";
    /** The action of the token refresh. */
    public static final String REFRESH_USER_TOKEN = "RefreshUserToken";
    /** The action of the activation (also served over SOAP). */
    public static final String ACTIVATE_DESKTOP_PRODUCT = "ActivateDesktopProduct";

    /**
     * How far ahead a client sets {@code Expires}. Decided: one production client used 15 minutes;
     * each attempt is signed afresh, so the window only has to cover clock skew and one attempt.
     */
    public static final Duration EXPIRES_WINDOW = Duration.ofMinutes(15);

    /** UTC, whole seconds, {@code YYYY-MM-DDThh:mm:ssZ}. Known. */
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss'Z'")
            .withZone(ZoneOffset.UTC);

    private RestQuery() {
    }

    /**
     * @param instant a point in time
     * @return it in the format of {@code Expires} and {@code Timestamp}, truncated to the second
     */
    public static String formatTime(Instant instant) {
        return TIME.format(instant.truncatedTo(ChronoUnit.SECONDS));
    }

    /**
     * @param text a value in the format of {@code Expires} and {@code Timestamp}
     * @return the instant
     * @throws java.time.format.DateTimeParseException when it is not in that format
     */
    public static Instant parseTime(String text) {
        return Instant.from(TIME.parse(text));
    }

    /**
     * URL-encodes a name or value for the query: RFC 3986 unreserved characters stay, everything
     * else is percent-encoded (a space as {@code %20}, never {@code +}).
     *
     * @param text the text
     * @return the encoded text
     */
    public static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20").replace("*", "%2A")
                .replace("%7E", "~");
    }
}
