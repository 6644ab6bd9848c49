package io.github.devpayls.ls.cli;

import java.io.Console;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * What the commands read from outside their arguments: environment variables and, when there is a
 * terminal, a prompt that does not echo. Tests substitute both.
 *
 * @param variables looks up an environment variable; returns {@code null} when it is not set
 * @param prompt    asks the user for a secret without echo; empty when there is no console
 */
record CliEnvironment(UnaryOperator<String> variables, Optional<SecretPrompt> prompt) {

    /** Environment variable holding the product token, so it never appears on a command line. */
    static final String PRODUCT_TOKEN_VARIABLE = "DEVPAY_LS_PRODUCT_TOKEN";
    /** Environment variable a script may use for the activation key instead of the option. */
    static final String ACTIVATION_KEY_VARIABLE = "DEVPAY_LS_ACTIVATION_KEY";

    /** Asks for one secret value. */
    @FunctionalInterface
    interface SecretPrompt {
        /**
         * @param label what to ask for, e.g. "Activation key"
         * @return what the user typed; empty when input ended
         */
        Optional<String> read(String label);
    }

    /** @return the process environment and, when the JVM has a console, a no-echo prompt on it */
    static CliEnvironment system() {
        Console console = System.console();
        Optional<SecretPrompt> prompt = Optional.ofNullable(console).map(c -> label -> {
            char[] typed = c.readPassword("%s: ", label);
            return Optional.ofNullable(typed).map(String::new);
        });
        return new CliEnvironment(System::getenv, prompt);
    }

    /** @return the variable's value, empty when unset or blank */
    Optional<String> variable(String name) {
        return Optional.ofNullable(variables.apply(name)).filter(value -> !value.isBlank());
    }
}
