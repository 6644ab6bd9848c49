package io.github.devpayls.ls.store;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Child JVM for {@link TwoProcessWritersIT}: after {@code go} on stdin, stores {@code count} new
 * sets of its own, each one generation past whatever is stored, through {@link CredentialStore#update}.
 * A lost update between the two processes would show as a final generation below the total.
 */
public final class CountingWriter {

    private CountingWriter() {
    }

    /** @param args the store directory, the writer letter, the number of sets to write */
    public static void main(String[] args) throws IOException {
        CredentialStore store = StoreRewriter.store(Path.of(args[0]));
        char writer = args[1].charAt(0);
        int count = Integer.parseInt(args[2]);
        System.out.println("ready");
        System.out.flush();
        if (!"go".equals(new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine())) {
            System.exit(2);
        }
        for (int i = 0; i < count; i++) {
            store.update(StoreRewriter.PRODUCT, current -> {
                long stored = current instanceof StoredCredentials set
                        ? SampleCredentials.generationOf(set.credentials()) : 0;
                return Optional.of(StoreRewriter.generation(writer, stored + 1));
            });
        }
        System.out.println("done");
        System.out.flush();
    }
}
