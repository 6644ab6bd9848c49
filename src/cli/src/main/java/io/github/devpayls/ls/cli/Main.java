package io.github.devpayls.ls.cli;

import io.github.devpayls.ls.internal.SensitiveNames;

import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.PrintWriter;
import java.util.Arrays;

/**
 * The {@code devpay-ls} command: {@code demo}, {@code activate}, {@code status}, {@code verify},
 * {@code refresh} and {@code serve}
 * (the License Service simulator). Add a subcommand by writing a picocli {@link Command} class and
 * registering it in {@link #commandLine}. Exit codes are those of {@link ExitCodes}.
 */
@Command(name = "devpay-ls", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Client tools for the Amazon DevPay License Service (API 2008-04-28).",
        synopsisSubcommandLabel = "COMMAND")
public final class Main implements java.util.concurrent.Callable<Integer> {

    /** The option that turns on the SOAP exchange log. */
    static final String VERBOSE = "--verbose";

    /** System property the CLI's Logback configuration reads for the level of the exchange log. */
    static final String VERBOSE_LEVEL_PROPERTY = "devpay-ls.verbose-level";

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    private Main() {
    }

    /**
     * Runs the command line and exits with its status.
     *
     * @param args the arguments, e.g. {@code serve --port 8443}
     */
    public static void main(String[] args) {
        // Logback reads its configuration once, when the first logger is made, so --verbose is
        // looked for before picocli (or anything else) runs.
        configureLogging(Arrays.asList(args).contains(VERBOSE));
        PrintWriter out = new PrintWriter(System.out, true);
        PrintWriter err = new PrintWriter(System.err, true);
        System.exit(commandLine(out, err, ServeCommand.untilShutdown(), CliEnvironment.system()).execute(args));
    }

    /**
     * The whole command tree, writing to the given streams. Package-private so tests can run
     * commands in-process with captured output and a serve lifetime of their own.
     */
    static CommandLine commandLine(PrintWriter out, PrintWriter err, ServeCommand.Lifetime serveLifetime) {
        return commandLine(out, err, serveLifetime, CliEnvironment.system());
    }

    /** As above, with the environment variables and the secret prompt the commands see. */
    static CommandLine commandLine(PrintWriter out, PrintWriter err, ServeCommand.Lifetime serveLifetime,
                                   CliEnvironment environment) {
        CommandLine commandLine = new CommandLine(new Main());
        commandLine.addSubcommand(new DemoCommand());
        commandLine.addSubcommand(new ActivateCommand(environment));
        commandLine.addSubcommand(new StatusCommand());
        commandLine.addSubcommand(new VerifyCommand(environment));
        commandLine.addSubcommand(new RefreshCommand(environment));
        commandLine.addSubcommand(new ServeCommand(serveLifetime));
        for (String name : new String[] {"demo", "activate", "status", "verify", "refresh"}) {
            commandLine.getSubcommands().get(name).getCommandSpec().usageMessage()
                    .exitCodeListHeading("%nExit codes:%n").exitCodeList(ExitCodes.help());
        }
        commandLine.setExecutionExceptionHandler((exception, failed, parseResult) -> {
            // Library exceptions never carry secrets in their messages; anything here is a defect,
            // and its text is masked by shape all the same.
            failed.getErr().println("internal error: " + exception.getClass().getName() + ": "
                    + SensitiveNames.scrub(exception.getMessage()));
            return ExitCodes.INTERNAL_ERROR;
        });
        commandLine.setParameterExceptionHandler(Main::parameterError);
        commandLine.setOut(out);
        commandLine.setErr(err);
        return commandLine;
    }

    /**
     * Picocli's own report of a bad command line, with its text masked by shape: an unknown option
     * or a stray argument is echoed, and it may be a product token or an activation key.
     */
    private static int parameterError(CommandLine.ParameterException error, String[] args) {
        CommandLine failed = error.getCommandLine();
        PrintWriter err = failed.getErr();
        err.println(SensitiveNames.scrub(error.getMessage()));
        // The suggestions are names of this command's options and subcommands, never the argument.
        if (!CommandLine.UnmatchedArgumentException.printSuggestions(error, err)) {
            failed.usage(err);
        }
        err.flush();
        return failed.getCommandSpec().exitCodeOnInvalidInput();
    }

    /** Without a subcommand there is nothing to do: the usage goes to standard error, exit 2. */
    @Override
    public Integer call() {
        spec.commandLine().getErr().println("Missing command: give one of "
                + String.join(", ", spec.commandLine().getSubcommands().keySet()) + ".");
        spec.commandLine().usage(spec.commandLine().getErr());
        return ExitCodes.INVALID_INPUT;
    }

    /** Equivalent to {@code configureLogging(false)}. */
    static void configureLogging() {
        configureLogging(false);
    }

    /**
     * Selects the command line's Logback configuration ({@link CliLogging}, unless the user chose
     * a configuration file); also routes
     * CXF's logging through SLF4J. Must run before anything creates a logger.
     *
     * @param verbose whether the SOAP exchange and retry loggers log at DEBUG ({@link CliLogging}
     *                reads {@value #VERBOSE_LEVEL_PROPERTY})
     */
    static void configureLogging(boolean verbose) {
        if (verbose) {
            System.setProperty(VERBOSE_LEVEL_PROPERTY, "DEBUG");
        }
        // CliLogging configures Logback in code unless the user named a logback.configurationFile.
        System.setProperty(CliLogging.SELECTED_PROPERTY, "true");
        if (System.getProperty("org.apache.cxf.Logger") == null) {
            System.setProperty("org.apache.cxf.Logger", "org.apache.cxf.common.logging.Slf4jLogger");
        }
    }

    /** The version from the jar's manifest, when there is one. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = Main.class.getPackage().getImplementationVersion();
            return new String[] {"devpay-ls " + (version == null ? "(development build)" : version)};
        }
    }
}
