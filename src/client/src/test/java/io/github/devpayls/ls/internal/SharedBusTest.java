package io.github.devpayls.ls.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.cxf.Bus;
import org.apache.cxf.BusFactory;
import org.apache.cxf.ws.policy.PolicyEngine;
import org.junit.jupiter.api.Test;

class SharedBusTest {

    @Test
    void sharedBus_hasPolicyEngineDisabled_becauseTheContractDeclaresNoPolicy() {
        assertThat(SharedBus.get().getExtension(PolicyEngine.class).isEnabled()).isFalse();
    }

    @Test
    void sharedBus_isNotTheJvmDefaultBus_soOtherCxfUsersKeepTheirPolicyEngine() {
        Bus shared = SharedBus.get();
        boolean existed = BusFactory.getDefaultBus(false) != null;
        Bus defaultBus = BusFactory.getDefaultBus(true);
        try {
            assertThat(defaultBus).isNotSameAs(shared);
            assertThat(defaultBus.getExtension(PolicyEngine.class).isEnabled()).isTrue();
        } finally {
            if (!existed) {
                // Only a bus this test created; another test's default bus stays up.
                defaultBus.shutdown(true);
            }
        }
    }
}
