package io.github.devpayls.ls.store;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The shared behaviour again, with entries encrypted by a low-iteration passphrase key. */
class EncryptedFileCredentialStoreTest extends CredentialStoreContract {

    @TempDir
    Path directory;

    private MutableClock storeClock;

    @Override
    CredentialStore newStore(MutableClock clock) {
        storeClock = clock;
        return sameDataStore();
    }

    @Override
    CredentialStore sameDataStore() {
        return CredentialStore.inFiles().directory(directory).clock(storeClock)
                .encryption(Encryption.passphraseWithAnyIterations("correct horse".toCharArray(), 1_000))
                .build();
    }
}
