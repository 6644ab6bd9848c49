package io.github.devpayls.ls.store;

import io.github.devpayls.ls.simulator.junit.ManualClock;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.devpayls.ls.DesktopCredentials;
import io.github.devpayls.ls.InvalidInputException;
import io.github.devpayls.ls.Secret;
import io.github.devpayls.ls.store.NoUsableCredentials.Reason;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class FileCredentialStoreTest extends CredentialStoreContract {

    private static final byte[] KEY = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

    @TempDir
    Path directory;

    @Override
    CredentialStore storeOn(ManualClock clock) {
        return CredentialStore.inFiles().directory(directory).clock(clock).build();
    }

    private CredentialStore storeWith(Encryption encryption) {
        FileStoreBuilder builder = CredentialStore.inFiles().directory(directory).clock(clock);
        return encryption == null ? builder.build() : builder.encryption(encryption).build();
    }

    private static Encryption passphrase(String passphrase) {
        return Encryption.passphraseWithAnyIterations(passphrase.toCharArray(), 1_000);
    }

    private Path entryFile() {
        return directory.resolve(PRODUCT.value() + ".credentials");
    }

    @org.junit.jupiter.api.Test
    void entryLocation_isTheProductsEntryFile_whereReplaceWritesIt() {
        CredentialStore store = storeOn(clock);
        store.replace(PRODUCT, CredentialEntry.activated(PRODUCT, SampleCredentials.of('A', 1), clock.instant(),
                java.util.Optional.empty()));

        assertThat(store.entryLocation(PRODUCT)).contains(entryFile().toAbsolutePath());
        assertThat(entryFile()).isRegularFile();
    }

    /** Writes raw bytes as the entry, owner-only, as a damaged but properly protected file. */
    private void writeEntryFile(byte[] bytes) throws IOException {
        Files.write(entryFile(), bytes);
        // Elsewhere the store does not check POSIX bits; the file is the test's own either way.
        if (entryFile().getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.setPosixFilePermissions(entryFile(), PosixFilePermissions.fromString("rw-------"));
        }
    }

    private void writeEntryFile(String text) throws IOException {
        writeEntryFile(text.getBytes(StandardCharsets.UTF_8));
    }

    private String entryText() throws IOException {
        return Files.readString(entryFile());
    }

    private static Reason reasonOf(CredentialLookup lookup) {
        assertThat(lookup).isInstanceOf(NoUsableCredentials.class);
        return ((NoUsableCredentials) lookup).reason();
    }

    private Reason readReason(CredentialStore reader) {
        return reasonOf(reader.read(PRODUCT));
    }

    /** Rewrites a clear entry's checksum so that only the edit under test is wrong. */
    private static String withFreshChecksum(String text) {
        String withoutChecksum = text.substring(0, text.indexOf("checksum="));
        return withoutChecksum + "checksum=sha256:"
                + EntryFormat.sha256Hex(withoutChecksum.getBytes(StandardCharsets.UTF_8)) + "\nend\n";
    }

    // ---- format ----

    @Test
    void replace_inClear_writesTheDocumentedReadableFormat() throws IOException {
        store.replace(PRODUCT, entry(1, Optional.of(Duration.ofSeconds(3600))));

        List<String> lines = entryText().lines().toList();
        assertThat(lines).startsWith("devpay-ls-credentials 2", "product=6883959E", "encryption=none",
                "activated-at=2026-11-28T10:00:00Z", "token-expiration=PT1H");
        assertThat(lines.get(lines.size() - 2)).matches("checksum=sha256:[0-9a-f]{64}");
        assertThat(lines.get(lines.size() - 1)).isEqualTo("end");
    }

    @Test
    void replace_encrypted_writesOnlyTheHeaderInClear() throws IOException {
        storeWith(passphrase("pass phrase")).replace(PRODUCT, entry(1, Optional.empty()));

        assertThat(entryText().lines().map(line -> line.substring(0, line.indexOf('=') + 1)).toList())
                .containsExactly("", "product=", "encryption=", "key=",
                        "kdf-iterations=", "kdf-salt=", "nonce=", "ciphertext=", "");
        assertThat(entryText()).contains("key=pbkdf2-hmac-sha256\n", "kdf-iterations=1000\n");
    }

    @Test
    void replace_withNewlinesAndBackslashesInValues_readsThemBack() {
        DesktopCredentials odd = new DesktopCredentials(Secret.of("{UserToken}a\nb\\nc\r"), "AKID\\",
                Secret.of("secret=with=equals\\"));
        CredentialEntry stored = CredentialEntry.activated(PRODUCT, odd, ACTIVATED, Optional.empty())
                .invalidated(new Invalidation("said \"no\" \\ twice", ACTIVATED));
        store.replace(PRODUCT, stored);

        assertThat(((NoUsableCredentials) store.read(PRODUCT)).detail()).contains("said \"no\" \\ twice");
        assertThat(store.update(PRODUCT, current -> Optional.empty())).isEqualTo(store.read(PRODUCT));
        CredentialStore encrypted = storeWith(Encryption.withKey(KEY));
        encrypted.replace(PRODUCT, CredentialEntry.activated(PRODUCT, odd, ACTIVATED, Optional.empty()));
        assertThat(((StoredCredentials) encrypted.read(PRODUCT)).credentials()).isEqualTo(odd);
    }

    // ---- bad files ----

    @Test
    void read_zeroByteFile_isIncomplete() throws IOException {
        writeEntryFile(new byte[0]);

        assertThat(readReason(store)).isEqualTo(Reason.INCOMPLETE);
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void read_everyTruncationOfAValidFile_isIncomplete(boolean encrypted) throws IOException {
        CredentialStore writer = encrypted ? storeWith(Encryption.withKey(KEY)) : store;
        writer.replace(PRODUCT, entry(1, Optional.of(Duration.ofHours(1))));
        byte[] whole = Files.readAllBytes(entryFile());

        for (int length = 0; length < whole.length; length++) {
            writeEntryFile(Arrays.copyOf(whole, length));
            assertThat(readReason(writer)).as("truncated to %d of %d bytes", length, whole.length)
                    .isEqualTo(Reason.INCOMPLETE);
        }
        writeEntryFile(whole);
        assertThat(writer.read(PRODUCT).isUsable()).isTrue();
    }

    @Test
    void read_randomGarbage_isCorrupted() throws IOException {
        Random random = new Random(20261128L);
        for (int size : new int[] {1, 7, 100, 4096}) {
            byte[] garbage = new byte[size];
            random.nextBytes(garbage);
            garbage[0] = (byte) 0xFF; // never a prefix of the first line
            writeEntryFile(garbage);
            assertThat(readReason(store)).as("%d random bytes", size).isEqualTo(Reason.CORRUPTED);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"hello\n", "user-token=abc\naccess-key-id=x\n", "{\"product\":\"6883959E\"}",
            "devpay-ls-credentials x\nend\n", "devpay-ls-credentials 1\nend\n"})
    void read_textThatIsNotAnEntry_isCorrupted(String text) throws IOException {
        writeEntryFile(text);

        assertThat(readReason(store)).isEqualTo(Reason.CORRUPTED);
    }

    @Test
    void read_fileLargerThanAnyEntry_isCorrupted() throws IOException {
        writeEntryFile("devpay-ls-credentials 1\n" + "x".repeat(EntryFormat.MAX_BYTES));

        assertThat(readReason(store)).isEqualTo(Reason.CORRUPTED);
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void read_otherFormatVersion_isUnsupportedVersion(boolean encrypted) throws IOException {
        CredentialStore writer = encrypted ? storeWith(Encryption.withKey(KEY)) : store;
        writer.replace(PRODUCT, entry(1, Optional.empty()));
        writeEntryFile(entryText().replace("devpay-ls-credentials 2\n", "devpay-ls-credentials 3\n"));

        CredentialLookup lookup = writer.read(PRODUCT);

        assertThat(reasonOf(lookup)).isEqualTo(Reason.UNSUPPORTED_VERSION);
        assertThat(((NoUsableCredentials) lookup).detail()).contains("version 3");
    }

    // ---- format versions: 2 adds the verification; 1 is still read ----

    private static byte[] v1Fixture() throws IOException {
        try (var in = FileCredentialStoreTest.class.getResourceAsStream("/store/v1-entry-6883959E.txt")) {
            return in.readAllBytes();
        }
    }

    @Test
    void read_committedVersion1Entry_isAUsableSetNeverVerified() throws IOException {
        writeEntryFile(v1Fixture());

        CredentialLookup lookup = store.read(PRODUCT);

        assertThat(lookup).isInstanceOfSatisfying(StoredCredentials.class, stored -> {
            assertThat(stored.credentials().accessKeyId()).isEqualTo("AKV1FIXTURE000000001");
            assertThat(stored.entry().tokenExpiration()).contains(Duration.ofHours(720));
            assertThat(stored.subscription()).isEqualTo(SubscriptionStatus.UNVERIFIED);
            assertThat(stored.isReadyForS3()).isFalse();
        });
    }

    @Test
    void update_ofAVersion1Entry_rewritesItAsVersion2WithTheVerification() throws IOException {
        writeEntryFile(v1Fixture());
        Verification checked = new Verification(true, Instant.parse("2026-11-28T11:00:00Z"));

        store.update(PRODUCT, lookup -> Optional.of(((StoredCredentials) lookup).entry().verified(checked)));

        assertThat(entryText()).startsWith("devpay-ls-credentials 2\n")
                .contains("verified-at=2026-11-28T11:00:00Z\nverified-subscribed=true\n");
        StoredCredentials reread = (StoredCredentials) store.read(PRODUCT);
        assertThat(reread.entry().verification()).contains(checked);
        assertThat(reread.isReadyForS3()).isTrue();
        assertThat(reread.credentials().accessKeyId()).isEqualTo("AKV1FIXTURE000000001");
    }

    @Test
    void read_version1EntryWithAVerificationField_isCorrupted() throws IOException {
        String v1 = new String(v1Fixture(), StandardCharsets.UTF_8);
        writeEntryFile(withFreshChecksum(v1.replace("token-expiration=", "verified-at=2026-11-28T11:00:00Z\n"
                + "verified-subscribed=true\ntoken-expiration=")));

        assertThat(reasonOf(store.read(PRODUCT))).isEqualTo(Reason.CORRUPTED);
    }

    @ParameterizedTest
    @ValueSource(strings = {"verified-subscribed=true\n", "verified-at=2026-11-28T11:00:00Z\nverified-subscribed=yes\n"})
    void read_halfWrittenOrMalformedVerification_isCorrupted(String fields) throws IOException {
        store.replace(PRODUCT, entry(1, Optional.empty()));
        writeEntryFile(withFreshChecksum(entryText().replace("user-token=", fields + "user-token=")));

        assertThat(reasonOf(store.read(PRODUCT))).isEqualTo(Reason.CORRUPTED);
    }

    @EnabledOnOs({OS.LINUX, OS.MAC}) // POSIX permission bits
    @ParameterizedTest
    @ValueSource(strings = {"rw-r--r--", "rw-r-----", "rw----r--", "rw-rw----", "rwx---rwx"})
    void read_fileAccessibleToGroupOrOthers_isRefusedAsInsecure(String permissions) throws IOException {
        store.replace(PRODUCT, entry(1, Optional.empty()));
        Files.setPosixFilePermissions(entryFile(), PosixFilePermissions.fromString(permissions));

        CredentialLookup lookup = store.read(PRODUCT);

        assertThat(reasonOf(lookup)).isEqualTo(Reason.INSECURE_PERMISSIONS);
        assertThat(((NoUsableCredentials) lookup).detail()).contains(permissions);
    }

    @EnabledOnOs({OS.LINUX, OS.MAC}) // POSIX permission bits
    @Test
    void read_ownerReadOnlyFile_isUsable() throws IOException {
        store.replace(PRODUCT, entry(1, Optional.empty()));
        Files.setPosixFilePermissions(entryFile(), PosixFilePermissions.fromString("r--------"));

        assertThat(store.read(PRODUCT).isUsable()).isTrue();
    }

    @Test
    void read_clearEntryWithEditedValue_isCorrupted() throws IOException {
        store.replace(PRODUCT, entry(1, Optional.empty()));
        writeEntryFile(entryText().replace("access-key-id=AKA", "access-key-id=AKB"));

        assertThat(readReason(store)).isEqualTo(Reason.CORRUPTED);
    }

    @Test
    void read_clearEntryLackingAPartOfTheSet_isIncomplete() throws IOException {
        store.replace(PRODUCT, entry(1, Optional.empty()));
        String text = entryText();
        String withoutSecret = text.replaceAll("secret-access-key=[^\n]*\n", "");
        writeEntryFile(withFreshChecksum(withoutSecret));

        CredentialLookup lookup = store.read(PRODUCT);

        assertThat(reasonOf(lookup)).isEqualTo(Reason.INCOMPLETE);
        assertThat(((NoUsableCredentials) lookup).detail()).contains("secret access key");
    }

    static Stream<Arguments> badFields() {
        return Stream.of(
                Arguments.of("unknown field", (UnaryOperator<String>) t -> t + "unknown-field=1\n"),
                Arguments.of("repeated field", (UnaryOperator<String>) t -> t + "access-key-id=again\n"),
                Arguments.of("line without '='", (UnaryOperator<String>) t -> t + "no equals sign\n"),
                Arguments.of("negative lifetime", (UnaryOperator<String>) t -> t + "token-expiration=PT-5S\n"),
                Arguments.of("half an invalidation", (UnaryOperator<String>) t -> t + "invalidated-at=" + ACTIVATED + "\n"),
                Arguments.of("bad escape", (UnaryOperator<String>) t -> t.replace("access-key-id=AK", "access-key-id=\\qAK")),
                Arguments.of("bad time", (UnaryOperator<String>) t -> t.replaceAll("activated-at=[^\n]*", "activated-at=yesterday")),
                Arguments.of("unknown scheme", (UnaryOperator<String>) t -> t.replace("encryption=none", "encryption=rot13")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badFields")
    void read_clearEntryWithBadFieldButValidChecksum_isCorrupted(String what, UnaryOperator<String> edit)
            throws IOException {
        store.replace(PRODUCT, entry(1, Optional.empty()));
        String text = entryText();
        String fields = text.substring(0, text.indexOf("checksum="));
        writeEntryFile(withFreshChecksum(edit.apply(fields) + "checksum=\nend\n"));

        assertThat(readReason(store)).isEqualTo(Reason.CORRUPTED);
    }

    @Test
    void read_anotherProductsFileCopiedIntoPlace_isCorrupted() throws IOException {
        ProductKey other = ProductKey.of("OTHER");
        store.replace(other, CredentialEntry.activated(other, SampleCredentials.of('B', 1), ACTIVATED,
                Optional.empty()));
        writeEntryFile(Files.readAllBytes(directory.resolve("OTHER.credentials")));

        assertThat(readReason(store)).isEqualTo(Reason.CORRUPTED);
    }

    @Test
    void read_encryptedEntryWithFlippedCiphertextBit_failsDecryption() throws IOException {
        CredentialStore encrypted = storeWith(Encryption.withKey(KEY));
        encrypted.replace(PRODUCT, entry(1, Optional.empty()));
        String text = entryText();
        String ciphertextLine = text.lines().filter(l -> l.startsWith("ciphertext=")).findFirst().orElseThrow();
        byte[] ciphertext = Base64.getDecoder().decode(ciphertextLine.substring("ciphertext=".length()));

        // First byte, a middle byte and the last byte (inside the GCM tag).
        for (int position : new int[] {0, ciphertext.length / 2, ciphertext.length - 1}) {
            byte[] tampered = ciphertext.clone();
            tampered[position] ^= 0x01;
            writeEntryFile(text.replace(ciphertextLine,
                    "ciphertext=" + Base64.getEncoder().encodeToString(tampered)));
            assertThat(readReason(encrypted)).as("bit flipped at byte %d", position)
                    .isEqualTo(Reason.DECRYPTION_FAILED);
        }
    }

    @Test
    void read_encryptedEntryWithEditedHeader_failsDecryption() throws IOException {
        CredentialStore encrypted = storeWith(passphrase("pass phrase"));
        encrypted.replace(PRODUCT, entry(1, Optional.empty()));
        String text = entryText();
        String nonceLine = text.lines().filter(l -> l.startsWith("nonce=")).findFirst().orElseThrow();

        writeEntryFile(text.replace(nonceLine, "nonce=" + Base64.getEncoder().encodeToString(new byte[12])));
        assertThat(readReason(encrypted)).isEqualTo(Reason.DECRYPTION_FAILED);

        writeEntryFile(text.replace("kdf-iterations=1000\n", "kdf-iterations=1001\n"));
        assertThat(readReason(encrypted)).isEqualTo(Reason.DECRYPTION_FAILED);
    }

    @Test
    void read_encryptedEntryMovedToAnotherProduct_failsDecryption() throws IOException {
        ProductKey other = ProductKey.of("OTHER");
        CredentialStore encrypted = storeWith(Encryption.withKey(KEY));
        encrypted.replace(other, CredentialEntry.activated(other, SampleCredentials.of('B', 1), ACTIVATED,
                Optional.empty()));
        // The attacker also rewrites the clear product line; the header is authenticated, so it shows.
        writeEntryFile(Files.readString(directory.resolve("OTHER.credentials"))
                .replace("product=OTHER\n", "product=" + PRODUCT.value() + "\n"));

        assertThat(readReason(encrypted)).isEqualTo(Reason.DECRYPTION_FAILED);
    }

    @Test
    void read_withWrongKeyOrPassphrase_failsDecryption() {
        storeWith(Encryption.withKey(KEY)).replace(PRODUCT, entry(1, Optional.empty()));
        byte[] otherKey = KEY.clone();
        otherKey[0] ^= 1;
        assertThat(readReason(storeWith(Encryption.withKey(otherKey)))).isEqualTo(Reason.DECRYPTION_FAILED);

        storeWith(passphrase("right")).replace(PRODUCT, entry(1, Optional.empty()));
        assertThat(readReason(storeWith(passphrase("wrong")))).isEqualTo(Reason.DECRYPTION_FAILED);
        assertThat(readReason(storeWith(Encryption.withKey(KEY)))).isEqualTo(Reason.DECRYPTION_FAILED);
        assertThat(storeWith(passphrase("right")).read(PRODUCT).isUsable()).isTrue();
    }

    @Test
    void read_protectionDifferentFromTheStores_failsDecryption() {
        store.replace(PRODUCT, entry(1, Optional.empty()));
        CredentialLookup clearReadEncrypted = storeWith(Encryption.withKey(KEY)).read(PRODUCT);
        assertThat(reasonOf(clearReadEncrypted)).isEqualTo(Reason.DECRYPTION_FAILED);
        assertThat(((NoUsableCredentials) clearReadEncrypted).detail()).contains("stored in clear");

        storeWith(Encryption.withKey(KEY)).replace(PRODUCT, entry(1, Optional.empty()));
        assertThat(readReason(store)).isEqualTo(Reason.DECRYPTION_FAILED);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "20000000", "many"})
    void read_encryptedEntryWithOutOfRangeKdfParameters_isCorrupted(String iterations) throws IOException {
        CredentialStore encrypted = storeWith(passphrase("pass phrase"));
        encrypted.replace(PRODUCT, entry(1, Optional.empty()));
        writeEntryFile(entryText().replace("kdf-iterations=1000\n", "kdf-iterations=" + iterations + "\n"));

        assertThat(readReason(encrypted)).isEqualTo(Reason.CORRUPTED);
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void read_afterAnySingleByteChange_neverReturnsASetAndNeverThrows(boolean encrypted) throws IOException {
        CredentialStore writer = encrypted ? storeWith(Encryption.withKey(KEY)) : store;
        writer.replace(PRODUCT, entry(1, Optional.empty()));
        byte[] whole = Files.readAllBytes(entryFile());
        Random random = new Random(6L);

        for (int i = 0; i < 400; i++) {
            byte[] damaged = whole.clone();
            int position = random.nextInt(damaged.length);
            damaged[position] ^= (byte) (1 + random.nextInt(255));
            writeEntryFile(damaged);
            assertThat(writer.read(PRODUCT).isUsable()).as("byte %d changed", position).isFalse();
        }
    }

    @Test
    void read_whenEntryPathIsADirectory_isUnreadable() throws IOException {
        Files.createDirectories(entryFile());

        assertThat(readReason(store)).isEqualTo(Reason.UNREADABLE);
    }

    // ---- permissions, atomicity leftovers, secrets on disk ----

    @EnabledOnOs({OS.LINUX, OS.MAC}) // POSIX permission bits
    @Test
    void replace_createsDirectory0700_andFiles0600() throws IOException {
        Path nested = directory.resolve("config").resolve("app").resolve("credentials");
        CredentialStore fresh = CredentialStore.inFiles().directory(nested).build();
        assertThat(nested).doesNotExist();

        fresh.replace(PRODUCT, entry(1, Optional.empty()));

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(nested))).isEqualTo("rwx------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(nested.resolve("6883959E.credentials"))))
                .isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(nested.resolve("6883959E.lock"))))
                .isEqualTo("rw-------");
        try (Stream<Path> files = Files.list(nested)) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrder("6883959E.credentials", "6883959E.lock");
        }
    }

    @Test
    void replace_removesTempFilesLeftByAKilledWriter() throws IOException {
        Path leftover = directory.resolve(".6883959E~123.tmp");
        Path otherProducts = directory.resolve(".6883959E-2~123.tmp");
        Files.writeString(leftover, "half");
        Files.writeString(otherProducts, "half");

        store.replace(PRODUCT, entry(1, Optional.empty()));

        assertThat(leftover).doesNotExist();
        assertThat(otherProducts).exists();
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void replace_encrypted_leavesNoSecretOnDisk(boolean withPassphrase) throws IOException {
        CredentialStore encrypted = storeWith(withPassphrase ? passphrase("pass phrase") : Encryption.withKey(KEY));
        CredentialEntry stored = entry(42, Optional.of(Duration.ofDays(1)));
        encrypted.replace(PRODUCT, stored);
        encrypted.markInvalid(PRODUCT, "S3 said no");

        assertThat(bytesOnDisk()).doesNotContain(secretsOf(stored.credentials()));
        assertThat(encrypted.read(PRODUCT)).isInstanceOf(NoUsableCredentials.class);
    }

    @Test
    void replace_inClear_hasTheSecretsOnDisk_soTheScanCanSeeThem() throws IOException {
        CredentialEntry stored = entry(42, Optional.empty());
        store.replace(PRODUCT, stored);

        assertThat(bytesOnDisk()).contains(secretsOf(stored.credentials()));
    }

    private String bytesOnDisk() throws IOException {
        StringBuilder all = new StringBuilder();
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                all.append(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1));
            }
        }
        return all.toString();
    }

    private static String[] secretsOf(DesktopCredentials credentials) {
        return new String[] {credentials.userToken().reveal(), credentials.secretAccessKey().reveal(),
            credentials.userToken().reveal().substring("{UserToken}".length(), 60)};
    }

    @Test
    void failures_showNoSecret_inToStringOrDetail() throws IOException {
        CredentialStore encrypted = storeWith(passphrase("pass phrase"));
        CredentialEntry stored = entry(1, Optional.empty());
        encrypted.replace(PRODUCT, stored);
        writeEntryFile(entryText().replace("kdf-iterations=1000", "kdf-iterations=1001"));

        String printed = encrypted.read(PRODUCT) + " " + encrypted;

        assertThat(printed).doesNotContain(secretsOf(stored.credentials())).doesNotContain("pass phrase");
    }

    @Test
    void storesReachingTheDirectoryThroughALink_shareOneLock() throws Exception {
        Path link = Files.createSymbolicLink(directory.resolve("link"), directory.resolve("real"));
        Files.createDirectories(directory.resolve("real"));
        CredentialStore viaReal = CredentialStore.inFiles().directory(directory.resolve("real")).build();
        CredentialStore viaLink = CredentialStore.inFiles().directory(link).build();
        viaReal.replace(PRODUCT, entry(0, Optional.empty()));

        Thread other = new Thread(() -> incrementTimes(viaLink, 30));
        other.start();
        incrementTimes(viaReal, 30);
        other.join();

        assertThat(viaLink.read(PRODUCT)).isEqualTo(new StoredCredentials(entry(60, Optional.empty())));
    }

    private static void incrementTimes(CredentialStore target, int times) {
        for (int i = 0; i < times; i++) {
            target.update(PRODUCT, current -> Optional.of(entry(
                    SampleCredentials.generationOf(((StoredCredentials) current).credentials()) + 1, Optional.empty())));
        }
    }

    // ---- builder ----

    @Test
    void build_withoutApplicationNameOrDirectory_isRefused() {
        assertThatThrownBy(() -> CredentialStore.inFiles().build())
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.field()).isEqualTo("applicationName"));
    }

    @Test
    void build_withApplicationName_usesTheDefaultDirectory_andCreatesNothing() {
        CredentialStore byName = CredentialStore.inFiles().applicationName("devpay-ls-test-app").build();

        Path expected = FileStoreBuilder.defaultDirectory("devpay-ls-test-app");
        assertThat(expected.endsWith(Path.of("devpay-ls-test-app", "credentials"))).isTrue();
        assertThat(byName.toString()).contains(expected.toString());
        assertThat(byName.read(PRODUCT)).isInstanceOf(NoUsableCredentials.class);
        assertThat(expected).doesNotExist();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "../up", "a/b", ".hidden", "white space"})
    void applicationName_thatIsNotAFileName_isRefused(String name) {
        assertThatThrownBy(() -> CredentialStore.inFiles().applicationName(name))
                .isInstanceOf(InvalidInputException.class);
    }
}
