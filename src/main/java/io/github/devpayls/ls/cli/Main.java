package io.github.devpayls.ls.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.PrintWriter;

/**
 * The {@code devpay-ls} command: {@code devpay-ls serve} runs the License Service simulator.
 * Add a subcommand by writing a picocli {@link Command} class and registering it in
 * {@link #commandLine}.
 */
@Command(name = "devpay-ls", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Client tools for the Amazon DevPay License Service (API 2008-04-28).",
        synopsisSubcommandLabel = "COMMAND")
public final class Main implements Runnable {

    /** Where the command line's Logback configuration lives when the user names none. */
    static final String LOGBACK_CONFIGURATION = "io/github/devpayls/ls/cli/logback-cli.xml";

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
        configureLogging();
        PrintWriter out = new PrintWriter(System.out, true);
        PrintWriter err = new PrintWriter(System.err, true);
        System.exit(commandLine(out, err, ServeCommand.untilShutdown()).execute(args));
    }

    /**
     * The whole command tree, writing to the given streams. Package-private so tests can run
     * commands in-process with captured output and a serve lifetime of their own.
     */
    static CommandLine commandLine(PrintWriter out, PrintWriter err, ServeCommand.Lifetime serveLifetime) {
        CommandLine commandLine = new CommandLine(new Main());
        commandLine.addSubcommand(new ServeCommand(serveLifetime));
        commandLine.setOut(out);
        commandLine.setErr(err);
        return commandLine;
    }

    /** Without a subcommand the command only prints its usage. */
    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /**
     * Points Logback at the command line's configuration unless the user chose one; also routes
     * CXF's logging through SLF4J. Must run before anything creates a logger.
     */
    static void configureLogging() {
        if (System.getProperty("logback.configurationFile") == null) {
            System.setProperty("logback.configurationFile", LOGBACK_CONFIGURATION);
        }
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
