package io.github.devpayls.ls.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import java.util.Optional;

/**
 * One in-process run of {@code devpay-ls} with captured output, a fixed environment and an
 * optional scripted prompt (standing in for a terminal).
 *
 * @param exitCode the exit status
 * @param out      standard output
 * @param err      standard error
 */
record CommandRun(int exitCode, String out, String err) {

    static CommandRun run(Map<String, String> variables, Optional<CliEnvironment.SecretPrompt> prompt, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CliEnvironment environment = new CliEnvironment(variables::get, prompt);
        int exitCode = Main.commandLine(new PrintWriter(out, true), new PrintWriter(err, true), simulator -> { },
                environment).execute(args);
        return new CommandRun(exitCode, out.toString(), err.toString());
    }

    static CommandRun run(Map<String, String> variables, String... args) {
        return run(variables, Optional.empty(), args);
    }

    /** @return the value of the first {@code name: value} line of standard output */
    String outValue(String name) {
        return out.lines().map(String::strip).filter(line -> line.startsWith(name + ": ")).findFirst()
                .map(line -> line.substring(name.length() + 2))
                .orElseThrow(() -> new AssertionError("no '" + name + "' line in: " + out));
    }

    /** @return both streams, for "no secret anywhere" checks */
    String all() {
        return out + err;
    }
}
