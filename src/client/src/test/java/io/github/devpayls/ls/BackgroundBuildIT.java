package io.github.devpayls.ls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.devpayls.ls.simulator.FixtureProduct;
import io.github.devpayls.ls.simulator.LicenseServiceSimulator;
import java.security.KeyManagementException;
import java.security.SecureRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLContextSpi;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLServerSocketFactory;
import javax.net.ssl.SSLSessionContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;
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

    @Test
    void buildInBackground_callWaitsForTheBuild_andAnInterruptedWaitIsATransportFailureWithTheFlagKept()
            throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        SSLContext simulatorTrust = sim.clientSslContext().orElseThrow();
        int requestsBefore = sim.requestCount();
        try (LicenseServiceClient client = LicenseServiceClient.builder().endpoint(sim.endpoint())
                .sslContext(heldUntil(release, simulatorTrust)).buildInBackground()) {
            Thread.currentThread().interrupt();
            assertThatThrownBy(() -> client.activateDesktopProduct(SimulatorBackedClients.freshKey(sim, product),
                    SimulatorBackedClients.token(product)))
                    .isInstanceOfSatisfying(TransportFailureException.class, e -> {
                        assertThat(e.kind()).isEqualTo(TransportFailureException.Kind.INTERRUPTED);
                        assertThat(e.requestMayHaveReachedService()).isFalse();
                    });
            assertThat(Thread.interrupted()).as("interrupt flag kept").isTrue();
            assertThat(sim.requestCount()).as("nothing was sent").isEqualTo(requestsBefore);

            CompletableFuture<ActivationResult> waiting = CompletableFuture.supplyAsync(() -> client.activateDesktopProduct(
                    SimulatorBackedClients.freshKey(sim, product), SimulatorBackedClients.token(product)));
            assertThat(waiting).as("the call waits while the build is held").isNotDone();
            release.countDown();
            assertThat(waiting.get()).isInstanceOf(ActivationResult.Activated.class);
        } finally {
            release.countDown();
        }
    }

    /** A TLS context whose socket factory is handed out only once the latch opens: holds the build. */
    private static SSLContext heldUntil(CountDownLatch release, SSLContext real) {
        SSLContextSpi spi = new SSLContextSpi() {
            @Override
            protected void engineInit(KeyManager[] km, TrustManager[] tm, SecureRandom random)
                    throws KeyManagementException {
            }

            @Override
            protected SSLSocketFactory engineGetSocketFactory() {
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return real.getSocketFactory();
            }

            @Override
            protected SSLServerSocketFactory engineGetServerSocketFactory() {
                return real.getServerSocketFactory();
            }

            @Override
            protected SSLEngine engineCreateSSLEngine() {
                return real.createSSLEngine();
            }

            @Override
            protected SSLEngine engineCreateSSLEngine(String host, int port) {
                return real.createSSLEngine(host, port);
            }

            @Override
            protected SSLSessionContext engineGetServerSessionContext() {
                return real.getServerSessionContext();
            }

            @Override
            protected SSLSessionContext engineGetClientSessionContext() {
                return real.getClientSessionContext();
            }
        };
        return new SSLContext(spi, real.getProvider(), real.getProtocol()) {
        };
    }
}
