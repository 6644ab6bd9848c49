package io.github.devpayls.ls.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.devpayls.ls.ActivationKey;
import io.github.devpayls.ls.LicenseServiceClient;
import io.github.devpayls.ls.ProductToken;
import io.github.devpayls.ls.RetryPolicy;
import io.github.devpayls.ls.simulator.FixtureProduct;
import io.github.devpayls.ls.simulator.LicenseServiceSimulator;
import java.time.Duration;

/** Clients, inputs and a stopwatch for the reliability tests that run against a simulator. */
final class SimulatorCalls {

    /** Slack on every deadline assertion, for a loaded two-core CI machine. */
    static final Duration DEADLINE_MARGIN = Duration.ofSeconds(2);

    private SimulatorCalls() {
    }

    /** @return a builder aimed at the simulator over HTTPS, trusting only its throwaway CA */
    static LicenseServiceClient.Builder trusting(LicenseServiceSimulator sim) {
        return LicenseServiceClient.builder().endpoint(sim.endpoint())
                .trustPemCertificates(sim.caCertificatePem().orElseThrow());
    }

    /** @return a policy of that many attempts whose waits are a few milliseconds at most */
    static RetryPolicy quickRetries(int attempts) {
        return RetryPolicy.builder().maxAttempts(attempts).baseDelay(Duration.ofMillis(1))
                .maxDelay(Duration.ofMillis(4)).build();
    }

    static ActivationKey freshKey(LicenseServiceSimulator sim, FixtureProduct product) {
        return ActivationKey.of(sim.mintActivationKey(product.productCode()));
    }

    static ProductToken token(FixtureProduct product) {
        return ProductToken.of(product.productToken());
    }

    /** A call's wall time, measured only to bound it loosely. */
    static Duration timed(Runnable call) {
        long start = System.nanoTime();
        call.run();
        return Duration.ofNanos(System.nanoTime() - start);
    }

    /** Asserts a call ended within its deadline plus {@link #DEADLINE_MARGIN}. */
    static void assertWithinDeadline(Duration elapsed, Duration deadline) {
        assertThat(elapsed).as("time taken, deadline %s", deadline).isLessThanOrEqualTo(deadline.plus(DEADLINE_MARGIN));
    }
}
