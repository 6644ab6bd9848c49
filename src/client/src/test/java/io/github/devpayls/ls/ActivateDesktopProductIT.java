package io.github.devpayls.ls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.devpayls.ls.simulator.CredentialPart;
import io.github.devpayls.ls.simulator.FixtureProduct;
import io.github.devpayls.ls.simulator.InjectedFault;
import io.github.devpayls.ls.simulator.IssuedCredentials;
import io.github.devpayls.ls.simulator.LicenseServiceSimulator;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every outcome of ActivateDesktopProduct end to end: the public client over HTTPS against the
 * simulator on an ephemeral loopback port, trusting only the simulator's throwaway CA.
 */
class ActivateDesktopProductIT {

    private static final RetryPolicy FAST_RETRIES = RetryPolicy.builder().maxAttempts(3)
            .baseDelay(Duration.ofMillis(1)).maxDelay(Duration.ofMillis(5)).build();

    private static LicenseServiceSimulator sim;
    private static LicenseServiceClient client;
    private static FixtureProduct product;
    private static FixtureProduct otherProduct;

    @BeforeAll
    static void start() {
        sim = LicenseServiceSimulator.builder().start();
        client = SimulatorBackedClients.trusting(sim)
                .retryPolicy(FAST_RETRIES)
                .callDeadline(Duration.ofSeconds(20))
                .build();
        product = sim.fixtures().products().get(0);
        otherProduct = sim.fixtures().products().get(1);
    }

    @AfterAll
    static void stop() {
        if (client != null) {
            client.close();
        }
        if (sim != null) {
            sim.close();
        }
    }

    @BeforeEach
    void clearFaults() {
        sim.faults().clear();
    }

    private static ProductToken token(FixtureProduct p) {
        return SimulatorBackedClients.token(p);
    }

    private static ActivationKey freshKey(FixtureProduct p) {
        return SimulatorBackedClients.freshKey(sim, p);
    }

    private static ServiceError rejected(ActivationResult result) {
        assertThat(result).isInstanceOf(ActivationResult.Rejected.class);
        return ((ActivationResult.Rejected) result).error();
    }

    @Test
    void activate_withValidKey_returnsAllThreeCredentialsAndRequestId() {
        ActivationResult result = client.activateDesktopProduct(freshKey(product), token(product));

        assertThat(result).isInstanceOf(ActivationResult.Activated.class);
        ActivationResult.Activated activated = (ActivationResult.Activated) result;
        IssuedCredentials issued = sim.issuedFor(activated.requestId().value()).orElseThrow();
        assertThat(activated.credentials().userToken().reveal()).isEqualTo(issued.userToken()).startsWith("{UserToken}");
        assertThat(activated.credentials().accessKeyId()).isEqualTo(issued.accessKeyId()).hasSize(20);
        assertThat(activated.credentials().secretAccessKey().reveal()).isEqualTo(issued.secretAccessKey()).hasSize(40);
        assertThat(activated.requestId().value()).hasSize(36);
        assertThat(result.toString()).doesNotContain(issued.userToken(), issued.secretAccessKey());
    }

    @Test
    void activate_withTokenExpiration_issuesAnExpiringUserToken() {
        ActivationResult result = client.activateDesktopProduct(
                ActivationRequest.of(freshKey(product), token(product)).withTokenExpiration(Duration.ofSeconds(3600)));

        ActivationResult.Activated activated = (ActivationResult.Activated) result;
        assertThat(sim.issuedFor(activated.requestId().value()).orElseThrow().userTokenExpiresAt()).isPresent();
    }

    @Test
    void activate_whenKeyExpired_returnsRejectedWithAction() {
        ServiceError error = rejected(client.activateDesktopProduct(
                ActivationKey.of(product.expiredActivationKey()), token(product)));

        assertThat(error.code()).isEqualTo(ServiceErrorCode.EXPIRED_ACTIVATION_KEY);
        assertThat(error.type()).isEqualTo(FaultType.SENDER);
        assertThat(error.action()).contains("fresh key");
        assertThat(error.requestId()).isPresent();
        assertThat(error.retryable()).isFalse();
    }

    @Test
    void activate_whenKeyBelongsToAnotherProduct_returnsRejectedWithAction() {
        ServiceError error = rejected(client.activateDesktopProduct(freshKey(otherProduct), token(product)));

        assertThat(error.code()).isEqualTo(ServiceErrorCode.INCORRECT_ACTIVATION_KEY);
        assertThat(error.action()).contains("this product");
        assertThat(error.requestId()).isPresent();
    }

    @Test
    void activate_whenKeyUnknown_returnsRejectedWithAction() {
        ServiceError error = rejected(client.activateDesktopProduct(
                ActivationKey.of("ZZZZZZZZZZZZZZZZZZZZZZZZZZZZ"), token(product)));

        assertThat(error.code()).isEqualTo(ServiceErrorCode.INVALID_ACTIVATION_KEY);
        assertThat(error.action()).contains("re-enter");
        assertThat(error.message()).doesNotContain("ZZZZZZZZZZZZZZZZZZZZZZZZZZZZ");
    }

    @Test
    void activate_whenProductTokenUnknown_returnsRejectedWithDeveloperAction() {
        ServiceError error = rejected(client.activateDesktopProduct(freshKey(product),
                ProductToken.of("{ProductToken}" + "QUJD".repeat(20))));

        assertThat(error.code()).isEqualTo(ServiceErrorCode.INVALID_PRODUCT_TOKEN);
        assertThat(error.action()).contains("developer");
    }

    @Test
    void activate_whenThrottledTwice_retriesToSuccess() {
        sim.faults().injectNext(2, InjectedFault.throttle());
        int before = sim.requestCount();

        ActivationResult result = client.activateDesktopProduct(freshKey(product), token(product));

        assertThat(result).isInstanceOf(ActivationResult.Activated.class);
        assertThat(sim.requestCount() - before).isEqualTo(3);
    }

    @Test
    void activate_whenThrottledThroughEveryAttempt_throwsServiceUnavailable() {
        sim.faults().injectNext(10, InjectedFault.throttle());
        int before = sim.requestCount();

        assertThatThrownBy(() -> client.activateDesktopProduct(freshKey(product), token(product)))
                .isInstanceOfSatisfying(ServiceUnavailableException.class, e -> {
                    assertThat(e.attempts()).isEqualTo(3);
                    assertThat(e.lastHttpStatus()).isEqualTo(503);
                    assertThat(e.lastError()).hasValueSatisfying(
                            err -> assertThat(err.code()).isEqualTo(ServiceErrorCode.REQUEST_THROTTLED));
                });
        assertThat(sim.requestCount() - before).isEqualTo(3);
    }

    @Test
    void activate_whenFaultCodeUnknown_returnsRejectedKeepingRawCode() {
        sim.faults().injectNext(1, InjectedFault.rawResponse(500, "text/xml; charset=UTF-8",
                "<soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\"><soap:Body><soap:Fault"
                        + " xmlns:aws=\"http://webservices.amazon.com/AWSFault/2005-15-09\">"
                        + "<faultcode>aws:Client.BrandNewProblem</faultcode><faultstring>new</faultstring>"
                        + "<detail><aws:RequestId>0f0e0d0c-0b0a-0908-0706-050403020100</aws:RequestId></detail>"
                        + "</soap:Fault></soap:Body></soap:Envelope>"));

        ServiceError error = rejected(client.activateDesktopProduct(freshKey(product), token(product)));

        assertThat(error.code()).isEqualTo(ServiceErrorCode.UNKNOWN);
        assertThat(error.rawCode()).isEqualTo("Client.BrandNewProblem");
        assertThat(error.type()).isEqualTo(FaultType.SENDER);
        assertThat(error.requestId()).hasValueSatisfying(
                id -> assertThat(id.value()).isEqualTo("0f0e0d0c-0b0a-0908-0706-050403020100"));
    }

    @Test
    void activate_whenSuccessLacksACredential_throwsProtocolFailureAndHandsOutNothing() {
        for (CredentialPart part : CredentialPart.values()) {
            sim.faults().injectNext(1, InjectedFault.missingCredential(part));

            assertThatThrownBy(() -> client.activateDesktopProduct(freshKey(product), token(product)))
                    .as(part.name())
                    .isInstanceOfSatisfying(ProtocolFailureException.class, e -> {
                        assertThat(e.getMessage()).contains("lacks");
                        assertThat(e.attempts()).isEqualTo(1);
                    });
        }
    }

    @Test
    void activate_whenConnectionRefused_throwsConnectFailureThatNeverReachedService() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        try (LicenseServiceClient refused = LicenseServiceClient.builder()
                .endpoint("https://127.0.0.1:" + closedPort + "/")
                .trustPemCertificates(sim.caCertificatePem().orElseThrow())
                .retryPolicy(FAST_RETRIES).build()) {
            assertThatThrownBy(() -> refused.activateDesktopProduct(freshKey(product), token(product)))
                    .isInstanceOfSatisfying(TransportFailureException.class, e -> {
                        assertThat(e.kind()).isEqualTo(TransportFailureException.Kind.CONNECT);
                        assertThat(e.requestMayHaveReachedService()).isFalse();
                        assertThat(e.attempts()).isEqualTo(3);
                    });
        }
    }

    @Test
    void activate_whenServerHangsPastDeadline_throwsTimeout() {
        try (LicenseServiceClient impatient = SimulatorBackedClients.trusting(sim)
                .retryPolicy(FAST_RETRIES)
                .callDeadline(Duration.ofSeconds(3)).build()) {
            // A first call pays the client's TLS handshake, so the deadline below measures only the hang.
            assertThat(impatient.activateDesktopProduct(freshKey(product), token(product)))
                    .isInstanceOf(ActivationResult.Activated.class);
            sim.faults().injectNext(1, InjectedFault.hang());
            int before = sim.requestCount();

            assertThatThrownBy(() -> impatient.activateDesktopProduct(freshKey(product), token(product)))
                    .isInstanceOfSatisfying(TransportFailureException.class, e -> {
                        assertThat(e.kind()).isEqualTo(TransportFailureException.Kind.TIMEOUT);
                        assertThat(e.requestMayHaveReachedService()).isTrue();
                        assertThat(e.attempts()).isEqualTo(1);
                    });
            assertThat(sim.requestCount() - before).isEqualTo(1);
        }
    }

    @Test
    void activate_whenClientDoesNotTrustTheCa_failsTlsWithoutSendingAnything() {
        int before = sim.requestCount();
        // The JDK's default trust store does not know the simulator's throwaway CA.
        try (LicenseServiceClient untrusting = LicenseServiceClient.builder()
                .endpoint(sim.endpoint()).retryPolicy(FAST_RETRIES).build()) {
            assertThatThrownBy(() -> untrusting.activateDesktopProduct(freshKey(product), token(product)))
                    .isInstanceOfSatisfying(TransportFailureException.class, e -> {
                        assertThat(e.kind()).isEqualTo(TransportFailureException.Kind.TLS);
                        assertThat(e.requestMayHaveReachedService()).isFalse();
                    });
        }
        assertThat(sim.requestCount()).isEqualTo(before);
    }

    @Test
    void build_withHttpEndpoint_isRefused() {
        String http = "http://" + sim.endpoint().getAuthority() + "/";
        assertThatThrownBy(() -> LicenseServiceClient.builder().endpoint(http).build())
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.field()).isEqualTo("endpoint");
                    assertThat(e.getMessage()).contains("https://");
                });
    }

    @Test
    void activate_fromSixteenThreadsSharingOneClient_eachGetsItsOwnCredentials() throws Exception {
        int threads = 16;
        int callsPerThread = 10;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CyclicBarrier start = new CyclicBarrier(threads);
            List<Future<List<String>>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    List<String> requestIds = new ArrayList<>();
                    for (int i = 0; i < callsPerThread; i++) {
                        ActivationResult.Activated activated = (ActivationResult.Activated)
                                client.activateDesktopProduct(freshKey(product), token(product));
                        IssuedCredentials issued = sim.issuedFor(activated.requestId().value()).orElseThrow();
                        assertThat(activated.credentials().userToken().reveal()).isEqualTo(issued.userToken());
                        assertThat(activated.credentials().accessKeyId()).isEqualTo(issued.accessKeyId());
                        assertThat(activated.credentials().secretAccessKey().reveal()).isEqualTo(issued.secretAccessKey());
                        requestIds.add(activated.requestId().value());
                    }
                    return requestIds;
                }));
            }
            List<String> all = new ArrayList<>();
            for (Future<List<String>> future : futures) {
                all.addAll(future.get(120, TimeUnit.SECONDS));
            }
            assertThat(all).hasSize(threads * callsPerThread).doesNotHaveDuplicates();
        } finally {
            pool.shutdownNow();
        }
    }
}
