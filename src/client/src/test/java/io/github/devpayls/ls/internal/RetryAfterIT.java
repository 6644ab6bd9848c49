package io.github.devpayls.ls.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.devpayls.ls.ActivationKey;
import io.github.devpayls.ls.ActivationResult;
import io.github.devpayls.ls.ProductToken;
import io.github.devpayls.ls.RetryPolicy;
import io.github.devpayls.ls.simulator.FixtureProduct;
import io.github.devpayls.ls.simulator.InjectedFault;
import io.github.devpayls.ls.simulator.LicenseServiceSimulator;
import io.github.devpayls.ls.simulator.ThrottleBody;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * Throttling over HTTPS with the simulator, with the retry executor's sleeper replaced by a
 * recorder: proves Retry-After is read from a real 503 whatever its body, without sleeping.
 */
class RetryAfterIT {

    @Test
    void activate_whenThrottledWithRetryAfterAndAnyBody_waitsWhatTheServiceAsked() {
        List<Duration> sleeps = new CopyOnWriteArrayList<>();
        RetryPolicy policy = RetryPolicy.builder().maxAttempts(4).baseDelay(Duration.ofMillis(100))
                .maxDelay(Duration.ofSeconds(1)).build();
        Duration deadline = Duration.ofMinutes(1);
        try (LicenseServiceSimulator sim = LicenseServiceSimulator.builder().start()) {
            ClientConfiguration configuration = new ClientConfiguration(sim.endpoint(),
                    TlsTrust.pemFile(sim.caCertificatePem().orElseThrow()), Duration.ofSeconds(5),
                    Duration.ofSeconds(10), deadline, policy, false);
            RetryExecutor recording = new RetryExecutor(policy, deadline, sleeps::add, bound -> 0,
                    System::nanoTime, Clock.systemUTC());
            FixtureProduct product = sim.fixtures().products().get(0);
            sim.faults().injectNext(1, InjectedFault.throttle(ThrottleBody.SOAP_FAULT, Duration.ofSeconds(7)));
            sim.faults().injectNext(1, InjectedFault.throttle(ThrottleBody.HTML, Duration.ofSeconds(3)));
            sim.faults().injectNext(1, InjectedFault.throttle(ThrottleBody.EMPTY, null));

            try (CxfLicenseServiceClient client = CxfLicenseServiceClient.open(configuration, recording)) {
                ActivationResult result = client.activateDesktopProduct(
                        ActivationKey.of(sim.mintActivationKey(product.productCode())),
                        ProductToken.of(product.productToken()));

                assertThat(result).isInstanceOf(ActivationResult.Activated.class);
            }
            // Retry-After wins over the (zero) jitter when present; without it the jitter decides.
            assertThat(sleeps).containsExactly(Duration.ofSeconds(7), Duration.ofSeconds(3), Duration.ZERO);
        }
    }
}
