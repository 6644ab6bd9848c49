package io.github.devpayls.ls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.devpayls.ls.simulator.FixtureProduct;
import io.github.devpayls.ls.simulator.LicenseServiceSimulator;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@link LicenseServiceClient.Builder#buildInBackground()} end to end over HTTPS against the
 * simulator: the first call waits for the build and works, and a build that failed in the
 * background is reported on use, not lost.
 */
class BackgroundBuildIT {

    private static LicenseServiceSimulator sim;
    private static FixtureProduct product;

    @BeforeAll
    static void start() {
        sim = LicenseServiceSimulator.builder().start();
        product = sim.fixtures().products().get(0);
    }

    @AfterAll
    static void stop() {
        if (sim != null) {
            sim.close();
        }
    }

    @Test
    void buildInBackground_firstCallWaitsForTheBuildAndActivates() {
        try (LicenseServiceClient client = SimulatorBackedClients.trusting(sim).buildInBackground()) {
            assertThat(client.endpoint()).isEqualTo(sim.endpoint());
            ActivationResult result = client.activateDesktopProduct(SimulatorBackedClients.freshKey(sim, product),
                    SimulatorBackedClients.token(product));
            assertThat(result).isInstanceOf(ActivationResult.Activated.class);
            ActivationResult second = client.activateDesktopProduct(SimulatorBackedClients.freshKey(sim, product),
                    SimulatorBackedClients.token(product));
            assertThat(second).isInstanceOf(ActivationResult.Activated.class);
        }
    }

    @Test
    void buildInBackground_whenTheBuildFails_everyCallThrowsIllegalStateExceptionWithTheBuildsFailure()
            throws Exception {
        // An SSLContext that was never initialised: the builder takes it, building the TLS socket
        // factory fails — on build() at once, here on the background thread.
        SSLContext uninitialised = SSLContext.getInstance("TLS");
        LicenseServiceClient.Builder builder = SimulatorBackedClients.trusting(sim).sslContext(uninitialised);
        Throwable direct = org.assertj.core.api.Assertions.catchThrowable(builder::build);
        assertThat(direct).isInstanceOf(IllegalStateException.class);

        int requestsBefore = sim.requestCount();
        try (LicenseServiceClient client = builder.buildInBackground()) {
            for (int call = 0; call < 2; call++) {
                assertThatThrownBy(() -> client.activateDesktopProduct(SimulatorBackedClients.freshKey(sim, product),
                        SimulatorBackedClients.token(product)))
                        .isInstanceOf(IllegalStateException.class)
                        .hasMessageContaining("could not be built")
                        .cause().isInstanceOf(direct.getClass()).hasMessage(direct.getMessage());
            }
        }
        assertThat(sim.requestCount()).as("nothing was sent").isEqualTo(requestsBefore);
    }

    @Test
    void buildInBackground_closedBeforeUse_refusesCallsAndCloseTwiceIsHarmless() {
        LicenseServiceClient client = SimulatorBackedClients.trusting(sim).buildInBackground();
        client.close();
        client.close();
        assertThatThrownBy(() -> client.activateDesktopProduct(SimulatorBackedClients.freshKey(sim, product),
                SimulatorBackedClients.token(product)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
    }
}
