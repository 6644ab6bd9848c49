package io.github.devpayls.ls.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * "Change the contract, rebuild, and everything follows": runs the real build's code generation
 * (the project's own pom and wrapper, offline) on a copy of the contract, edits the copy and
 * checks that the generated code follows — and that a broken WSDL or XSD fails the build with a
 * message naming the file.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ContractRegenerationIT {

    private static final Path PROJECT =
            Paths.get(System.getProperty("devpay.top", "../..")).toAbsolutePath().normalize();
    private static final String RESULT_CLASS =
            "src/contract/target/generated-sources/cxf/io/github/devpayls/ls/contract/generated/ActivateDesktopProductResult.java";

    @TempDir
    static Path copy;

    record BuildOutcome(int exitCode, String output) {
    }

    @BeforeAll
    static void copyContractAndBuildFiles() throws IOException {
        for (String file : List.of("pom.xml", "mvnw", ".mvn", "wsdl", "xsd", "src/contract/pom.xml", "src/contract/src/main/codegen")) {
            copyTree(PROJECT.resolve(file), copy.resolve(file));
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path source : (Iterable<Path>) paths::iterator) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.createDirectories(target.getParent());
                    Files.copy(source, target, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
    }

    private static BuildOutcome generateSources() throws Exception {
        List<String> command = new ArrayList<>(List.of(
                copy.resolve("mvnw").toString(), "-o", "-B", "-f", "src/contract/pom.xml", "generate-sources",
                "-Denforcer.skip=true"));
        String repo = System.getProperty("maven.repo.local");
        if (repo != null && !repo.isBlank()) {
            command.add("-Dmaven.repo.local=" + repo);
        }
        Process process = new ProcessBuilder(command).directory(copy.toFile()).redirectErrorStream(true).start();
        byte[] output = process.getInputStream().readAllBytes();
        assertThat(process.waitFor(5, TimeUnit.MINUTES)).as("the nested build finishes").isTrue();
        return new BuildOutcome(process.exitValue(), new String(output, StandardCharsets.UTF_8));
    }

    /** Edits a contract file and moves its timestamp forward, as an editor save would. */
    private static void edit(String file, String from, String to) throws IOException {
        Path path = copy.resolve(file);
        String text = Files.readString(path);
        assertThat(text).contains(from);
        Files.writeString(path, text.replace(from, to));
        Files.setLastModifiedTime(path, FileTime.fromMillis(System.currentTimeMillis() + 2_000));
    }

    @Test
    @Order(1)
    void editingTheXsd_regeneratesTheStubs() throws Exception {
        BuildOutcome first = generateSources();
        assertThat(first.exitCode()).as(first.output()).isZero();
        assertThat(Files.readString(copy.resolve(RESULT_CLASS))).doesNotContain("getLicenseTier");

        edit("xsd/AmazonLS.xsd",
                "<xs:element name=\"SecretAccessKey\" type=\"xs:string\"/>",
                "<xs:element name=\"SecretAccessKey\" type=\"xs:string\"/>\n"
                        + "        <xs:element name=\"LicenseTier\" type=\"xs:string\" minOccurs=\"0\"/>");

        BuildOutcome second = generateSources();
        assertThat(second.exitCode()).as(second.output()).isZero();
        assertThat(Files.readString(copy.resolve(RESULT_CLASS))).contains("public String getLicenseTier()");
    }

    @Test
    @Order(2)
    void aBrokenXsd_failsTheBuild_namingTheFile() throws Exception {
        edit("xsd/AmazonLS.xsd",
                "<xs:element name=\"RequestId\" type=\"xs:string\"/>\n      </xs:sequence>\n    </xs:complexType>\n  </xs:element>\n\n  <!-- ===== ActivateDesktopProduct",
                "<xs:element name=\"RequestId\" type=\"tns:NoSuchType\"/>\n      </xs:sequence>\n    </xs:complexType>\n  </xs:element>\n\n  <!-- ===== ActivateDesktopProduct");

        BuildOutcome outcome = generateSources();
        assertThat(outcome.exitCode()).isNotZero();
        assertThat(outcome.output()).contains("AmazonLS.xsd").contains("NoSuchType");
    }

    @Test
    @Order(3)
    void aBrokenWsdl_failsTheBuild_namingTheFile() throws Exception {
        Files.copy(PROJECT.resolve("xsd/AmazonLS.xsd"), copy.resolve("xsd/AmazonLS.xsd"),
                StandardCopyOption.REPLACE_EXISTING);
        edit("wsdl/AmazonLS.wsdl", "</wsdl:portType>", "</wsdl:portTyp>");

        BuildOutcome outcome = generateSources();
        assertThat(outcome.exitCode()).isNotZero();
        assertThat(outcome.output()).contains("AmazonLS.wsdl");
    }
}
