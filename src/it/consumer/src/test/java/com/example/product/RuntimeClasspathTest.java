package com.example.product;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The consumer's runtime class path (written by dependency:build-classpath, runtime scope: the
 * simulator is a test dependency) holds the library and what it needs, none of the server-side,
 * CLI or unused jars (issue 12, packaging).
 */
class RuntimeClasspathTest {

    /** The jars the library must not bring (issue 12): server, certificate, CLI, logging backend, mail, WS-Policy. */
    static final List<String> FORBIDDEN = List.of("jetty", "bcp", "picocli", "logback", "angus-mail", "jakarta.mail",
            "cxf-rt-ws-policy", "cxf-rt-ws-addr", "neethi");

    private static List<String> runtimeJars() throws Exception {
        String classpath = Files.readString(Path.of("target", "runtime-classpath.txt")).strip();
        return Arrays.stream(classpath.split(File.pathSeparator)).map(entry -> Path.of(entry).getFileName().toString())
                .toList();
    }

    private static List<String> matching(List<String> jars, List<String> prefixes) {
        return jars.stream().filter(jar -> prefixes.stream().anyMatch(jar::startsWith)).toList();
    }

    @Test
    void runtimeClasspath_holdsTheLibrary_andNoForbiddenJar() throws Exception {
        List<String> jars = runtimeJars();

        assertThat(jars).anyMatch(jar -> jar.startsWith("devpay-ls-client-"));
        assertThat(jars).noneMatch(jar -> jar.startsWith("devpay-ls-simulator-"));
        assertThat(matching(jars, FORBIDDEN)).as("forbidden jars on the runtime class path").isEmpty();
    }
}
