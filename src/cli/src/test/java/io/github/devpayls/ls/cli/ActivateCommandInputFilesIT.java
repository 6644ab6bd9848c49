package io.github.devpayls.ls.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.devpayls.ls.internal.BoundedFiles;
import io.github.devpayls.ls.simulator.FixtureProduct;
import io.github.devpayls.ls.simulator.LicenseServiceSimulator;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code activate} reads its product-token and CA files only when they are regular files of bounded
 * size: anything else exits 2 with the file and the rule on one line, and sends nothing.
 */
class ActivateCommandInputFilesIT {

    private static final Path DEV_ZERO = Path.of("/dev/zero");

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

    private CommandRun activate(Path tokenFile, Path caFile) {
        List<String> args = new ArrayList<>(List.of("activate", "--endpoint", simulator.endpoint().toString(),
                "--ca-file", caFile.toString(), "--product", product.productCode(), "--store",
                directory.resolve("store").toString(), "--activation-key", product.activationKey()));
        Map<String, String> environment = Map.of();
        if (tokenFile != null) {
            args.add("--product-token-file");
            args.add(tokenFile.toString());
        } else {
            environment = Map.of(CliEnvironment.PRODUCT_TOKEN_VARIABLE, product.productToken());
        }
        return CommandRun.run(environment, args.toArray(String[]::new));
    }

    private CommandRun withTokenFile(Path tokenFile) {
        return activate(tokenFile, simulator.caCertificatePem().orElseThrow());
    }

    private static void assertRefused(CommandRun run, String option, Path file, String rule) {
        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(run.err()).contains("outcome: invalid-input").contains("field: " + option);
        assertThat(run.err().lines().filter(line -> line.startsWith("rule: ")))
                .singleElement().asString().contains(file.toString()).contains(rule);
    }

    private static Path fifo(Path file) throws Exception {
        assertThat(new ProcessBuilder("mkfifo", file.toString()).inheritIO().start().waitFor()).isZero();
        return file;
    }

    @Test
    @EnabledOnOs({OS.LINUX, OS.MAC})
    void productTokenFile_devZero_exitsTwo_namingTheFile_andSendsNothing() {
        int before = simulator.requestCount();

        assertRefused(withTokenFile(DEV_ZERO), "product-token-file", DEV_ZERO, "must be a regular file");
        assertThat(simulator.requestCount()).isEqualTo(before);
    }

    @Test
    @EnabledOnOs({OS.LINUX, OS.MAC})
    void productTokenFile_aFifo_exitsTwo_insteadOfBlocking() throws Exception {
        Path fifo = fifo(directory.resolve("token-fifo"));
        int before = simulator.requestCount();

        assertRefused(withTokenFile(fifo), "product-token-file", fifo, "must be a regular file");
        assertThat(simulator.requestCount()).isEqualTo(before);
    }

    @Test
    void productTokenFile_ofTwoHundredMegabytes_isRefusedBeforeBeingRead() throws Exception {
        Path huge = directory.resolve("huge-token");
        try (RandomAccessFile file = new RandomAccessFile(huge.toFile(), "rw")) {
            file.setLength(200L * 1024 * 1024); // sparse: no disk cost
        }
        int before = simulator.requestCount();

        assertRefused(withTokenFile(huge), "product-token-file", huge,
                "must be at most " + BoundedFiles.PRODUCT_TOKEN_FILE_MAX_BYTES + " bytes");
        assertThat(simulator.requestCount()).isEqualTo(before);
    }

    @Test
    void productTokenFile_aDirectory_exitsTwo() {
        assertRefused(withTokenFile(directory), "product-token-file", directory, "is a directory");
    }

    @Test
    void productTokenFile_ofTheRightSize_stillWorks() throws Exception {
        Path token = Files.writeString(directory.resolve("token"), " " + product.productToken() + "\n");

        CommandRun run = withTokenFile(token);

        assertThat(run.exitCode()).as(run.err()).isZero();
    }

    @Test
    @EnabledOnOs({OS.LINUX, OS.MAC})
    void caFile_devZero_exitsTwo_insteadOfHanging() {
        int before = simulator.requestCount();

        assertRefused(activate(null, DEV_ZERO), "ca-file", DEV_ZERO, "must be a regular file");
        assertThat(simulator.requestCount()).isEqualTo(before);
    }

    @Test
    @EnabledOnOs({OS.LINUX, OS.MAC})
    void caFile_aFifo_exitsTwo_insteadOfBlocking() throws Exception {
        Path fifo = fifo(directory.resolve("ca-fifo"));

        assertRefused(activate(null, fifo), "ca-file", fifo, "must be a regular file");
    }
}
