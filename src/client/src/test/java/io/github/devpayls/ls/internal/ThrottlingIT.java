package io.github.devpayls.ls.internal;

import static io.github.devpayls.ls.SimulatorBackedClients.freshKey;
import static io.github.devpayls.ls.SimulatorBackedClients.token;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.devpayls.ls.ActivationResult;
import io.github.devpayls.ls.LicenseServiceClient;
import io.github.devpayls.ls.RetryPolicy;
import io.github.devpayls.ls.ServiceErrorCode;
import io.github.devpayls.ls.ServiceUnavailableException;
import io.github.devpayls.ls.SimulatorBackedClients;
import io.github.devpayls.ls.simulator.FixtureProduct;
import io.github.devpayls.ls.simulator.InjectedFault;
import io.github.devpayls.ls.simulator.IssuedCredentials;
import io.github.devpayls.ls.simulator.LicenseServiceSimulator;
import io.github.devpayls.ls.simulator.ThrottleBody;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * HTTP 503 from the simulator, once, k times, and forever, with each body and with and without
 * {@code Retry-After}. Waits are recorded rather than slept where their length is the subject, so
 * the exact backoff is asserted without spending it.
 */
class ThrottlingIT {

    private static final int ATTEMPTS = 4;
    private static final Duration BASE = Duration.ofMillis(100);
    private static final Duration CEILING = Duration.ofMillis(250);
    private static final RetryPolicy POLICY = RetryPolicy.builder().maxAttempts(ATTEMPTS).baseDelay(BASE)
            .maxDelay(CEILING).build();
    private static final Duration DEADLINE = Duration.ofSeconds(30);
    private static final int FOREVER = 100;

    private static LicenseServiceSimulator sim;
    private static FixtureProduct product;
    private static final List<Duration> sleeps = new CopyOnWriteArrayList<>();
    private static CxfLicenseServiceClient client;

    @BeforeAll
    static void start() {
        sim = LicenseServiceSimulator.builder().start();
        product = sim.fixtures().products().get(0);
        // Jitter at its top (bound - 1), so every wait is the policy's ceiling for that attempt.
        RetryExecutor recording = new RetryExecutor(POLICY, DEADLINE, sleeps::add, bound -> bound - 1,
                System::nanoTime, Clock.systemUTC());
        client = CxfLicenseServiceClient.open(new ClientConfiguration(sim.endpoint(),
                TlsTrust.pemFile(sim.caCertificatePem().orElseThrow()), Duration.ofSeconds(5), Duration.ofSeconds(10),
                DEADLINE, POLICY, false), recording);
    }

    @AfterAll
    static void stop() {
        client.close();
        sim.close();
    }

    @BeforeEach
    void reset() {
        sim.faults().clear();
        sleeps.clear();
    }

    @Test
    void throttledOnce_isRetriedOnce_andReturnsTheCredentialsOfTheSecondAttempt() {
        sim.faults().injectNext(1, InjectedFault.throttle());
        int before = sim.requestCount();

        ActivationResult result = client.activateDesktopProduct(freshKey(sim, product), token(product));

        assertIssuedBySimulator(result);
        assertThat(sim.requestCount() - before).isEqualTo(2);
        assertThat(sleeps).containsExactly(BASE);
    }

    @Test
    void throttledThreeTimesThenAnswered_isRetriedWithGrowingCappedWaits() {
        sim.faults().injectNext(3, InjectedFault.throttle(ThrottleBody.HTML, null));
        int before = sim.requestCount();

        ActivationResult result = client.activateDesktopProduct(freshKey(sim, product), token(product));

        assertIssuedBySimulator(result);
        assertThat(sim.requestCount() - before).isEqualTo(4);
        assertThat(sleeps).containsExactly(BASE, BASE.multipliedBy(2), CEILING);
    }

    @Test
    void throttledForever_withThrottledFaultBody_givesServiceUnavailableWithAttemptCount() {
        sim.faults().injectNext(FOREVER, InjectedFault.throttle());

        ServiceUnavailableException e = exhausted();

        assertThat(e.lastError()).hasValueSatisfying(
                error -> assertThat(error.code()).isEqualTo(ServiceErrorCode.REQUEST_THROTTLED));
        assertThat(e.lastRequestId()).isPresent();
        assertThat(sleeps).containsExactly(BASE, BASE.multipliedBy(2), CEILING);
    }

    @Test
    void throttledForever_withEmptyBody_givesServiceUnavailableWithAttemptCount() {
        sim.faults().injectNext(FOREVER, InjectedFault.throttle(ThrottleBody.EMPTY, null));

        ServiceUnavailableException e = exhausted();

        assertThat(e.lastError()).isEmpty();
        assertThat(sleeps).containsExactly(BASE, BASE.multipliedBy(2), CEILING);
    }

    @Test
    void throttledForever_withHtmlBody_givesServiceUnavailableWithAttemptCount() {
        sim.faults().injectNext(FOREVER, InjectedFault.throttle(ThrottleBody.HTML, null));

        ServiceUnavailableException e = exhausted();

        assertThat(e.lastError()).isEmpty();
        assertThat(sleeps).hasSize(ATTEMPTS - 1);
    }

    @Test
    void throttledForever_withRetryAfter_givesServiceUnavailableWithAttemptCount() {
        sim.faults().injectNext(FOREVER, InjectedFault.throttle(ThrottleBody.SOAP_FAULT, Duration.ofSeconds(2)));

        exhausted();

        // The service's Retry-After outweighs the backoff ceiling; the total is bounded by attempts × it.
        assertThat(sleeps).containsExactly(Duration.ofSeconds(2), Duration.ofSeconds(2), Duration.ofSeconds(2));
    }

    @Test
    void throttledForever_withRetryAfterAndEmptyBody_givesServiceUnavailableWithAttemptCount() {
        sim.faults().injectNext(FOREVER, InjectedFault.throttle(ThrottleBody.EMPTY, Duration.ofSeconds(1)));

        ServiceUnavailableException e = exhausted();

        assertThat(e.lastError()).isEmpty();
        assertThat(sleeps).containsOnly(Duration.ofSeconds(1)).hasSize(ATTEMPTS - 1);
    }

    @Test
    void throttledForever_withRetryAfterBeyondTheDeadline_givesUpAtOnceInsteadOfWaiting() {
        Duration deadline = Duration.ofMillis(800);
        try (LicenseServiceClient impatient = SimulatorBackedClients.trusting(sim).retryPolicy(POLICY)
                .callDeadline(deadline).build()) {
            // Warm the client's TLS session so the deadline measures only the throttling.
            impatient.activateDesktopProduct(freshKey(sim, product), token(product));
            sim.faults().injectNext(FOREVER, InjectedFault.throttle(ThrottleBody.SOAP_FAULT, Duration.ofSeconds(30)));
            int before = sim.requestCount();

            assertThatThrownBy(
                    () -> impatient.activateDesktopProduct(freshKey(sim, product), token(product)))
                    .isInstanceOfSatisfying(ServiceUnavailableException.class, e -> {
                        assertThat(e.attempts()).isEqualTo(1);
                        assertThat(e.getMessage()).contains("after 1 attempt");
                    });

            assertThat(sim.requestCount() - before).isEqualTo(1);
        }
    }

    @Test
    void throttledForever_throughThePublicClient_endsOnceEveryAttemptIsSpent() {
        Duration deadline = Duration.ofSeconds(5);
        try (LicenseServiceClient real = SimulatorBackedClients.trusting(sim).retryPolicy(SimulatorBackedClients.quickRetries(5))
                .callDeadline(deadline).build()) {
            sim.faults().injectNext(FOREVER, InjectedFault.throttle());
            int before = sim.requestCount();

            assertThatThrownBy(
                    () -> real.activateDesktopProduct(freshKey(sim, product), token(product)))
                    .isInstanceOfSatisfying(ServiceUnavailableException.class, e -> {
                        assertThat(e.attempts()).isEqualTo(5);
                        assertThat(e.getMessage()).contains("unavailable after 5 attempts");
                    });

            assertThat(sim.requestCount() - before).isEqualTo(5);
        }
    }

    private ServiceUnavailableException exhausted() {
        int before = sim.requestCount();
        ServiceUnavailableException[] caught = new ServiceUnavailableException[1];
        assertThatThrownBy(() -> client.activateDesktopProduct(freshKey(sim, product), token(product)))
                .isInstanceOfSatisfying(ServiceUnavailableException.class, e -> {
                    assertThat(e.attempts()).isEqualTo(ATTEMPTS);
                    assertThat(e.lastHttpStatus()).isEqualTo(503);
                    assertThat(e.getMessage()).contains("unavailable after " + ATTEMPTS + " attempts");
                    caught[0] = e;
                });
        assertThat(sim.requestCount() - before).isEqualTo(ATTEMPTS);
        return caught[0];
    }

    private static void assertIssuedBySimulator(ActivationResult result) {
        assertThat(result).isInstanceOfSatisfying(ActivationResult.Activated.class, activated -> {
            IssuedCredentials issued = sim.issuedFor(activated.requestId().value()).orElseThrow();
            assertThat(activated.credentials().userToken().reveal()).isEqualTo(issued.userToken());
            assertThat(activated.credentials().secretAccessKey().reveal()).isEqualTo(issued.secretAccessKey());
        });
    }
}
