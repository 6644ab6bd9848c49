package io.github.devpayls.ls.store;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A child JVM running a main class from the test classpath, talking in lines over stdin/stdout.
 * Started lean (C1 only, serial GC) because the crash test starts one per kill.
 */
final class ChildJvm implements AutoCloseable {

    private final Process process;
    private final BufferedReader out;
    private final PrintWriter in;
    private final List<String> transcript = new ArrayList<>();

    private ChildJvm(Process process) {
        this.process = process;
        this.out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        this.in = new PrintWriter(process.getOutputStream(), true, StandardCharsets.UTF_8);
    }

    static ChildJvm start(Class<?> mainClass, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-XX:-UsePerfData", "-Xmx64m",
                "-cp", System.getProperty("java.class.path"),
                mainClass.getName()));
        command.addAll(List.of(args));
        return new ChildJvm(new ProcessBuilder(command).redirectErrorStream(true).start());
    }

    /**
     * @return the next line starting with {@code prefix}, skipping others
     * @throws IllegalStateException with the transcript when the child ended first
     */
    String awaitLine(String prefix) throws IOException {
        String line;
        while ((line = out.readLine()) != null) {
            transcript.add(line);
            if (line.startsWith(prefix)) {
                return line;
            }
        }
        throw new IllegalStateException("child ended before '" + prefix + "'; output: " + transcript);
    }

    void send(String line) {
        in.println(line);
    }

    /**
     * Kills with SIGKILL on Unix (destroyForcibly): no shutdown hook, no finally block runs. Through
     * the process handle, because {@link Process#destroyForcibly()} also closes our end of the
     * child's stdout, and the lines it printed before dying are still wanted.
     */
    void kill() throws InterruptedException {
        process.toHandle().destroyForcibly();
        process.waitFor();
    }

    /** Reads what the child printed until its output ends (it exited or was killed). */
    List<String> remainingLines() throws IOException {
        List<String> lines = new ArrayList<>();
        String line;
        while ((line = out.readLine()) != null) {
            transcript.add(line);
            lines.add(line);
        }
        return lines;
    }

    int awaitExit() throws InterruptedException, IOException {
        remainingLines();
        return process.waitFor();
    }

    List<String> transcript() {
        return transcript;
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            kill();
        }
    }
}
