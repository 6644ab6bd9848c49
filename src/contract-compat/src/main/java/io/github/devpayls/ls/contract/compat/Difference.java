package io.github.devpayls.ls.contract.compat;

import java.util.Objects;

/**
 * One difference between the baseline and the working contract, classified.
 *
 * @param kind    whether deployed clients and servers keep working ({@link Kind#COMPATIBLE}) or not
 * @param rule    the rule that classified it
 * @param path    where: an element path such as {@code ActivateDesktopProductResult/SecretAccessKey},
 *                or a WSDL path such as {@code wsdl:operation/ActivateDesktopProduct}; never contains
 *                white space
 * @param message a sentence for a person, naming the element or operation and the rule
 */
public record Difference(Kind kind, Rule rule, String path, String message) {

    /** Whether a difference keeps deployed clients and servers working. */
    public enum Kind {
        /** Deployed clients and servers keep working. */
        COMPATIBLE,
        /** Some deployed client or server stops working. */
        BREAKING
    }

    /** Checks that nothing is null and the path has no white space (the {@link #id()} relies on it). */
    public Difference {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(message, "message");
        if (path.isEmpty() || path.chars().anyMatch(Character::isWhitespace)) {
            throw new IllegalArgumentException("path must be non-empty without white space: '" + path + "'");
        }
    }

    /**
     * The stable identifier, {@code <KIND> <rule> <path>}, for example
     * {@code BREAKING removed-element ActivateDesktopProductResult/SecretAccessKey}: what a line of the
     * acknowledgements file starts with.
     */
    public String id() {
        return kind + " " + rule.id() + " " + path;
    }

    /** The one line the check prints: the id, then the message. */
    @Override
    public String toString() {
        return id() + " - " + message;
    }
}
