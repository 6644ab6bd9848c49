package io.github.devpayls.ls.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ConfiguratorRank;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.spi.ContextAwareBase;
import io.github.devpayls.ls.internal.RetryExecutor;

/**
 * The command line's Logback configuration, made in code: WARN and above to standard error (standard
 * output carries the command's results), one line each; {@code --verbose} ({@link Main#VERBOSE_LEVEL_PROPERTY})
 * opens the SOAP exchange log and the retry log. Built in code because reading an XML configuration
 * (Joran) cost a fresh CLI process a measured share of its start-up (docs/performance.md).
 *
 * <p>Logback finds it through {@link java.util.ServiceLoader} ({@code META-INF/services}); it acts
 * only when {@link Main} selected it ({@link #SELECTED_PROPERTY}) and the user named no
 * {@code logback.configurationFile}; otherwise Logback goes on with its usual search. Public only
 * because ServiceLoader needs it.
 */
@ConfiguratorRank(ConfiguratorRank.CUSTOM_HIGH_PRIORITY)
public final class CliLogging extends ContextAwareBase implements Configurator {

    /** Set to {@code true} by {@link Main} before Logback starts: only the command line is configured here. */
    static final String SELECTED_PROPERTY = "devpay-ls.cli-logging";

    /** The appender's name. */
    static final String APPENDER_NAME = "STDERR";

    /** One concise line per event. */
    static final String PATTERN = "%d{HH:mm:ss.SSS} %-5level %logger{30} - %msg%n";

    /** The library's SOAP exchange log (docs/client.md, {@code logSoapMessages}). */
    static final String SOAP_LOGGER = "io.github.devpayls.ls.soap";

    /** For ServiceLoader. */
    public CliLogging() {
    }

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        if (!Boolean.getBoolean(SELECTED_PROPERTY) || System.getProperty("logback.configurationFile") != null) {
            return ExecutionStatus.INVOKE_NEXT_IF_ANY;
        }
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern(PATTERN);
        encoder.start();
        ConsoleAppender<ILoggingEvent> appender = new ConsoleAppender<>();
        appender.setContext(context);
        appender.setName(APPENDER_NAME);
        appender.setTarget("System.err");
        appender.setEncoder(encoder);
        appender.start();
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.WARN);
        root.addAppender(appender);
        Level exchange = Level.toLevel(System.getProperty(Main.VERBOSE_LEVEL_PROPERTY), Level.WARN);
        context.getLogger(SOAP_LOGGER).setLevel(exchange);
        context.getLogger(RetryExecutor.class).setLevel(exchange);
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }
}
