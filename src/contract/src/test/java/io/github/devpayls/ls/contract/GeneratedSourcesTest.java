package io.github.devpayls.ls.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The stubs generated from the contract depend on the contract alone: two builds of the same
 * {@code wsdl/} and {@code xsd/} give the same sources, so a diff of generated code (or of the
 * jar) shows a contract change and nothing else.
 */
class GeneratedSourcesTest {

    private static final Path GENERATED = Paths.get("target/generated-sources/cxf");

    @Test
    void generatedSourcesCarryNoGenerationTimestamp() throws IOException {
        List<Path> sources;
        try (Stream<Path> files = Files.walk(GENERATED)) {
            sources = files.filter(p -> p.toString().endsWith(".java")).toList();
        }
        assertThat(sources).hasSizeGreaterThan(10);
        int marked = 0;
        for (Path source : sources) {
            String text = Files.readString(source, StandardCharsets.UTF_8);
            assertThat(text).as(source.toString()).doesNotContain("date = \"");
            marked += text.contains("@Generated(") ? 1 : 0;
        }
        // the check means something only while the generators still mark their output
        assertThat(marked).isGreaterThan(sources.size() / 2);
    }
}
