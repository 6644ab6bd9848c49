package io.github.devpayls.ls.contract;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * AWS signature version 1, the REST-Query signing rule of this service, for both sides: the client
 * signs, the simulator checks. Known: take every parameter except {@code Signature}, sort by name
 * <em>case-insensitively</em>, concatenate each name and value with no separators and no URL
 * encoding, HMAC-SHA1 that string with the secret access key, and Base64 the digest. The caller
 * URL-encodes the result into the query ({@link RestQuery#encode}).
 */
public final class RestQuerySignature {

    /** The value of {@code SignatureVersion} for this rule. Known. */
    public static final String VERSION = "1";

    private static final String HMAC = "HmacSHA1";

    private RestQuerySignature() {
    }

    /**
     * @param parameters the request's parameters, names to values (a {@code Signature} entry is ignored)
     * @return the string the rule signs
     */
    public static String stringToSign(Map<String, String> parameters) {
        List<String> names = new ArrayList<>(parameters.keySet());
        names.remove(RestQuery.SIGNATURE);
        // Case-insensitive order; names equal but for case keep a stable (case-sensitive) order.
        names.sort(String.CASE_INSENSITIVE_ORDER.thenComparing(Comparator.naturalOrder()));
        StringBuilder text = new StringBuilder();
        for (String name : names) {
            text.append(name).append(Objects.requireNonNull(parameters.get(name), name));
        }
        return text.toString();
    }

    /**
     * @param parameters the request's parameters (a {@code Signature} entry is ignored)
     * @param secretKey  the secret access key
     * @return the Base64 signature, not URL-encoded
     */
    public static String sign(Map<String, String> parameters, char[] secretKey) {
        try {
            Mac mac = Mac.getInstance(HMAC);
            byte[] key = new String(secretKey).getBytes(StandardCharsets.UTF_8);
            mac.init(new SecretKeySpec(key, HMAC));
            Arrays.fill(key, (byte) 0);
            byte[] digest = mac.doFinal(stringToSign(parameters).getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA1 is not available in this JVM", e);
        }
    }

    /**
     * Checks a signature in constant time.
     *
     * @param parameters the request's parameters, including {@code Signature} (already URL-decoded)
     * @param secretKey  the secret access key the signer should have used
     * @return whether the signature matches
     */
    public static boolean matches(Map<String, String> parameters, char[] secretKey) {
        String given = parameters.get(RestQuery.SIGNATURE);
        if (given == null) {
            return false;
        }
        byte[] expected = sign(parameters, secretKey).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, given.getBytes(StandardCharsets.US_ASCII));
    }
}
