package io.github.devpayls.ls.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.apache.cxf.Bus;
import org.apache.cxf.BusFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SharedBusTest {

    /** The exclusions in the parent pom reach this classpath: no policy engine, no addressing, no mail. */
    @ParameterizedTest
    @ValueSource(strings = {
        "org.apache.cxf.ws.policy.PolicyEngine",
        "org.apache.neethi.Policy",
        "org.apache.cxf.ws.addressing.impl.MAPAggregatorImpl",
        "org.eclipse.angus.mail.util.MailLogger",
        "jakarta.mail.Session"})
    void clientClasspath_lacksTheExcludedJars(String className) {
        SharedBus.get();
        assertThatThrownBy(() -> Class.forName(className, false, SharedBus.class.getClassLoader()))
                .isInstanceOf(ClassNotFoundException.class);
    }

    @Test
    void sharedBus_isNotTheJvmDefaultBus_soOtherCxfUsersKeepTheirOwn() {
        Bus shared = SharedBus.get();
        boolean existed = BusFactory.getDefaultBus(false) != null;
        Bus defaultBus = BusFactory.getDefaultBus(true);
        try {
            assertThat(defaultBus).isNotSameAs(shared);
        } finally {
            if (!existed) {
                // Only a bus this test created; another test's default bus stays up.
                defaultBus.shutdown(true);
            }
        }
    }
}
