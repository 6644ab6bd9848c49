package io.github.devpayls.ls.internal;

import java.lang.reflect.Field;
import java.util.function.Supplier;
import java.util.logging.Filter;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.apache.cxf.wsdl.service.factory.ReflectionServiceFactoryBean;
import org.slf4j.LoggerFactory;

/**
 * Builds the client's CXF service model without CXF's INFO line "Creating Service {…} from WSDL: …".
 *
 * <p>CXF writes that line on every service-model build, from a private static logger of
 * {@link ReflectionServiceFactoryBean}, unconditionally and with no option to turn it off; a
 * library must not put it into its consumer's log. Raising that logger's level would be a global
 * change in the consumer's logging (and SLF4J has no level API), so instead a
 * {@link java.util.logging.Filter} goes on CXF's own logger object: CXF checks it on every record,
 * whether it logs through the JDK or through its SLF4J adapter. The filter drops records at INFO and
 * below only while the current thread is inside {@link #build}; WARNING and above always pass, and
 * any other code building a CXF service in the same JVM keeps CXF's line. A filter the logger
 * already had is kept and still consulted.
 */
final class QuietServiceModel {

    private static final org.slf4j.Logger LOG = LoggerFactory.getLogger(QuietServiceModel.class);

    /** The private static field of {@link ReflectionServiceFactoryBean} that holds its logger (CXF 4.2). */
    private static final String CXF_LOGGER_FIELD = "LOG";

    private static final ThreadLocal<Boolean> BUILDING = new ThreadLocal<>();

    private static volatile boolean installed;

    private QuietServiceModel() {
    }

    /**
     * @param construction builds the CXF proxy (and with it the service model) on this thread
     * @param <T>          what it builds
     * @return what {@code construction} returned
     */
    static <T> T build(Supplier<T> construction) {
        installOnce();
        BUILDING.set(Boolean.TRUE);
        try {
            return construction.get();
        } finally {
            BUILDING.remove();
        }
    }

    private static void installOnce() {
        if (installed) {
            return;
        }
        synchronized (QuietServiceModel.class) {
            if (installed) {
                return;
            }
            try {
                Field field = ReflectionServiceFactoryBean.class.getDeclaredField(CXF_LOGGER_FIELD);
                field.setAccessible(true);
                Logger cxfLogger = (Logger) field.get(null);
                cxfLogger.setFilter(new WhileBuilding(cxfLogger.getFilter()));
            } catch (ReflectiveOperationException | RuntimeException e) {
                // A CXF that moved its logger: the line comes back, nothing else changes.
                LOG.debug("CXF's service-model logger not found; its INFO line stays ({})", e.toString());
            }
            installed = true;
        }
    }

    /** Drops INFO and finer while this thread builds a client; otherwise defers to the previous filter. */
    private record WhileBuilding(Filter previous) implements Filter {

        @Override
        public boolean isLoggable(LogRecord record) {
            if (BUILDING.get() != null && record.getLevel().intValue() <= Level.INFO.intValue()) {
                return false;
            }
            return previous == null || previous.isLoggable(record);
        }
    }
}
