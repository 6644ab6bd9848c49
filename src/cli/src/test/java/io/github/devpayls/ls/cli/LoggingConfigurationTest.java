package io.github.devpayls.ls.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.core.ConsoleAppender;
import io.github.devpayls.ls.internal.RetryExecutor;
import java.util.ServiceLoader;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;

/**
 * The command line's Logback configuration, made in code ({@link CliLogging}): WARN to standard
 * error, --verbose opens the exchange and retry logs, and a configuration the user chose wins.
 * Each test configures a fresh LoggerContext, not the JVM's.
 */
class LoggingConfigurationTest {

    @Test
    void cliLogging_isFoundByLogbacksServiceLoader() {
        assertThat(ServiceLoader.load(Configurator.class).stream().map(ServiceLoader.Provider::type))
                .contains(CliLogging.class);
    }

    @Test
    void cliLogging_whenTheCliSelectedIt_logsWarningsToStandardErrorAndKeepsTheExchangeLogShut() {
        LoggerContext context = configured(() -> null);

        ch.qos.logback.classic.Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        assertThat(root.getLevel()).isEqualTo(Level.WARN);
        assertThat(root.getAppender(CliLogging.APPENDER_NAME)).isInstanceOfSatisfying(ConsoleAppender.class,
                appender -> assertThat(appender.getTarget()).isEqualTo("System.err"));
        assertThat(context.getLogger("io.github.devpayls.ls.soap").isDebugEnabled()).isFalse();
        assertThat(context.getLogger(RetryExecutor.class).isDebugEnabled()).isFalse();
    }

    @Test
    void cliLogging_withVerbose_opensTheSoapExchangeAndRetryLogsOnly() {
        LoggerContext context = configured(() -> "DEBUG");

        assertThat(context.getLogger("io.github.devpayls.ls.soap").isDebugEnabled()).isTrue();
        assertThat(context.getLogger(RetryExecutor.class).isDebugEnabled()).isTrue();
        assertThat(context.getLogger("org.apache.cxf").isDebugEnabled()).isFalse();
    }

    @Test
    void cliLogging_whenTheUserNamedAConfigurationFile_leavesItToLogback() {
        String before = System.getProperty("logback.configurationFile");
        System.setProperty("logback.configurationFile", "/etc/my-logback.xml");
        try {
            withCliSelected(() -> {
                LoggerContext context = new LoggerContext();
                CliLogging logging = new CliLogging();
                logging.setContext(context);
                assertThat(logging.configure(context)).isEqualTo(Configurator.ExecutionStatus.INVOKE_NEXT_IF_ANY);
                assertThat(context.getLogger(Logger.ROOT_LOGGER_NAME).iteratorForAppenders().hasNext()).isFalse();
            });
        } finally {
            restore("logback.configurationFile", before);
        }
    }

    @Test
    void cliLogging_outsideTheCli_leavesItToLogback() {
        String before = System.getProperty(CliLogging.SELECTED_PROPERTY);
        System.clearProperty(CliLogging.SELECTED_PROPERTY);
        try {
            LoggerContext context = new LoggerContext();
            CliLogging logging = new CliLogging();
            logging.setContext(context);
            assertThat(logging.configure(context)).isEqualTo(Configurator.ExecutionStatus.INVOKE_NEXT_IF_ANY);
        } finally {
            restore(CliLogging.SELECTED_PROPERTY, before);
        }
    }

    @Test
    void configureLogging_withVerbose_setsTheLevelPropertyAndSelectsTheCliConfiguration() {
        String before = System.getProperty(Main.VERBOSE_LEVEL_PROPERTY);
        String selected = System.getProperty(CliLogging.SELECTED_PROPERTY);
        try {
            Main.configureLogging(true);
            assertThat(System.getProperty(Main.VERBOSE_LEVEL_PROPERTY)).isEqualTo("DEBUG");
            assertThat(System.getProperty(CliLogging.SELECTED_PROPERTY)).isEqualTo("true");
        } finally {
            restore(Main.VERBOSE_LEVEL_PROPERTY, before);
            restore(CliLogging.SELECTED_PROPERTY, selected);
        }
    }

    private static LoggerContext configured(Supplier<String> verboseLevel) {
        String before = System.getProperty(Main.VERBOSE_LEVEL_PROPERTY);
        String file = System.getProperty("logback.configurationFile");
        System.clearProperty("logback.configurationFile");
        LoggerContext context = new LoggerContext();
        try {
            restore(Main.VERBOSE_LEVEL_PROPERTY, verboseLevel.get());
            withCliSelected(() -> {
                CliLogging logging = new CliLogging();
                logging.setContext(context);
                assertThat(logging.configure(context)).isEqualTo(Configurator.ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY);
            });
        } finally {
            restore(Main.VERBOSE_LEVEL_PROPERTY, before);
            restore("logback.configurationFile", file);
        }
        return context;
    }

    private static void withCliSelected(Runnable body) {
        String before = System.getProperty(CliLogging.SELECTED_PROPERTY);
        System.setProperty(CliLogging.SELECTED_PROPERTY, "true");
        try {
            body.run();
        } finally {
            restore(CliLogging.SELECTED_PROPERTY, before);
        }
    }

    private static void restore(String property, String value) {
        if (value == null) {
            System.clearProperty(property);
        } else {
            System.setProperty(property, value);
        }
    }
}
