package io.github.devpayls.ls.cli;

import java.util.ArrayList;
import java.util.List;

/**
 * One flat JSON object, written by hand so the command line needs no JSON library. Members keep
 * the order they were added in. Values are strings, numbers, booleans or {@code null}.
 */
final class Json {

    private final List<String> members = new ArrayList<>();

    /** @return an empty object */
    static Json object() {
        return new Json();
    }

    /** Adds a string member; {@code null} is written as JSON {@code null}. */
    Json put(String name, String value) {
        members.add(quote(name) + ":" + (value == null ? "null" : quote(value)));
        return this;
    }

    /** Adds a number member. */
    Json put(String name, long value) {
        members.add(quote(name) + ":" + value);
        return this;
    }

    /** Adds a boolean member. */
    Json put(String name, boolean value) {
        members.add(quote(name) + ":" + value);
        return this;
    }

    /** @return the object on one line */
    @Override
    public String toString() {
        return "{" + String.join(",", members) + "}";
    }

    /**
     * Quotes a string per RFC 8259: escapes the quote, the backslash and every control character;
     * U+2028 and U+2029 too, so the output is also safe to embed in JavaScript.
     */
    static String quote(String value) {
        StringBuilder quoted = new StringBuilder(value.length() + 2).append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> quoted.append("\\\"");
                case '\\' -> quoted.append("\\\\");
                case '\n' -> quoted.append("\\n");
                case '\r' -> quoted.append("\\r");
                case '\t' -> quoted.append("\\t");
                case '\b' -> quoted.append("\\b");
                case '\f' -> quoted.append("\\f");
                default -> {
                    if (c < 0x20 || c == 0x7f || c == '\u2028' || c == '\u2029') {
                        quoted.append(String.format("\\u%04x", (int) c));
                    } else {
                        quoted.append(c);
                    }
                }
            }
        }
        return quoted.append('"').toString();
    }
}
