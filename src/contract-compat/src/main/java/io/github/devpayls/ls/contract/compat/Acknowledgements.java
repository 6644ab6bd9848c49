package io.github.devpayls.ls.contract.compat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The reviewed list of deliberate breaks. One acknowledgement a line:
 * {@code BREAKING <rule> <path> <reason>}, that is a {@link Difference#id()} followed by a reason of
 * at least one word; blank lines and lines starting with {@code #} are ignored. A line that is
 * malformed, repeated, or matches no difference of the current comparison (stale) is an error.
 */
public final class Acknowledgements {

    private final Map<String, String> reasons;
    private final List<String> errors;

    private Acknowledgements(Map<String, String> reasons, List<String> errors) {
        this.reasons = reasons;
        this.errors = errors;
    }

    /** No acknowledgement at all. */
    public static Acknowledgements none() {
        return new Acknowledgements(Map.of(), List.of());
    }

    /** Reads the file; a missing file is read as empty. */
    public static Acknowledgements read(Path file) {
        Objects.requireNonNull(file, "file");
        if (!Files.exists(file)) {
            return none();
        }
        try {
            return parse(file.toString(), Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UnreadableContractException(file + ": cannot be read (" + e.getMessage() + ")", e);
        }
    }

    /** Parses acknowledgement text; {@code source} names it in error messages. */
    public static Acknowledgements parse(String source, String text) {
        Map<String, String> reasons = new LinkedHashMap<>();
        List<String> errors = new ArrayList<>();
        String[] lines = text.split("\\R", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] fields = line.split("\\s+", 4);
            String where = source + ":" + (i + 1) + ": ";
            if (fields.length < 4 || !fields[0].equals(Difference.Kind.BREAKING.name())) {
                errors.add(where + "expected 'BREAKING <rule> <path> <reason>', found '" + line + "'");
                continue;
            }
            String id = fields[0] + " " + fields[1] + " " + fields[2];
            if (reasons.putIfAbsent(id, fields[3]) != null) {
                errors.add(where + "'" + id + "' is acknowledged twice");
            }
        }
        return new Acknowledgements(Map.copyOf(reasons), List.copyOf(errors));
    }

    /**
     * Judges the differences against these acknowledgements: which breaks are acknowledged, which are
     * not, which acknowledgements are stale, and whether the contract is new (then no break needs
     * one, and none is stale).
     */
    public Verdict judge(List<Difference> differences) {
        boolean newContract = ContractDiff.isNewContract(differences);
        List<Difference> unacknowledged = new ArrayList<>();
        List<Difference> acknowledged = new ArrayList<>();
        for (Difference d : differences) {
            if (d.kind() != Difference.Kind.BREAKING) {
                continue;
            }
            if (reasons.containsKey(d.id())) {
                acknowledged.add(d);
            } else if (!newContract) {
                unacknowledged.add(d);
            }
        }
        List<String> stale = new ArrayList<>();
        if (!newContract) {
            List<String> ids = differences.stream().map(Difference::id).toList();
            for (String id : reasons.keySet()) {
                if (!ids.contains(id)) {
                    stale.add(id);
                }
            }
        }
        return new Verdict(differences, newContract, acknowledged, unacknowledged, stale, errors);
    }

    /**
     * The outcome of a check.
     *
     * @param differences    every difference found
     * @param newContract    the namespace or version changed: breaking differences need no acknowledgement
     * @param acknowledged   breaking differences that an acknowledgement covers
     * @param unacknowledged breaking differences that nothing covers: each fails the check
     * @param stale          acknowledgements that match no difference: each fails the check
     * @param malformed      unreadable or repeated acknowledgement lines: each fails the check
     */
    public record Verdict(List<Difference> differences, boolean newContract, List<Difference> acknowledged,
                          List<Difference> unacknowledged, List<String> stale, List<String> malformed) {

        /** Copies the lists. */
        public Verdict {
            differences = List.copyOf(differences);
            acknowledged = List.copyOf(acknowledged);
            unacknowledged = List.copyOf(unacknowledged);
            stale = List.copyOf(stale);
            malformed = List.copyOf(malformed);
        }

        /** Whether the working contract may be built: no unacknowledged break, stale or malformed line. */
        public boolean passed() {
            return unacknowledged.isEmpty() && stale.isEmpty() && malformed.isEmpty();
        }
    }
}
