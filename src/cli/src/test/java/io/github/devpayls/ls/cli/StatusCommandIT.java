package io.github.devpayls.ls.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.devpayls.ls.DesktopCredentials;
import io.github.devpayls.ls.Secret;
import io.github.devpayls.ls.store.CredentialEntry;
import io.github.devpayls.ls.store.CredentialStore;
import io.github.devpayls.ls.store.ProductKey;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code devpay-ls status} in-process over a file store in a temporary directory. */
class StatusCommandIT {

    private static final ProductKey PRODUCT = ProductKey.of("6883959E");
    private static final DesktopCredentials SET = new DesktopCredentials(
            Secret.of("{UserToken}AAAEXAMPLEUSERTOKENVALUE0123456789"), "AKIAEXAMPLEEXAMPLE12",
            Secret.of("wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"));

    @TempDir
    Path directory;

    private CommandRun status(String... extra) {
        String[] args = new String[3 + 1 + extra.length];
        args[0] = "status";
        args[1] = "--product=" + PRODUCT.value();
        args[2] = "--store";
        args[3] = directory.toString();
        System.arraycopy(extra, 0, args, 4, extra.length);
        return CommandRun.run(Map.of(), args);
    }

    private void store(CredentialEntry entry) {
        CredentialStore.inFiles().directory(directory).build().replace(PRODUCT, entry);
    }

    private static void assertNoSecretIn(CommandRun run) {
        assertThat(run.all()).doesNotContain(SET.userToken().reveal()).doesNotContain(SET.secretAccessKey().reveal());
    }

    @Test
    void status_withNothingStored_saysActivationNeeded_andExitsThree() {
        CommandRun run = status();

        assertThat(run.exitCode()).isEqualTo(ExitCodes.ACTION_NEEDED);
        assertThat(run.outValue("outcome")).isEqualTo("activation-needed");
        assertThat(run.outValue("usable")).isEqualTo("false");
        assertThat(run.outValue("reason")).isEqualTo("NONE_STORED");
        assertThat(run.outValue("detail")).isNotBlank();
    }

    @Test
    void status_withAUsableSet_showsItMasked_andExitsZero() {
        Instant activatedAt = Instant.now();
        store(CredentialEntry.activated(PRODUCT, SET, activatedAt, Optional.of(Duration.ofDays(30))));

        CommandRun run = status();

        assertThat(run.exitCode()).isZero();
        assertThat(run.outValue("outcome")).isEqualTo("usable");
        assertThat(run.outValue("access-key-id")).isEqualTo(SET.accessKeyId());
        assertThat(run.outValue("user-token")).isEqualTo("**** (" + SET.userToken().length() + " chars)");
        assertThat(run.outValue("activated-at")).isEqualTo(activatedAt.toString());
        assertThat(run.outValue("expires-at")).isEqualTo(activatedAt.plus(Duration.ofDays(30)).toString());
        assertNoSecretIn(run);
    }

    @Test
    void status_withAnExpiredSet_saysExpired() {
        store(CredentialEntry.activated(PRODUCT, SET, Instant.now().minus(Duration.ofHours(2)),
                Optional.of(Duration.ofHours(1))));

        CommandRun run = status("--json");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.ACTION_NEEDED);
        assertThat(run.out()).startsWith("{\"outcome\":\"activation-needed\",\"product\":\"6883959E\",\"usable\":false,"
                + "\"reason\":\"EXPIRED\"");
        assertNoSecretIn(run);
    }

    @Test
    void status_withAnInvalidatedSet_saysInvalidated_withTheReason() {
        store(CredentialEntry.activated(PRODUCT, SET, Instant.now(), Optional.empty()));
        CredentialStore.inFiles().directory(directory).build().markInvalid(PRODUCT, "S3 said \"InvalidUserToken\"");

        CommandRun run = status("--json");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.ACTION_NEEDED);
        assertThat(run.out()).contains("\"reason\":\"INVALIDATED\"").contains("S3 said \\\"InvalidUserToken\\\"");
    }

    @Test
    void status_withACorruptedFile_saysCorrupted() throws Exception {
        Path entry = Files.writeString(directory.resolve(PRODUCT.value() + ".credentials"), "garbage\n");
        Files.setPosixFilePermissions(entry, PosixFilePermissions.fromString("rw-------"));

        CommandRun run = status();

        assertThat(run.exitCode()).isEqualTo(ExitCodes.ACTION_NEEDED);
        assertThat(run.outValue("reason")).isEqualTo("CORRUPTED");
    }

    @Test
    void status_withABadProductCode_isInvalidInput() {
        CommandRun run = CommandRun.run(Map.of(), "status", "--product", "a/b", "--store", directory.toString());

        assertThat(run.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(run.err()).contains("field: productKey");
    }

    @Test
    void statusHelp_describesTheOptions_andTheExitCodes() {
        CommandRun run = CommandRun.run(Map.of(), "status", "--help");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("--product", "--store", "--json", "Exit codes:");
    }
}
