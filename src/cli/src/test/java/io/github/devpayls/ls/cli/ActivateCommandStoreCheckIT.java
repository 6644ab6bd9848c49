package io.github.devpayls.ls.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.devpayls.ls.simulator.FixtureProduct;
import io.github.devpayls.ls.simulator.InjectedFault;
import io.github.devpayls.ls.simulator.LicenseServiceSimulator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code activate} checks that the store can take the entry before sending anything (exit 2), and
 * keeps exit 6 for a store that fails after the service issued a set.
 */
class ActivateCommandStoreCheckIT {

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

    private CommandRun activate(Path store, String... extra) {
        String[] common = {"activate", "--endpoint", simulator.endpoint().toString(),
            "--ca-file", simulator.caCertificatePem().orElseThrow().toString(), "--product", product.productCode(),
            "--store", store.toString(), "--activation-key", product.activationKey()};
        return CommandRun.run(Map.of(CliEnvironment.PRODUCT_TOKEN_VARIABLE, product.productToken()),
                Stream.concat(Stream.of(common), Stream.of(extra)).toArray(String[]::new));
    }

    @Test
    void activate_whenTheEntryPathIsADirectory_exitsTwo_andSendsNothing() throws Exception {
        Path store = Files.createDirectories(directory.resolve("store"));
        Files.createDirectory(store.resolve(product.productCode() + ".credentials"));
        int before = simulator.requestCount();

        CommandRun run = activate(store, "--json");

        assertThat(run.exitCode()).as(run.all()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(run.out()).startsWith("{\"outcome\":\"invalid-input\",\"field\":\"store\",\"rule\":\"must be writable: ")
                .contains("is a directory");
        assertThat(simulator.requestCount()).isEqualTo(before);
    }

    @Test
    void activate_whenTheStoreFailsAfterTheServiceAnswered_stillExitsStoreFailed() throws Exception {
        Path store = directory.resolve("store");
        int before = simulator.requestCount();
        // The answer waits; meanwhile the (checked, writable) store directory turns into a file.
        simulator.faults().injectNext(1, InjectedFault.delay(Duration.ofSeconds(3)));

        CompletableFuture<CommandRun> running = CompletableFuture.supplyAsync(() -> activate(store));
        while (simulator.requestCount() == before && !running.isDone()) {
            Thread.onSpinWait();
        }
        try (Stream<Path> paths = Files.walk(store)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
        Files.writeString(store, "not a directory");
        CommandRun run = running.join();

        assertThat(simulator.requestCount()).isEqualTo(before + 1);
        assertThat(run.exitCode()).as(run.all()).isEqualTo(ExitCodes.STORE_FAILED);
        assertThat(run.err()).contains("outcome: store-failed");
        assertThat(run.all()).doesNotContain(product.activationKey());
    }
}
