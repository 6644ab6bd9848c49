package io.github.devpayls.ls.store;

import io.github.devpayls.ls.simulator.junit.ManualClock;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The shared behaviour again, with entries encrypted by a low-iteration passphrase key. */
class EncryptedFileCredentialStoreTest extends CredentialStoreContract {

    @TempDir
    Path directory;

    @Override
    CredentialStore storeOn(ManualClock clock) {
        return CredentialStore.inFiles().directory(directory).clock(clock)
                .encryption(Encryption.passphraseWithAnyIterations("correct horse".toCharArray(), 1_000))
                .build();
    }
}
