package io.github.devpayls.ls.contract.compat;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real contract: clean against itself and against the published baseline; and, on a copy in a
 * temporary directory, one breaking edit fails the check's entry point and one compatible edit
 * passes it (the way ContractRegenerationIT proves the code generation on a copy).
 */
class RealContractCompatibilityTest {

    @TempDir
    Path dir;

    @Test
    void realContract_againstItself_isClean() {
        Contract contract = Contract.load(RealContract.WORKING_WSDL);

        assertThat(ContractDiff.compare(contract, Contract.load(RealContract.WORKING_WSDL))).isEmpty();
    }

    @Test
    void realContract_againstThePublishedBaseline_passesWithNoDifference() {
        Run run = check(RealContract.WORKING_WSDL);

        assertThat(run.status).as(run.out).isEqualTo(ContractCompatibilityCheck.PASSED);
        assertThat(run.out).contains("0 differences").contains("PASSED");
    }

    @Test
    void check_removedSecretAccessKey_reportsTheBreakAndExitsNonZero() throws IOException {
        Path wsdl = copyWithXsdEdit("<xs:element name=\"SecretAccessKey\" type=\"xs:string\"/>", "");

        Run run = check(wsdl);

        assertThat(run.status).isEqualTo(ContractCompatibilityCheck.FAILED);
        assertThat(run.out).contains("ERROR BREAKING removed-element ActivateDesktopProductResult/SecretAccessKey")
                .contains("FAILED");
    }

    @Test
    void check_newRequiredRequestElement_reportsTheBreakAndExitsNonZero() throws IOException {
        Path wsdl = copyWithXsdEdit("<xs:element name=\"TokenExpiration\" type=\"xs:duration\" minOccurs=\"0\"/>",
                "<xs:element name=\"TokenExpiration\" type=\"xs:duration\" minOccurs=\"0\"/>\n"
                        + "        <xs:element name=\"MachineId\" type=\"xs:string\"/>");

        Run run = check(wsdl);

        assertThat(run.status).isEqualTo(ContractCompatibilityCheck.FAILED);
        assertThat(run.out).contains("ERROR BREAKING added-required-element ActivateDesktopProduct/MachineId");
    }

    @Test
    void check_acknowledgedBreak_passes() throws IOException {
        Path wsdl = copyWithXsdEdit("<xs:element name=\"SecretAccessKey\" type=\"xs:string\"/>", "");
        Path acks = Files.writeString(dir.resolve("acks.txt"),
                "BREAKING removed-element ActivateDesktopProductResult/SecretAccessKey  test: a deliberate break\n");

        Run run = check(wsdl, acks);

        assertThat(run.status).as(run.out).isEqualTo(ContractCompatibilityCheck.PASSED);
        assertThat(run.out).contains("WARN  BREAKING removed-element ActivateDesktopProductResult/SecretAccessKey")
                .contains("[acknowledged]");
    }

    @Test
    void check_newOptionalResponseElement_passes() throws IOException {
        Path wsdl = copyWithXsdEdit("<xs:element name=\"SecretAccessKey\" type=\"xs:string\"/>",
                "<xs:element name=\"SecretAccessKey\" type=\"xs:string\"/>\n"
                        + "        <xs:element name=\"KeyExpiration\" type=\"xs:dateTime\" minOccurs=\"0\"/>");

        Run run = check(wsdl);

        assertThat(run.status).as(run.out).isEqualTo(ContractCompatibilityCheck.PASSED);
        assertThat(run.out).contains("INFO  COMPATIBLE added-optional-element ActivateDesktopProductResult/KeyExpiration");
    }

    @Test
    void check_unreadableContract_exitsWithUnusable() {
        Run run = check(dir.resolve("missing.wsdl"));

        assertThat(run.status).isEqualTo(ContractCompatibilityCheck.UNUSABLE);
        assertThat(run.err).contains("missing.wsdl");
    }

    @Test
    void check_wrongArguments_printsUsage() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int status = ContractCompatibilityCheck.run(new String[0], new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(err, true, StandardCharsets.UTF_8));

        assertThat(status).isEqualTo(ContractCompatibilityCheck.UNUSABLE);
        assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("usage:");
    }

    private Path copyWithXsdEdit(String old, String replacement) throws IOException {
        Files.createDirectories(dir.resolve("wsdl"));
        Files.createDirectories(dir.resolve("xsd"));
        Path wsdl = Files.copy(RealContract.WORKING_WSDL, dir.resolve("wsdl/AmazonLS.wsdl"));
        String xsd = Files.readString(RealContract.WORKING_XSD);
        assertThat(xsd).contains(old);
        Files.writeString(dir.resolve("xsd/AmazonLS.xsd"), xsd.replaceFirst(java.util.regex.Pattern.quote(old),
                java.util.regex.Matcher.quoteReplacement(replacement)));
        return wsdl;
    }

    private Run check(Path wsdl) {
        return check(wsdl, RealContract.ACKNOWLEDGED_BREAKS);
    }

    private Run check(Path wsdl, Path acks) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = ContractCompatibilityCheck.run(
                new String[] {RealContract.BASELINE_DIR.toString(), wsdl.toString(), acks.toString()},
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private record Run(int status, String out, String err) {
    }
}
