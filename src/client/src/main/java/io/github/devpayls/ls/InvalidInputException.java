package io.github.devpayls.ls;

import java.util.Objects;

/**
 * Bad input from the caller, detected before any network I/O. Names the field and the rule it
 * broke; never contains the rejected value when that value is secret.
 */
public final class InvalidInputException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String field;
    private final String rule;

    /**
     * @param field the name of the offending field, e.g. {@code "activationKey"}
     * @param rule  the rule it broke, in words, e.g. {@code "must not be blank"}
     */
    public InvalidInputException(String field, String rule) {
        super(Objects.requireNonNull(field, "field") + " " + Objects.requireNonNull(rule, "rule"));
        this.field = field;
        this.rule = rule;
    }

    /** @return the name of the offending field */
    public String field() {
        return field;
    }

    /** @return the rule the field broke */
    public String rule() {
        return rule;
    }
}
