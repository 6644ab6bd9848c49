package io.github.devpayls.ls.reliability;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.read.ListAppender;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.slf4j.LoggerFactory;

/**
 * Every log event of the JVM while open, from the root logger at the given level. The test
 * configuration's console appender is detached meanwhile (TRACE from Jetty and CXF would flood
 * the reports) and everything is restored on close.
 */
final class CapturedLogs implements AutoCloseable {

    private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    private final Level previousLevel;
    private final List<Appender<ILoggingEvent>> detached = new ArrayList<>();
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

    private CapturedLogs(Level level) {
        previousLevel = root.getLevel();
        for (Iterator<Appender<ILoggingEvent>> it = root.iteratorForAppenders(); it.hasNext(); ) {
            detached.add(it.next());
        }
        detached.forEach(root::detachAppender);
        appender.setContext(root.getLoggerContext());
        appender.start();
        root.addAppender(appender);
        root.setLevel(level);
    }

    static CapturedLogs atTrace() {
        return new CapturedLogs(Level.TRACE);
    }

    /**
     * @return the events so far. Other threads (Jetty's, CXF's, the watchdog's) append while a test
     * reads; ListAppender appends under its own monitor (AppenderBase), so the copy takes it too.
     */
    private List<ILoggingEvent> events() {
        synchronized (appender) {
            return new ArrayList<>(appender.list);
        }
    }

    /** @return how many events were captured */
    int size() {
        return events().size();
    }

    /** @return the names of the loggers that logged */
    List<String> loggerNames() {
        return events().stream().map(ILoggingEvent::getLoggerName).distinct().toList();
    }

    /** @return the events at INFO or above, as "LEVEL logger: message" lines */
    List<String> infoOrAbove() {
        return events().stream().filter(e -> e.getLevel().isGreaterOrEqual(Level.INFO))
                .map(e -> e.getLevel() + " " + e.getLoggerName() + ": " + e.getFormattedMessage()).toList();
    }

    /** @return every captured event as text: level, logger, message, arguments, and each throwable in the chain */
    String text() {
        StringBuilder all = new StringBuilder();
        for (ILoggingEvent event : events()) {
            all.append(event.getLevel()).append(' ').append(event.getLoggerName()).append(' ')
                    .append(event.getFormattedMessage()).append('\n');
            for (IThrowableProxy t = event.getThrowableProxy(); t != null; t = t.getCause()) {
                all.append("  ").append(t.getClassName()).append(": ").append(t.getMessage()).append('\n');
                for (IThrowableProxy suppressed : t.getSuppressed()) {
                    all.append("  suppressed ").append(suppressed.getClassName()).append(": ")
                            .append(suppressed.getMessage()).append('\n');
                }
            }
        }
        return all.toString();
    }

    @Override
    public void close() {
        root.setLevel(previousLevel);
        root.detachAppender(appender);
        appender.stop();
        detached.forEach(root::addAppender);
    }

    /** @return a throwable, its causes and suppressed ones, each as message and toString */
    static String describe(Throwable failure) {
        StringBuilder all = new StringBuilder();
        int depth = 0;
        for (Throwable t = failure; t != null && depth < 32; t = t.getCause(), depth++) {
            all.append(t).append('\n').append(t.getMessage()).append('\n');
            for (Throwable suppressed : t.getSuppressed()) {
                all.append(suppressed).append('\n');
            }
        }
        return all.toString();
    }
}
