package io.github.devpayls.ls.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.devpayls.ls.InvalidInputException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EncryptionTest {

    @ParameterizedTest
    @ValueSource(ints = {16, 24, 32})
    void withKey_acceptsAesKeySizes(int bytes) {
        assertThat(Encryption.withKey(new byte[bytes]).toString()).isEqualTo("Encryption[AES-GCM, application key]");
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 8, 31, 64})
    void withKey_ofAnotherSize_isRefused(int bytes) {
        assertThatThrownBy(() -> Encryption.withKey(new byte[bytes]))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("key"));
    }

    @Test
    void withPassphrase_usesTheStrongDefault_andNeverPrintsThePassphrase() {
        Encryption encryption = Encryption.withPassphrase("my secret phrase".toCharArray());

        assertThat(encryption.toString())
                .isEqualTo("Encryption[AES-GCM, PBKDF2WithHmacSHA256, 600000 iterations]")
                .doesNotContain("my secret phrase");
        assertThat(encryption.kdfParameters()).containsEntry(EntryFormat.KDF_ITERATIONS, "600000");
    }

    @Test
    void withPassphrase_belowTheMinimumIterations_isRefused() {
        assertThatThrownBy(() -> Encryption.withPassphrase("phrase".toCharArray(), Encryption.MIN_ITERATIONS - 1))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.field()).isEqualTo("iterations"));
    }

    @Test
    void withPassphrase_blank_isRefused() {
        assertThatThrownBy(() -> Encryption.withPassphrase("  ".toCharArray()))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.field()).isEqualTo("passphrase"));
    }

    @Test
    void withPassphrase_copiesThePassphrase_soTheCallerMayWipeIt() throws UnusableEntry {
        char[] phrase = "wipe me later".toCharArray();
        Encryption encryption = Encryption.passphraseWithAnyIterations(phrase, 1_000);
        byte[] nonce = encryption.newNonce();
        byte[] sealed = encryption.seal(nonce, new byte[0], "body".getBytes(StandardCharsets.UTF_8));
        java.util.Arrays.fill(phrase, 'x');

        Encryption again = Encryption.passphraseWithAnyIterations("wipe me later".toCharArray(), 1_000);
        byte[] salt = java.util.Base64.getDecoder().decode(encryption.kdfParameters().get(EntryFormat.KDF_SALT));
        assertThat(again.open(Encryption.KEY_SOURCE_PASSPHRASE, 1_000, salt, nonce, new byte[0], sealed))
                .asString(StandardCharsets.UTF_8).isEqualTo("body");
    }

    @Test
    void newNonce_isFreshEachTime() {
        Encryption encryption = Encryption.withKey(new byte[32]);

        assertThat(encryption.newNonce()).hasSize(12).isNotEqualTo(encryption.newNonce());
    }
}
