package io.github.devpayls.ls.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.devpayls.ls.simulator.FixtureProduct;
import io.github.devpayls.ls.simulator.InjectedFault;
import io.github.devpayls.ls.simulator.LicenseServiceSimulator;
import io.github.devpayls.ls.store.CredentialStore;
import io.github.devpayls.ls.store.NoUsableCredentials;
import io.github.devpayls.ls.store.ProductKey;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Ctrl-C during {@code activate}, for real: the CLI runs in a child JVM against a simulator that
 * never answers, gets SIGINT once its request arrived, and must exit 130 with the outcome printed
 * and the store unchanged.
 */
@EnabledOnOs({OS.LINUX, OS.MAC})
class ActivateInterruptIT {

    private static LicenseServiceSimulator simulator;
    private static FixtureProduct product;

    @TempDir
    Path directory;

    @BeforeAll
    static void start() {
        simulator = LicenseServiceSimulator.builder().start();
        product = simulator.fixtures().products().get(0);
    }

    @AfterAll
    static void stop() {
        simulator.close();
    }

    @ParameterizedTest(name = "json={0}")
    @ValueSource(booleans = {false, true})
    @Timeout(120)
    void sigintWhileWaitingForTheService_exits130_printsTheOutcome_andLeavesTheStoreUnchanged(boolean json)
            throws Exception {
        Path store = directory.resolve("store");
        Path out = directory.resolve("out.txt");
        Path err = directory.resolve("err.txt");
        simulator.faults().injectNext(1, InjectedFault.hang());
        int before = simulator.requestCount();
        List<String> command = new ArrayList<>(List.of(
                // A child started from a non-interactive shell's background job inherits SIGINT
                // ignored, and the JVM keeps it so; perl restores the default before exec'ing java.
                "perl", "-e", "$SIG{INT} = 'DEFAULT'; exec @ARGV or die",
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                "activate", "--endpoint", simulator.endpoint().toString(),
                "--ca-file", simulator.caCertificatePem().orElseThrow().toString(),
                "--product", product.productCode(), "--store", store.toString(),
                "--activation-key", product.activationKey()));
        if (json) {
            command.add("--json");
        }
        ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
        builder.environment().put(CliEnvironment.PRODUCT_TOKEN_VARIABLE, product.productToken());
        Process child = builder.start();
        while (simulator.requestCount() == before && child.isAlive()) {
            Thread.sleep(20);
        }
        assertThat(child.isAlive()).as("the CLI is waiting for the hung simulator").isTrue();

        Process kill = new ProcessBuilder("kill", "-INT", Long.toString(child.pid())).inheritIO().start();
        assertThat(kill.waitFor()).isZero();
        int exitCode = child.waitFor();

        String stdout = Files.readString(out, StandardCharsets.UTF_8);
        String stderr = Files.readString(err, StandardCharsets.UTF_8);
        assertThat(exitCode).as(stdout + stderr).isEqualTo(130);
        if (json) {
            assertThat(stdout.strip()).startsWith("{\"outcome\":\"interrupted\",\"stored\":false,\"message\":\"")
                    .doesNotContain("\n");
        } else {
            assertThat(stderr).contains("outcome: interrupted").contains("stored: false")
                    .contains("the stored set is unchanged");
        }
        assertThat(CredentialStore.inFiles().directory(store).build().read(ProductKey.of(product.productCode())))
                .isInstanceOfSatisfying(NoUsableCredentials.class,
                        none -> assertThat(none.reason()).isEqualTo(NoUsableCredentials.Reason.NONE_STORED));
        assertThat(stdout + stderr).doesNotContain(product.activationKey());
    }
}
