package io.github.devpayls.ls.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills a writer process with SIGKILL at random moments and checks that the store always holds
 * either the last set the writer confirmed or the one it was writing — complete, never a mix. The
 * writer confirms a generation only after {@code replace} returned and starts the next one only
 * after confirming, so the stored generation must be the last confirmed one or the next.
 */
@Tag("slow") // kills child JVMs mid-write, many rounds; run all but these with -DexcludedGroups=slow
class CrashConsistencyIT {

    private static final long SEED = 20261128L;
    private static final int KILLS = 50;

    @TempDir
    Path directory;

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void writerKilledMidRewrite_leavesTheOldOrTheNewCompleteSet() throws Exception {
        Random random = new Random(SEED);
        CredentialStore reader = StoreRewriter.store(directory);
        long started = System.nanoTime();
        long confirmed = 0;
        int killsMidWrite = 0;

        for (int kill = 1; kill <= KILLS; kill++) {
            try (ChildJvm writer = ChildJvm.start(StoreRewriter.class, directory.toString())) {
                long resumedFrom = Long.parseLong(writer.awaitLine("ready ").substring("ready ".length()));
                assertThat(resumedFrom).as("kill %d: child resumed from the stored generation", kill)
                        .isEqualTo(confirmed);
                int writes = 1 + random.nextInt(4);
                for (int i = 0; i < writes; i++) {
                    confirmed = Long.parseLong(writer.awaitLine("wrote ").substring("wrote ".length()));
                }
                // A random extra pause so the kill lands in different phases of the next write.
                LockSupport.parkNanos(random.nextInt(3_000_000));
                writer.kill();
                // Writes the child confirmed before it died but this test had not read yet.
                for (String line : writer.remainingLines()) {
                    if (line.startsWith("wrote ")) {
                        confirmed = Long.parseLong(line.substring("wrote ".length()));
                    }
                }
            }

            if (hasTempFile()) {
                killsMidWrite++;
            }
            CredentialLookup lookup = reader.read(StoreRewriter.PRODUCT);
            assertThat(lookup).as("kill %d", kill).isInstanceOf(StoredCredentials.class);
            long stored = SampleCredentials.generationOf(((StoredCredentials) lookup).credentials());
            assertThat(stored).as("kill %d: stored generation (last confirmed %d)", kill, confirmed)
                    .isBetween(confirmed, confirmed + 1);
            assertThat(lookup).isEqualTo(new StoredCredentials(StoreRewriter.generation('A', stored)));
            confirmed = stored;
        }

        // Proof that kills interrupted writes (a temp file existed) rather than only idle moments.
        assertThat(killsMidWrite).isPositive();
        // At most the killed writer's temp file remains, and the next write clears it.
        reader.replace(StoreRewriter.PRODUCT, StoreRewriter.generation('A', confirmed + 1));
        try (Stream<Path> files = Files.list(directory)) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrder("crash-test.credentials", "crash-test.lock");
        }
        System.out.printf("CrashConsistencyIT: %d kills (%d mid-write) in %d ms%n", KILLS, killsMidWrite,
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
    }

    private boolean hasTempFile() throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.anyMatch(p -> p.getFileName().toString().endsWith(FileCredentialStore.TEMP_SUFFIX));
        }
    }
}
