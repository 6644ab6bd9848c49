package io.github.devpayls.ls.store;

import io.github.devpayls.ls.InvalidInputException;
import io.github.devpayls.ls.store.NoUsableCredentials.Reason;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encryption at rest for the file store: AES-GCM with either a key the application supplies or a
 * key derived from a passphrase with PBKDF2WithHmacSHA256 (random 16-byte salt, 600,000 iterations
 * by default). Each write uses a fresh random 96-bit nonce; the entry's clear header is
 * authenticated too, so any change to the file is detected. Parameters: {@code docs/storage.md}.
 *
 * <p>Holds a copy of the key or passphrase for the store's lifetime. {@link #toString()} names the
 * scheme only. Thread-safe.
 */
public final class Encryption {

    /** PBKDF2 iterations used by {@link #withPassphrase(char[])}. */
    public static final int DEFAULT_ITERATIONS = 600_000;

    /** The fewest PBKDF2 iterations {@link #withPassphrase(char[], int)} accepts. */
    public static final int MIN_ITERATIONS = 100_000;

    /** Reading refuses entries claiming more, so a doctored file cannot stall the reader. */
    static final int MAX_ITERATIONS = 10_000_000;

    static final String CIPHER = "AES/GCM/NoPadding";
    static final String KDF = "PBKDF2WithHmacSHA256";
    static final String KEY_SOURCE_APPLICATION = "application";
    static final String KEY_SOURCE_PASSPHRASE = "pbkdf2-hmac-sha256";
    static final int SALT_BYTES = 16;
    static final int NONCE_BYTES = 12;
    static final int TAG_BITS = 128;
    static final int DERIVED_KEY_BITS = 256;
    private static final int DERIVED_KEY_CACHE_SIZE = 8;

    private final SecretKey applicationKey;
    private final char[] passphrase;
    private final int iterations;
    private final byte[] writeSalt;
    private final SecureRandom random = new SecureRandom();
    // Derivation is deliberately slow; cache per (salt, iterations) so reads and writes pay it once.
    private final Map<String, SecretKey> derivedKeys = new LinkedHashMap<>(16, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, SecretKey> eldest) {
            return size() > DERIVED_KEY_CACHE_SIZE;
        }
    };

    private Encryption(SecretKey applicationKey, char[] passphrase, int iterations) {
        this.applicationKey = applicationKey;
        this.passphrase = passphrase;
        this.iterations = iterations;
        this.writeSalt = new byte[SALT_BYTES];
        random.nextBytes(writeSalt);
    }

    /**
     * Encrypts with a key the application supplies (e.g. from the OS keychain).
     *
     * @param key a 128-, 192- or 256-bit AES key; copied
     * @return the encryption setting
     * @throws InvalidInputException when the key is missing or not 16, 24 or 32 bytes
     */
    public static Encryption withKey(byte[] key) {
        if (key == null || (key.length != 16 && key.length != 24 && key.length != 32)) {
            throw new InvalidInputException("key", "must be 16, 24 or 32 bytes");
        }
        return new Encryption(new SecretKeySpec(key.clone(), "AES"), null, 0);
    }

    /**
     * Encrypts with a key derived from a passphrase, with {@value #DEFAULT_ITERATIONS} PBKDF2
     * iterations.
     *
     * @param passphrase the passphrase; copied, so the caller may wipe its array
     * @return the encryption setting
     * @throws InvalidInputException when the passphrase is missing or blank
     */
    public static Encryption withPassphrase(char[] passphrase) {
        return withPassphrase(passphrase, DEFAULT_ITERATIONS);
    }

    /**
     * Encrypts with a key derived from a passphrase, with the given PBKDF2 iteration count.
     *
     * @param passphrase the passphrase; copied, so the caller may wipe its array
     * @param iterations at least {@value #MIN_ITERATIONS}
     * @return the encryption setting
     * @throws InvalidInputException when the passphrase is blank or the count is too low
     */
    public static Encryption withPassphrase(char[] passphrase, int iterations) {
        if (iterations < MIN_ITERATIONS || iterations > MAX_ITERATIONS) {
            throw new InvalidInputException("iterations",
                    "must be between " + MIN_ITERATIONS + " and " + MAX_ITERATIONS);
        }
        return passphraseWithAnyIterations(passphrase, iterations);
    }

    /** For tests, which cannot afford a strong KDF on every run. */
    static Encryption passphraseWithAnyIterations(char[] passphrase, int iterations) {
        if (passphrase == null || new String(passphrase).isBlank()) {
            throw new InvalidInputException("passphrase", "is required and must not be blank");
        }
        return new Encryption(null, passphrase.clone(), iterations);
    }

    /** @return the key-source name written to the entry header */
    String keySource() {
        return passphrase == null ? KEY_SOURCE_APPLICATION : KEY_SOURCE_PASSPHRASE;
    }

    /** @return the KDF parameters to write, empty for an application key */
    Map<String, String> kdfParameters() {
        Map<String, String> parameters = new LinkedHashMap<>();
        if (passphrase != null) {
            parameters.put(EntryFormat.KDF_ITERATIONS, Integer.toString(iterations));
            parameters.put(EntryFormat.KDF_SALT, Base64.getEncoder().encodeToString(writeSalt));
        }
        return parameters;
    }

    /** @return a fresh random nonce; never reused, since a repeated nonce breaks GCM */
    byte[] newNonce() {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        return nonce;
    }

    byte[] seal(byte[] nonce, byte[] header, byte[] plaintext) {
        SecretKey key = passphrase == null ? applicationKey : derived(writeSalt, iterations);
        try {
            return cipher(Cipher.ENCRYPT_MODE, key, nonce, header).doFinal(plaintext);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available in this JVM", e);
        }
    }

    /**
     * Decrypts and authenticates.
     *
     * @param keySource  the header's key source
     * @param iterations the header's iteration count (passphrase entries), else {@code null}
     * @param salt       the header's salt (passphrase entries), else {@code null}
     */
    byte[] open(String keySource, Integer iterations, byte[] salt, byte[] nonce, byte[] header,
            byte[] ciphertext) throws UnusableEntry {
        if (!keySource().equals(keySource)) {
            throw new UnusableEntry(Reason.DECRYPTION_FAILED, "the entry was encrypted with key source '"
                    + keySource + "' but this store uses '" + keySource() + "'");
        }
        SecretKey key;
        if (passphrase == null) {
            key = applicationKey;
        } else {
            if (iterations == null || salt == null) {
                throw new UnusableEntry(Reason.CORRUPTED, "the entry lacks its key-derivation parameters");
            }
            if (iterations < 1 || iterations > MAX_ITERATIONS || salt.length < SALT_BYTES) {
                throw new UnusableEntry(Reason.CORRUPTED, "the entry's key-derivation parameters are out of range");
            }
            key = derived(salt, iterations);
        }
        try {
            return cipher(Cipher.DECRYPT_MODE, key, nonce, header).doFinal(ciphertext);
        } catch (AEADBadTagException e) {
            throw new UnusableEntry(Reason.DECRYPTION_FAILED,
                    "authentication failed: the entry was tampered with, or the key or passphrase is wrong");
        } catch (GeneralSecurityException e) {
            throw new UnusableEntry(Reason.DECRYPTION_FAILED, "the entry could not be decrypted");
        }
    }

    private static Cipher cipher(int mode, SecretKey key, byte[] nonce, byte[] header) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance(CIPHER);
        cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
        cipher.updateAAD(header);
        return cipher;
    }

    private SecretKey derived(byte[] salt, int count) {
        String cacheKey = count + ":" + Base64.getEncoder().encodeToString(salt);
        synchronized (derivedKeys) {
            SecretKey cached = derivedKeys.get(cacheKey);
            if (cached != null) {
                return cached;
            }
            PBEKeySpec spec = new PBEKeySpec(passphrase, salt, count, DERIVED_KEY_BITS);
            try {
                byte[] material = SecretKeyFactory.getInstance(KDF).generateSecret(spec).getEncoded();
                SecretKey key = new SecretKeySpec(material, "AES");
                Arrays.fill(material, (byte) 0);
                derivedKeys.put(cacheKey, key);
                return key;
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(KDF + " is not available in this JVM", e);
            } finally {
                spec.clearPassword();
            }
        }
    }

    /** @return the scheme, never the key or passphrase */
    @Override
    public String toString() {
        return passphrase == null
                ? "Encryption[AES-GCM, application key]"
                : "Encryption[AES-GCM, " + KDF + ", " + iterations + " iterations]";
    }
}
