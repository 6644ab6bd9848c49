package io.github.devpayls.ls.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Two processes write different complete sets for the same product at the same time. */
@Tag("slow") // two child JVMs racing on one store; run all but these with -DexcludedGroups=slow
class TwoProcessWritersIT {

    private static final int SETS_PER_WRITER = 150;

    @TempDir
    Path directory;

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void twoProcessesWritingConcurrently_endWithOneCompleteSet_andLoseNoUpdate() throws Exception {
        try (ChildJvm a = ChildJvm.start(CountingWriter.class, directory.toString(), "A",
                Integer.toString(SETS_PER_WRITER));
                ChildJvm b = ChildJvm.start(CountingWriter.class, directory.toString(), "B",
                        Integer.toString(SETS_PER_WRITER))) {
            a.awaitLine("ready");
            b.awaitLine("ready");
            a.send("go");
            b.send("go");

            assertThat(a.awaitExit()).as("writer A: %s", a.transcript()).isZero();
            assertThat(b.awaitExit()).as("writer B: %s", b.transcript()).isZero();
        }

        CredentialLookup lookup = StoreRewriter.store(directory).read(StoreRewriter.PRODUCT);
        assertThat(lookup).isInstanceOf(StoredCredentials.class);
        StoredCredentials stored = (StoredCredentials) lookup;
        long generation = SampleCredentials.generationOf(stored.credentials());
        assertThat(generation).as("every update of both writers counted").isEqualTo(2L * SETS_PER_WRITER);
        char writer = SampleCredentials.writerOf(stored.credentials());
        assertThat(writer).isIn('A', 'B');
        assertThat(stored).isEqualTo(new StoredCredentials(StoreRewriter.generation(writer, generation)));
    }
}
