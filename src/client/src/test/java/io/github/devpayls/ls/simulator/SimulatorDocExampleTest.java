package io.github.devpayls.ls.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

/**
 * The JUnit example in docs/simulator.md is the consumer project's test, word for word; it compiles
 * as written and its tests pass when JUnit runs it (the extension injects the simulator and a
 * client trusting it).
 */
class SimulatorDocExampleTest {

    private static final Path TOP = Path.of(System.getProperty("devpay.top", "../.."));
    private static final Path CONSUMER_TEST =
            TOP.resolve("src/it/consumer/src/test/java/com/example/product/ActivationTest.java");

    @TempDir
    Path directory;

    private static String example() throws Exception {
        String doc = Files.readString(TOP.resolve("docs/simulator.md"));
        int section = doc.indexOf("## Embed it in a JUnit 5 test");
        int start = doc.indexOf("```java\n", section) + "```java\n".length();
        return doc.substring(start, doc.indexOf("```", start));
    }

    @Test
    void junitExample_isTheConsumerProjectsTest() throws Exception {
        assertThat(example()).isEqualTo(Files.readString(CONSUMER_TEST));
    }

    @Test
    void junitExample_compiles_andItsTestsPassUnderJUnit() throws Exception {
        Path source = Files.writeString(directory.resolve("ActivationTest.java"), example());
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();

        int status = compiler.run(null, null, null, "-d", directory.toString(),
                "-cp", System.getProperty("java.class.path"), source.toString());

        assertThat(status).as("javac exit status").isZero();
        try (URLClassLoader loader = new URLClassLoader(new URL[] {directory.toUri().toURL()},
                getClass().getClassLoader())) {
            Class<?> example = loader.loadClass("com.example.product.ActivationTest");
            SummaryGeneratingListener listener = new SummaryGeneratingListener();
            LauncherFactory.create().execute(LauncherDiscoveryRequestBuilder.request()
                    .selectors(selectClass(example)).build(), listener);
            TestExecutionSummary summary = listener.getSummary();

            assertThat(summary.getFailures()).extracting(f -> f.getException().toString()).isEmpty();
            assertThat(summary.getTestsSucceededCount()).isEqualTo(2);
        }
    }
}
