package io.github.devpayls.ls.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.devpayls.ls.store.CredentialLookup;
import io.github.devpayls.ls.store.CredentialStore;
import io.github.devpayls.ls.store.ProductKey;
import io.github.devpayls.ls.store.StoredCredentials;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real {@code java -jar target/devpay-ls.jar}: demo, serve with activate and status against
 * it. Run by failsafe after {@code package} built the jar (the property {@code devpay-ls.jar}
 * names it).
 */
class CliJarIT {

    private static final Path JAR = Path.of(System.getProperty("devpay-ls.jar", "target/devpay-ls.jar"));
    private static final long TIMEOUT_SECONDS = 60;

    @TempDir
    Path directory;

    private record JarRun(int exitCode, String out, String err) {
        String all() {
            return out + err;
        }
    }

    private static List<String> command(String... args) {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", JAR.toString()));
        command.addAll(List.of(args));
        return command;
    }

    private JarRun run(Map<String, String> environment, String... args) throws Exception {
        Path out = Files.createTempFile(directory, "out", ".txt");
        Path err = Files.createTempFile(directory, "err", ".txt");
        ProcessBuilder builder = new ProcessBuilder(command(args)).redirectOutput(out.toFile())
                .redirectError(err.toFile()).redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
        builder.environment().remove(CliEnvironment.PRODUCT_TOKEN_VARIABLE);
        builder.environment().remove(CliEnvironment.ACTIVATION_KEY_VARIABLE);
        builder.environment().putAll(environment);
        Process process = builder.start();
        if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("devpay-ls " + String.join(" ", args) + " did not finish");
        }
        return new JarRun(process.exitValue(), Files.readString(out), Files.readString(err));
    }

    private static String value(String text, String name) {
        return text.lines().map(String::strip).filter(line -> line.startsWith(name + ": ")).findFirst()
                .map(line -> line.substring(name.length() + 2))
                .orElseThrow(() -> new AssertionError("no '" + name + "' in: " + text));
    }

    private static StoredCredentials stored(Path store, String product) {
        CredentialLookup lookup = CredentialStore.inFiles().directory(store).build().read(ProductKey.of(product));
        assertThat(lookup).isInstanceOf(StoredCredentials.class);
        return (StoredCredentials) lookup;
    }

    @Test
    @Timeout(120)
    void version_fromTheJar_printsTheProjectVersion() throws Exception {
        JarRun run = run(Map.of(), "-V");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out().strip()).matches("devpay-ls \\d+\\.\\d+\\.\\d+\\S*").doesNotContain("development build");
    }

    @Test
    @Timeout(120)
    void demo_fromTheJar_exitsZero_andPrintsNoSecret() throws Exception {
        Path store = directory.resolve("store");

        JarRun run = run(Map.of(), "demo", "--store", store.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("[1/8] simulator started: https://127.0.0.1:").contains("outcome: activated")
                .contains("code: EXPIRED_ACTIVATION_KEY").contains("demo finished");
        StoredCredentials stored = stored(store, value(run.out(), "product"));
        assertThat(run.all()).doesNotContain(stored.credentials().userToken().reveal())
                .doesNotContain(stored.credentials().secretAccessKey().reveal());
    }

    @Test
    @Timeout(180)
    void serve_thenActivateAndStatusAgainstIt_fromTheJar() throws Exception {
        Process serve = new ProcessBuilder(command("serve", "--state-dir", directory.resolve("sim").toString()))
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try {
            Map<String, String> served = readServeLines(serve);
            String product = served.keySet().stream().filter(name -> name.startsWith("activation-key["))
                    .findFirst().orElseThrow().replaceAll(".*\\[(.*)]", "$1");
            String productToken = served.get("product-token[" + product + "]");
            String key = served.get("activation-key[" + product + "]");
            String expiredKey = served.get("expired-activation-key[" + product + "]");
            Map<String, String> environment = Map.of(CliEnvironment.PRODUCT_TOKEN_VARIABLE, productToken);
            Path store = directory.resolve("store");
            String[] target = {"--endpoint", served.get("endpoint"), "--ca-file", served.get("ca-certificate"),
                "--product", product, "--store", store.toString()};

            JarRun activated = run(environment, concat(new String[] {"activate", "--verbose",
                "--activation-key", key, "--token-expiration", "3600s"}, target));
            JarRun status = run(Map.of(), "status", "--product", product, "--store", store.toString());
            JarRun rejected = run(environment, concat(new String[] {"activate", "--json", "--activation-key", expiredKey},
                    target));
            JarRun noStore = run(Map.of(), "status", "--product", product, "--store", directory.resolve("none").toString());
            JarRun withoutToken = run(Map.of(), concat(new String[] {"activate", "--activation-key", key}, target));

            assertThat(activated.exitCode()).as(activated.err()).isZero();
            assertThat(value(activated.out(), "outcome")).isEqualTo("activated");
            assertThat(value(activated.out(), "token-expiration")).isEqualTo("PT1H");
            assertThat(activated.err()).as("--verbose logs the exchange").contains("DEBUG")
                    .contains("ActivateDesktopProduct");
            assertThat(status.err()).as("Logback configured quietly").isEmpty();
            assertThat(status.exitCode()).isZero();
            assertThat(value(status.out(), "outcome")).isEqualTo("usable");
            assertThat(rejected.exitCode()).isEqualTo(ExitCodes.ACTION_NEEDED);
            assertThat(rejected.out()).startsWith("{\"outcome\":\"rejected\",\"code\":\"EXPIRED_ACTIVATION_KEY\"");
            assertThat(noStore.exitCode()).isEqualTo(ExitCodes.ACTION_NEEDED);
            assertThat(value(noStore.out(), "reason")).isEqualTo("NONE_STORED");
            assertThat(withoutToken.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);

            StoredCredentials stored = stored(store, product);
            for (JarRun run : List.of(activated, status, rejected, noStore, withoutToken)) {
                assertThat(run.all()).doesNotContain(stored.credentials().userToken().reveal())
                        .doesNotContain(stored.credentials().secretAccessKey().reveal())
                        .doesNotContain(key).doesNotContain(expiredKey);
            }
            // The product token ships inside every copy of a product, so the project does not count it
            // as a secret and the library's SOAP log shows it; the command's own output never does.
            assertThat(activated.out() + status.all() + rejected.all() + noStore.all() + withoutToken.all())
                    .doesNotContain(productToken);
            assertThat(activated.err()).contains("<ActivationKey>****</ActivationKey>")
                    .contains("<UserToken>****</UserToken>").contains("<SecretAccessKey>****</SecretAccessKey>");
        } finally {
            serve.destroy();
            serve.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        }
    }

    /** Reads serve's {@code name: value} lines up to the last fixture line of the second product. */
    private static Map<String, String> readServeLines(Process serve) throws IOException {
        Map<String, String> served = new LinkedHashMap<>();
        BufferedReader reader = new BufferedReader(new InputStreamReader(serve.getInputStream(), StandardCharsets.UTF_8));
        int expiredKeys = 0;
        String line;
        while (expiredKeys < 2 && (line = reader.readLine()) != null) {
            int colon = line.indexOf(": ");
            served.put(line.substring(0, colon), line.substring(colon + 2));
            if (line.startsWith("expired-activation-key[")) {
                expiredKeys++;
            }
        }
        assertThat(served).containsKeys("endpoint", "ca-certificate");
        return served;
    }

    private static String[] concat(String[] first, String[] second) {
        List<String> all = new ArrayList<>(List.of(first));
        all.addAll(List.of(second));
        return all.toArray(String[]::new);
    }
}
