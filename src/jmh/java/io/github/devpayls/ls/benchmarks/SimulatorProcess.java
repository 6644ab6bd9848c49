package io.github.devpayls.ls.benchmarks;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The simulator's {@code serve} command in its own JVM, started from this JVM's classpath, so that
 * its CPU time, allocation and garbage collection stay out of the measured JVM's numbers. On a
 * two-core machine it still competes with the client for the CPU.
 */
final class SimulatorProcess implements AutoCloseable {

    private static final String SERVE_MAIN = "io.github.devpayls.ls.cli.Main";

    private final Process process;
    private final Target target;

    private SimulatorProcess(Process process, Target target) {
        this.process = process;
        this.target = target;
    }

    /**
     * Starts {@code serve} and waits for the lines it prints once it is listening.
     *
     * @param https HTTPS with a throwaway CA, or plain HTTP
     * @param extraServeArguments further {@code serve} options
     * @return the running simulator, with its first demo product's token and valid key
     * @throws IOException when it cannot be started or exits before it is ready
     */
    static SimulatorProcess start(boolean https, String... extraServeArguments) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), SERVE_MAIN, "serve"));
        if (!https) {
            command.add("--http");
        }
        command.addAll(List.of(extraServeArguments));
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        // JMH runs no tear-down after a failed set-up; without this the simulator would outlive the
        // fork, holding its inherited stderr open, and JMH would wait for that pipe forever.
        Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly, "stop-simulator-" + process.pid()));
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        URI endpoint = null;
        Path ca = null;
        String token = null;
        for (String line = out.readLine(); line != null; line = out.readLine()) {
            String value = line.substring(line.indexOf(": ") + 2);
            if (line.startsWith("endpoint: ")) {
                endpoint = URI.create(value);
            } else if (line.startsWith("ca-certificate: ")) {
                ca = Path.of(value);
            } else if (line.startsWith("product-token[") && token == null) {
                token = value;
            } else if (line.startsWith("activation-key[")) {
                // The first product's valid key is the last line needed; serve prints nothing after its list.
                return new SimulatorProcess(process, new Target(endpoint, Optional.ofNullable(ca), token, value));
            }
        }
        process.destroyForcibly();
        throw new IOException("the simulator exited before it was ready (exit code " + waitFor(process) + ")");
    }

    private static int waitFor(Process process) {
        try {
            return process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    /** @return the endpoint, its CA and the first demo product's token and valid key */
    Target target() {
        return target;
    }

    /** @return the simulator JVM's process id */
    long pid() {
        return process.pid();
    }

    /** Stops the simulator as Ctrl-C would (its shutdown hook closes it), forcibly after ten seconds. */
    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }
}
