package io.github.devpayls.ls.store;

import io.github.devpayls.ls.DesktopCredentials;
import io.github.devpayls.ls.Secret;
import io.github.devpayls.ls.internal.BoundedFiles;
import io.github.devpayls.ls.store.NoUsableCredentials.Reason;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Writes the entry file in format version 2 and parses versions 1 and 2: UTF-8 lines of
 * {@code name=value} between a {@code devpay-ls-credentials <version>} first line and an
 * {@code end} last line. Version 2 adds the optional {@code verified-at} / {@code verified-subscribed}
 * pair (the last subscription check); a version-1 entry has none and reads as never verified. In clear, the body
 * follows the header and a SHA-256 checksum closes it; encrypted, the body is one AES-GCM
 * ciphertext whose associated data is the header. See {@code docs/storage.md}.
 */
final class EntryFormat {

    static final String MAGIC = "devpay-ls-credentials";
    static final int VERSION = 2;
    /** The first version, still read: the same fields without the verification. */
    static final int VERSION_1 = 1;
    static final String END = "end";
    /** Real entries are about 1.5 KiB; anything far bigger is not ours and is not read into memory. */
    static final int MAX_BYTES = BoundedFiles.CREDENTIAL_ENTRY_MAX_BYTES;

    static final String PRODUCT = "product";
    static final String ENCRYPTION = "encryption";
    static final String KEY = "key";
    static final String KDF_ITERATIONS = "kdf-iterations";
    static final String KDF_SALT = "kdf-salt";
    static final String NONCE = "nonce";
    static final String CIPHERTEXT = "ciphertext";
    static final String CHECKSUM = "checksum";
    static final String ACTIVATED_AT = "activated-at";
    static final String TOKEN_EXPIRATION = "token-expiration";
    static final String INVALIDATED_AT = "invalidated-at";
    static final String INVALIDATED_REASON = "invalidated-reason";
    static final String USER_TOKEN = "user-token";
    static final String ACCESS_KEY_ID = "access-key-id";
    static final String SECRET_ACCESS_KEY = "secret-access-key";
    static final String VERIFIED_AT = "verified-at";
    static final String VERIFIED_SUBSCRIBED = "verified-subscribed";

    static final String ENCRYPTION_NONE = "none";
    static final String ENCRYPTION_AES_GCM = "aes-gcm";
    static final String CHECKSUM_PREFIX = "sha256:";

    private EntryFormat() {
    }

    /** @param encryption the store's encryption, or {@code null} to write in clear */
    static byte[] encode(CredentialEntry entry, Encryption encryption) {
        StringBuilder body = new StringBuilder();
        line(body, ACTIVATED_AT, entry.activatedAt().toString());
        entry.tokenExpiration().ifPresent(lifetime -> line(body, TOKEN_EXPIRATION, lifetime.toString()));
        entry.invalidation().ifPresent(mark -> {
            line(body, INVALIDATED_AT, mark.invalidatedAt().toString());
            line(body, INVALIDATED_REASON, mark.reason());
        });
        entry.verification().ifPresent(checked -> {
            line(body, VERIFIED_AT, checked.verifiedAt().toString());
            line(body, VERIFIED_SUBSCRIBED, Boolean.toString(checked.subscribed()));
        });
        DesktopCredentials credentials = entry.credentials();
        line(body, USER_TOKEN, credentials.userToken().reveal());
        line(body, ACCESS_KEY_ID, credentials.accessKeyId());
        line(body, SECRET_ACCESS_KEY, credentials.secretAccessKey().reveal());

        StringBuilder file = new StringBuilder().append(MAGIC).append(' ').append(VERSION).append('\n');
        line(file, PRODUCT, entry.productKey().value());
        if (encryption == null) {
            line(file, ENCRYPTION, ENCRYPTION_NONE);
            file.append(body);
            line(file, CHECKSUM, CHECKSUM_PREFIX + sha256Hex(utf8(file)));
        } else {
            line(file, ENCRYPTION, ENCRYPTION_AES_GCM);
            line(file, KEY, encryption.keySource());
            encryption.kdfParameters().forEach((name, value) -> line(file, name, value));
            byte[] nonce = encryption.newNonce();
            line(file, NONCE, base64(nonce));
            byte[] ciphertext = encryption.seal(nonce, utf8(file), utf8(body));
            line(file, CIPHERTEXT, base64(ciphertext));
        }
        return utf8(file.append(END).append('\n'));
    }

    /**
     * Parses an entry file, judging nothing but its shape and authenticity.
     *
     * @param encryption the store's encryption, or {@code null} for a store writing in clear
     */
    static CredentialEntry decode(ProductKey expected, byte[] bytes, Encryption encryption) throws UnusableEntry {
        try {
            return decodeChecked(expected, bytes, encryption);
        } catch (RuntimeException unexpected) {
            // A reader must never crash on a file; the message is not used since it might quote content.
            throw new UnusableEntry(Reason.CORRUPTED, "the entry could not be parsed");
        }
    }

    private static CredentialEntry decodeChecked(ProductKey expected, byte[] bytes, Encryption encryption)
            throws UnusableEntry {
        if (bytes.length == 0) {
            throw new UnusableEntry(Reason.INCOMPLETE, "the entry file is empty");
        }
        String text = strictUtf8(bytes, "the entry file is not UTF-8 text");
        int firstNewline = text.indexOf('\n');
        String first = firstNewline < 0 ? text : text.substring(0, firstNewline);
        String magic = MAGIC + ' ';
        if (!first.startsWith(magic)) {
            if (firstNewline < 0 && magic.startsWith(first)) {
                throw new UnusableEntry(Reason.INCOMPLETE, "the entry file is cut short in its first line");
            }
            throw new UnusableEntry(Reason.CORRUPTED, "the file is not a credential entry");
        }
        if (firstNewline < 0) {
            throw new UnusableEntry(Reason.INCOMPLETE, "the entry file is cut short in its first line");
        }
        String version = first.substring(magic.length());
        if (!version.matches("[0-9]{1,9}")) {
            throw new UnusableEntry(Reason.CORRUPTED, "the entry's format version is not a number");
        }
        int formatVersion = Integer.parseInt(version);
        if (formatVersion != VERSION && formatVersion != VERSION_1) {
            throw new UnusableEntry(Reason.UNSUPPORTED_VERSION, "the entry has format version " + version
                    + "; this library reads versions " + VERSION_1 + " and " + VERSION);
        }
        String ending = '\n' + END + '\n';
        if (!text.endsWith(ending)) {
            throw new UnusableEntry(Reason.INCOMPLETE, "the entry file is cut short (no end marker)");
        }
        int fieldsEnd = text.length() - ending.length();
        if (fieldsEnd <= firstNewline) {
            throw new UnusableEntry(Reason.CORRUPTED, "the entry holds no fields");
        }
        List<String> lines = lines(text.substring(firstNewline + 1, fieldsEnd));
        Fields header = new Fields(lines);
        if (!header.required(PRODUCT).equals(expected.value())) {
            throw new UnusableEntry(Reason.CORRUPTED, "the entry belongs to another product");
        }
        String lastLine = lines.get(lines.size() - 1);
        // Everything before the last field line: what the checksum or the GCM tag covers.
        String covered = text.substring(0, fieldsEnd - lastLine.length());
        String scheme = header.required(ENCRYPTION);
        Fields body;
        if (scheme.equals(ENCRYPTION_NONE)) {
            body = header;
            if (!lastLine.startsWith(CHECKSUM + '=')) {
                throw new UnusableEntry(Reason.CORRUPTED, "the entry's checksum is not its last field");
            }
            if (!header.required(CHECKSUM).equals(CHECKSUM_PREFIX + sha256Hex(utf8(covered)))) {
                throw new UnusableEntry(Reason.CORRUPTED, "the entry's checksum does not match its content");
            }
            if (encryption != null) {
                throw new UnusableEntry(Reason.DECRYPTION_FAILED,
                        "the entry is stored in clear but this store requires encryption");
            }
        } else if (scheme.equals(ENCRYPTION_AES_GCM)) {
            if (!lastLine.startsWith(CIPHERTEXT + '=')) {
                throw new UnusableEntry(Reason.CORRUPTED, "the entry's ciphertext is not its last field");
            }
            if (encryption == null) {
                throw new UnusableEntry(Reason.DECRYPTION_FAILED,
                        "the entry is encrypted but this store has no key or passphrase");
            }
            String keySource = header.required(KEY);
            Integer iterations = header.optional(KDF_ITERATIONS).map(EntryFormat::iterations).orElse(null);
            byte[] salt = header.optional(KDF_SALT).map(EntryFormat::unbase64).orElse(null);
            byte[] nonce = unbase64(header.required(NONCE));
            if (nonce.length != Encryption.NONCE_BYTES) {
                throw new UnusableEntry(Reason.CORRUPTED, "the entry's nonce has the wrong length");
            }
            byte[] ciphertext = unbase64(header.required(CIPHERTEXT));
            header.requireAllUsed();
            byte[] plaintext = encryption.open(keySource, iterations, salt, nonce, utf8(covered), ciphertext);
            String bodyText = strictUtf8(plaintext, "the decrypted entry is not UTF-8 text");
            if (!bodyText.endsWith("\n")) {
                throw new UnusableEntry(Reason.CORRUPTED, "the decrypted entry is not a list of fields");
            }
            body = new Fields(lines(bodyText.substring(0, bodyText.length() - 1)));
        } else {
            throw new UnusableEntry(Reason.CORRUPTED, "the entry names an unknown encryption scheme");
        }
        CredentialEntry entry = entryFrom(expected, body, formatVersion);
        body.requireAllUsed();
        return entry;
    }

    private static CredentialEntry entryFrom(ProductKey productKey, Fields body, int formatVersion)
            throws UnusableEntry {
        String activatedAt = body.forSet(ACTIVATED_AT, "the activation time");
        String userToken = body.forSet(USER_TOKEN, "the user token");
        String accessKeyId = body.forSet(ACCESS_KEY_ID, "the access key id");
        String secretAccessKey = body.forSet(SECRET_ACCESS_KEY, "the secret access key");
        Optional<String> lifetime = body.optional(TOKEN_EXPIRATION);
        Optional<String> invalidatedAt = body.optional(INVALIDATED_AT);
        Optional<String> invalidatedReason = body.optional(INVALIDATED_REASON);
        if (invalidatedAt.isPresent() != invalidatedReason.isPresent()) {
            throw new UnusableEntry(Reason.CORRUPTED, "the entry's invalidation mark is half written");
        }
        // Version 1 has no verification: such fields stay unread, and requireAllUsed refuses them.
        Optional<String> verifiedAt = formatVersion >= VERSION ? body.optional(VERIFIED_AT) : Optional.empty();
        Optional<String> verifiedSubscribed = formatVersion >= VERSION ? body.optional(VERIFIED_SUBSCRIBED) : Optional.empty();
        if (verifiedAt.isPresent() != verifiedSubscribed.isPresent()) {
            throw new UnusableEntry(Reason.CORRUPTED, "the entry's verification is half written");
        }
        if (verifiedSubscribed.filter(v -> !v.equals("true") && !v.equals("false")).isPresent()) {
            throw new UnusableEntry(Reason.CORRUPTED, "the entry's verification is neither true nor false");
        }
        // Values below are well formed or the catch-all in decode() reports CORRUPTED.
        DesktopCredentials credentials = new DesktopCredentials(
                Secret.of(userToken), accessKeyId, Secret.of(secretAccessKey));
        Optional<Invalidation> mark = invalidatedAt.map(
                at -> new Invalidation(invalidatedReason.orElseThrow(), Instant.parse(at)));
        Optional<Verification> verification = verifiedAt.map(
                at -> new Verification(Boolean.parseBoolean(verifiedSubscribed.orElseThrow()), Instant.parse(at)));
        return new CredentialEntry(productKey, credentials, Instant.parse(activatedAt),
                lifetime.map(Duration::parse), mark, verification);
    }

    private static List<String> lines(String text) {
        return List.of(text.split("\n", -1));
    }

    private static void line(StringBuilder out, String name, String value) {
        out.append(name).append('=');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                default -> out.append(c);
            }
        }
        out.append('\n');
    }

    private static String unescape(String raw) throws UnusableEntry {
        if (raw.indexOf('\\') < 0) {
            return raw;
        }
        StringBuilder out = new StringBuilder(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c != '\\') {
                out.append(c);
                continue;
            }
            char next = ++i < raw.length() ? raw.charAt(i) : '?';
            switch (next) {
                case '\\' -> out.append('\\');
                case 'n' -> out.append('\n');
                case 'r' -> out.append('\r');
                default -> throw new UnusableEntry(Reason.CORRUPTED, "the entry holds a bad escape sequence");
            }
        }
        return out.toString();
    }

    private static Integer iterations(String value) {
        if (!value.matches("[0-9]{1,9}")) {
            throw new IllegalArgumentException("iteration count is not a number");
        }
        return Integer.valueOf(value);
    }

    private static String base64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }

    private static byte[] unbase64(String text) {
        return Base64.getDecoder().decode(text);
    }

    private static byte[] utf8(CharSequence text) {
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String strictUtf8(byte[] bytes, String problem) throws UnusableEntry {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new UnusableEntry(Reason.CORRUPTED, problem);
        }
    }

    static String sha256Hex(byte[] bytes) {
        try {
            return java.util.HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available in this JVM", e);
        }
    }

    /** The fields of one block, each name at most once; tracks which were read to refuse unknown ones. */
    private static final class Fields {

        private final Map<String, String> values = new LinkedHashMap<>();
        private final Set<String> used = new HashSet<>();

        Fields(List<String> lines) throws UnusableEntry {
            for (String line : lines) {
                int equals = line.indexOf('=');
                if (equals <= 0) {
                    throw new UnusableEntry(Reason.CORRUPTED, "the entry holds a line that is not name=value");
                }
                String name = line.substring(0, equals);
                if (values.putIfAbsent(name, unescape(line.substring(equals + 1))) != null) {
                    throw new UnusableEntry(Reason.CORRUPTED, "the entry repeats the field '" + name + "'");
                }
            }
        }

        String required(String name) throws UnusableEntry {
            return optional(name).orElseThrow(
                    () -> new UnusableEntry(Reason.CORRUPTED, "the entry lacks the field '" + name + "'"));
        }

        /** A part of the set or its activation time: missing or blank means the set is incomplete. */
        String forSet(String name, String what) throws UnusableEntry {
            Optional<String> value = optional(name).filter(v -> !v.isBlank());
            if (value.isEmpty()) {
                throw new UnusableEntry(Reason.INCOMPLETE, "the stored set lacks " + what);
            }
            return value.get();
        }

        Optional<String> optional(String name) {
            used.add(name);
            return Optional.ofNullable(values.get(name));
        }

        void requireAllUsed() throws UnusableEntry {
            for (String name : values.keySet()) {
                if (!used.contains(name)) {
                    // The name is ours or a stranger's; neither is secret, but keep it short.
                    throw new UnusableEntry(Reason.CORRUPTED, "the entry holds an unknown field");
                }
            }
        }
    }
}
