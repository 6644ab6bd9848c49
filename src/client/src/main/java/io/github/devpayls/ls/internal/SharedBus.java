package io.github.devpayls.ls.internal;

import org.apache.cxf.Bus;
import org.apache.cxf.BusFactory;

/**
 * The CXF bus every client of this library shares. A bus costs half a second to start and holds
 * the JAXB context cache, so one per process; it is never shut down (clients close their own
 * conduits). Created without leaving it as the JVM's or the thread's default bus, so other CXF
 * users in the same JVM are not affected.
 */
final class SharedBus {

    private static volatile Bus bus;

    private SharedBus() {
    }

    static Bus get() {
        Bus current = bus;
        if (current == null) {
            synchronized (SharedBus.class) {
                current = bus;
                if (current == null) {
                    current = create();
                    bus = current;
                }
            }
        }
        return current;
    }

    private static Bus create() {
        Bus previousThreadBus = BusFactory.getThreadDefaultBus(false);
        Bus created = BusFactory.newInstance().createBus();
        if (BusFactory.getDefaultBus(false) == created) {
            BusFactory.setDefaultBus(null);
        }
        BusFactory.setThreadDefaultBus(previousThreadBus);
        // No WS-Policy engine to switch off: the contract declares no policy and the parent pom
        // excludes cxf-rt-ws-policy, so the bus has none (SharedBusTest holds that).
        return created;
    }
}
