package io.github.devpayls.ls.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.devpayls.ls.store.CredentialLookup;
import io.github.devpayls.ls.store.CredentialStore;
import io.github.devpayls.ls.store.ProductKey;
import io.github.devpayls.ls.store.StoredCredentials;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code devpay-ls demo} and the top-level command, in-process. */
class DemoCommandIT {

    @Test
    void demo_activatesStoresAndShowsTheExpiredKeyError_withSecretsMasked(@TempDir Path directory) throws Exception {
        CommandRun run = CommandRun.run(Map.of(), "demo", "--store", directory.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("[1/8] simulator started: https://127.0.0.1:")
                .contains("hostname checks on")
                .contains("outcome: activated")
                .contains("outcome: not-subscribed", "ready for S3: false")
                .contains("outcome: subscribed", "ready for S3: true")
                .contains("subscription: SUBSCRIBED")
                .contains("outcome: refreshed", "the set stays subscribed: true")
                .contains("outcome: usable")
                .contains("code: EXPIRED_ACTIVATION_KEY")
                .contains("action: ")
                .contains("the stored set is unchanged: usable")
                .contains("ActivationKey[****]");
        String product = run.outValue("product");
        CredentialLookup lookup = CredentialStore.inFiles().directory(directory).build().read(ProductKey.of(product));
        assertThat(lookup).isInstanceOf(StoredCredentials.class);
        StoredCredentials stored = (StoredCredentials) lookup;
        assertThat(run.all()).doesNotContain(stored.credentials().userToken().reveal())
                .doesNotContain(stored.credentials().secretAccessKey().reveal());
    }

    @Test
    void demo_withoutStore_deletesItsTemporaryStore() throws Exception {
        CommandRun run = CommandRun.run(Map.of(), "demo");

        assertThat(run.exitCode()).as(run.err()).isZero();
        Path entry = Path.of(run.outValue("store"));
        assertThat(entry.getParent()).doesNotExist();
        assertThat(run.out()).contains("temporary store deleted");
    }

    @Test
    void everyCommand_hasHelp() {
        for (String command : new String[] {"demo", "activate", "status", "verify", "refresh", "serve"}) {
            CommandRun run = CommandRun.run(Map.of(), command, "--help");
            assertThat(run.exitCode()).as(command).isZero();
            assertThat(run.out()).as(command).contains("Usage: devpay-ls " + command);
        }
        assertThat(CommandRun.run(Map.of(), "--help").out()).contains("demo", "activate", "status", "verify", "refresh", "serve");
    }

    @Test
    void noSubcommand_printsUsageOnStandardError_andExitsTwo() {
        CommandRun run = CommandRun.run(Map.of());

        assertThat(run.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).contains("Missing command: give one of demo, activate, status, verify, refresh, serve.")
                .contains("Usage: devpay-ls");
    }

    @Test
    void demo_whenTheStoreCannotBeWritten_exitsStoreFailed() throws Exception {
        Path notADirectory = Files.createTempFile("devpay-ls-", ".txt");
        try {
            CommandRun run = CommandRun.run(Map.of(), "demo", "--store", notADirectory.resolve("sub").toString());

            assertThat(run.exitCode()).isEqualTo(ExitCodes.STORE_FAILED);
            assertThat(run.err()).contains("outcome: store-failed");
        } finally {
            Files.deleteIfExists(notADirectory);
        }
    }
}
