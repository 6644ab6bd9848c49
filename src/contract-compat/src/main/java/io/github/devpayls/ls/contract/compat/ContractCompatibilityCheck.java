package io.github.devpayls.ls.contract.compat;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The build's contract gate:
 * {@code ContractCompatibilityCheck <baseline-dir> <working.wsdl> <acknowledged-breaks.txt>}.
 * Prints every difference, one line each ({@code INFO} for compatible ones, {@code ERROR} for
 * unacknowledged breaks, {@code WARN} for acknowledged ones), then a summary; exits 0 when the
 * check passes, 1 when it fails, 2 on bad arguments or an unreadable contract.
 */
public final class ContractCompatibilityCheck {

    /** Passed. */
    public static final int PASSED = 0;
    /** An unacknowledged break, a stale or a malformed acknowledgement. */
    public static final int FAILED = 1;
    /** Wrong arguments, or a contract file that cannot be read. */
    public static final int UNUSABLE = 2;

    private ContractCompatibilityCheck() {
    }

    /** Runs the check and exits with its status (only when it is not {@link #PASSED}). */
    public static void main(String[] args) {
        int status = run(args, System.out, System.err);
        if (status != PASSED) {
            System.exit(status);
        }
    }

    /** Runs the check, writing the report to {@code out} and problems to {@code err}; returns the status. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length != 3) {
            err.println("usage: ContractCompatibilityCheck <baseline-dir> <working.wsdl> <acknowledged-breaks.txt>");
            return UNUSABLE;
        }
        try {
            Path baselineWsdl = baselineWsdl(Path.of(args[0]));
            Path workingWsdl = Path.of(args[1]);
            Acknowledgements acknowledgements = Acknowledgements.read(Path.of(args[2]));
            List<Difference> differences = ContractDiff.compare(Contract.load(baselineWsdl), Contract.load(workingWsdl));
            Acknowledgements.Verdict verdict = acknowledgements.judge(differences);
            out.println("[contract] comparing " + workingWsdl + " with the baseline " + baselineWsdl);
            for (Difference d : differences) {
                String level = d.kind() == Difference.Kind.COMPATIBLE ? "INFO " : verdict.acknowledged().contains(d)
                        ? "WARN " : verdict.newContract() ? "INFO " : "ERROR";
                String note = verdict.acknowledged().contains(d) ? " [acknowledged]" : "";
                out.println("[contract] " + level + " " + d + note);
            }
            for (String stale : verdict.stale()) {
                out.println("[contract] ERROR stale acknowledgement, matches no difference: " + stale);
            }
            for (String malformed : verdict.malformed()) {
                out.println("[contract] ERROR " + malformed);
            }
            long breaking = differences.stream().filter(d -> d.kind() == Difference.Kind.BREAKING).count();
            out.println("[contract] " + differences.size() + " differences: " + (differences.size() - breaking)
                    + " compatible, " + breaking + " breaking (" + verdict.acknowledged().size() + " acknowledged, "
                    + verdict.unacknowledged().size() + " not)" + (verdict.newContract()
                    ? "; the namespace or version changed, so this is a new contract" : ""));
            if (verdict.passed()) {
                out.println("[contract] PASSED");
                return PASSED;
            }
            out.println("[contract] FAILED: acknowledge each deliberate break in " + args[2]
                    + " ('<id> <reason>'), remove stale lines, or publish a new contract version");
            return FAILED;
        } catch (UnreadableContractException e) {
            err.println("[contract] ERROR " + e.getMessage());
            return UNUSABLE;
        }
    }

    private static Path baselineWsdl(Path dir) {
        if (Files.isRegularFile(dir)) {
            return dir;
        }
        try (Stream<Path> files = Files.walk(dir, 2)) {
            List<Path> wsdls = files.filter(p -> p.getFileName().toString().endsWith(".wsdl")).sorted().toList();
            if (wsdls.size() != 1) {
                throw new UnreadableContractException(dir + ": expected exactly one .wsdl file, found " + wsdls.size());
            }
            return wsdls.get(0);
        } catch (IOException e) {
            throw new UnreadableContractException(dir + ": cannot be listed (" + e.getMessage() + ")", e);
        }
    }
}
