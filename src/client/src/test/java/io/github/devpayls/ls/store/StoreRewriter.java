package io.github.devpayls.ls.store;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;

/**
 * Child JVM for {@link CrashConsistencyIT}: continues the generation found in the store and
 * rewrites the entry in a tight loop, printing {@code wrote <n>} after each replace returned, until
 * it is killed.
 */
public final class StoreRewriter {

    static final ProductKey PRODUCT = ProductKey.of("crash-test");
    static final byte[] KEY = new byte[32];

    private StoreRewriter() {
    }

    static CredentialStore store(Path directory) {
        return CredentialStore.inFiles().directory(directory).encryption(Encryption.withKey(KEY)).build();
    }

    static CredentialEntry generation(char writer, long generation) {
        return CredentialEntry.activated(PRODUCT, SampleCredentials.of(writer, generation),
                Instant.ofEpochSecond(1_800_000_000L + generation), Optional.empty());
    }

    /** @param args the store directory */
    public static void main(String[] args) {
        CredentialStore store = store(Path.of(args[0]));
        long generation = store.read(PRODUCT) instanceof StoredCredentials stored
                ? SampleCredentials.generationOf(stored.credentials()) : 0;
        System.out.println("ready " + generation);
        System.out.flush();
        while (true) {
            generation++;
            store.replace(PRODUCT, generation('A', generation));
            System.out.println("wrote " + generation);
            System.out.flush();
        }
    }
}
