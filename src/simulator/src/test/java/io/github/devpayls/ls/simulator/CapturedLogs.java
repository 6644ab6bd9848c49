package io.github.devpayls.ls.simulator;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.read.ListAppender;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.slf4j.LoggerFactory;

/**
 * Every log event of the JVM at DEBUG and above while open, from the root logger. The console
 * appender of the test configuration is detached meanwhile and everything is restored on close.
 * CXF logs through SLF4J in these tests (the {@code org.apache.cxf.Logger} property in the POM),
 * as it does in the CLI.
 */
final class CapturedLogs implements AutoCloseable {

    private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    private final Level previousLevel;
    private final List<Appender<ILoggingEvent>> detached = new ArrayList<>();
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

    CapturedLogs() {
        previousLevel = root.getLevel();
        for (Iterator<Appender<ILoggingEvent>> it = root.iteratorForAppenders(); it.hasNext(); ) {
            detached.add(it.next());
        }
        detached.forEach(root::detachAppender);
        appender.setContext(root.getLoggerContext());
        appender.start();
        root.addAppender(appender);
        root.setLevel(Level.DEBUG);
    }

    /** @return the events of the project's own loggers */
    List<ILoggingEvent> projectEvents() {
        return List.copyOf(appender.list).stream()
                .filter(e -> e.getLoggerName().startsWith("io.github.devpayls")).toList();
    }

    /** @return the events, from any logger, that carry a stack trace, as "logger: message" */
    List<String> withStackTrace() {
        return List.copyOf(appender.list).stream().filter(e -> e.getThrowableProxy() != null)
                .map(e -> e.getLoggerName() + ": " + e.getFormattedMessage()).toList();
    }

    /** @return every event at INFO or above, from any logger */
    List<ILoggingEvent> infoOrAbove() {
        return List.copyOf(appender.list).stream().filter(e -> e.getLevel().isGreaterOrEqual(Level.INFO)).toList();
    }

    @Override
    public void close() {
        root.setLevel(previousLevel);
        root.detachAppender(appender);
        appender.stop();
        detached.forEach(root::addAppender);
    }
}
