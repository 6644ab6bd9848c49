package io.github.devpayls.ls.simulator;

import io.github.devpayls.ls.contract.LicenseServiceFacts;

import java.util.Base64;
import java.util.Random;
import java.util.UUID;

/**
 * Every random value of one simulator, from one seeded source: the same seed and the same order
 * of calls give the same values. Not for real secrets — these only need the right shape.
 */
final class SeededValues {

    private final Random random;

    SeededValues(long seed) {
        this.random = new Random(seed);
    }

    synchronized String productCode() {
        return chars(SimulatorFacts.PRODUCT_CODE_ALPHABET, SimulatorFacts.PRODUCT_CODE_LENGTH);
    }

    /** A product token of the real total length, prefix included. */
    synchronized String productToken() {
        return prefixedBase64(LicenseServiceFacts.PRODUCT_TOKEN_PREFIX, LicenseServiceFacts.PRODUCT_TOKEN_LENGTH);
    }

    synchronized String activationKey() {
        return chars(SimulatorFacts.BASE32_ALPHABET, LicenseServiceFacts.ACTIVATION_KEY_LENGTH);
    }

    synchronized String persistentIdentifier() {
        return chars(SimulatorFacts.BASE32_ALPHABET, SimulatorFacts.PERSISTENT_IDENTIFIER_LENGTH);
    }

    synchronized String customerId() {
        return chars("0123456789", SimulatorFacts.CUSTOMER_ID_LENGTH);
    }

    /** A user token of the real total length, prefix included. */
    synchronized String userToken() {
        return prefixedBase64(LicenseServiceFacts.USER_TOKEN_PREFIX, LicenseServiceFacts.USER_TOKEN_LENGTH);
    }

    synchronized String accessKeyId() {
        return chars(SimulatorFacts.ACCESS_KEY_ID_ALPHABET, LicenseServiceFacts.ACCESS_KEY_ID_LENGTH);
    }

    synchronized String secretAccessKey() {
        // 30 bytes are exactly 40 Base64 characters, the real length.
        return base64(LicenseServiceFacts.SECRET_ACCESS_KEY_LENGTH);
    }

    /** A version-4 UUID drawn from the seeded source. */
    synchronized String requestId() {
        long most = (random.nextLong() & ~0xF000L) | 0x4000L;
        long least = (random.nextLong() & ~(0xC000L << 48)) | (0x8000L << 48);
        return new UUID(most, least).toString();
    }

    /** A number in [0, 1), for fractional fault injection. */
    synchronized double fraction() {
        return random.nextDouble();
    }

    private String chars(String alphabet, int length) {
        StringBuilder value = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            value.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return value.toString();
    }

    private String prefixedBase64(String prefix, int totalLength) {
        return prefix + base64(totalLength - prefix.length());
    }

    /** Base64 text of exactly {@code length} characters (a multiple of 4, so no padding is cut). */
    private String base64(int length) {
        if (length % 4 != 0) {
            throw new IllegalStateException("Base64 length must be a multiple of 4: " + length);
        }
        byte[] bytes = new byte[length / 4 * 3];
        random.nextBytes(bytes);
        return Base64.getEncoder().encodeToString(bytes);
    }
}
