package io.github.devpayls.ls.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The JUnit example in docs/simulator.md compiles as written and its test passes. */
class SimulatorDocExampleTest {

    @TempDir
    Path directory;

    private static String example() throws Exception {
        String doc = Files.readString(Path.of(System.getProperty("devpay.top", "../..")).resolve("docs/simulator.md"));
        int section = doc.indexOf("## Embed it in a JUnit 5 test");
        int start = doc.indexOf("```java\n", section) + "```java\n".length();
        return doc.substring(start, doc.indexOf("```", start));
    }

    @Test
    void junitExample_compiles_andItsTestPasses() throws Exception {
        Path source = Files.writeString(directory.resolve("ActivationTest.java"), example());
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();

        int status = compiler.run(null, null, null, "-d", directory.toString(),
                "-cp", System.getProperty("java.class.path"), source.toString());

        assertThat(status).as("javac exit status").isZero();
        try (URLClassLoader loader = new URLClassLoader(new URL[] {directory.toUri().toURL()},
                getClass().getClassLoader())) {
            Class<?> example = loader.loadClass("ActivationTest");
            Method start = example.getDeclaredMethod("start");
            start.setAccessible(true);
            start.invoke(null);
            try {
                var constructor = example.getDeclaredConstructor();
                constructor.setAccessible(true);
                Object instance = constructor.newInstance();
                for (String name : List.of("noFaults", "activate_whenThrottledOnce_retriesAndSucceeds")) {
                    Method method = example.getDeclaredMethod(name);
                    method.setAccessible(true);
                    method.invoke(instance); // an AssertionError inside fails this test
                }
            } finally {
                Method stop = example.getDeclaredMethod("stop");
                stop.setAccessible(true);
                stop.invoke(null);
            }
        }
    }
}
