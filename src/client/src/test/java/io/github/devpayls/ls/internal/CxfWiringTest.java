package io.github.devpayls.ls.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.devpayls.ls.ActivationKey;
import io.github.devpayls.ls.ActivationRequest;
import io.github.devpayls.ls.ActivationResult;
import io.github.devpayls.ls.FaultType;
import io.github.devpayls.ls.ProductToken;
import io.github.devpayls.ls.ProtocolFailureException;
import io.github.devpayls.ls.RetryPolicy;
import io.github.devpayls.ls.ScriptedPeer;
import io.github.devpayls.ls.ServiceErrorCode;
import io.github.devpayls.ls.ServiceUnavailableException;
import io.github.devpayls.ls.TransportFailureException;
import io.github.devpayls.ls.ScriptedPeer.Reply;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.cxf.endpoint.ClientLifeCycleListener;
import org.apache.cxf.endpoint.ClientLifeCycleManager;
import org.apache.cxf.transport.http.URLConnectionHTTPConduit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The CXF wiring against a scripted plain-HTTP peer: what each kind of answer becomes. The
 * simulator-based *IT tests repeat the important ones over HTTPS end to end.
 */
class CxfWiringTest {

    static final ProductToken TOKEN = ProductToken.of("{ProductToken}AAAABBBBCCCC");
    static final String KEY_TEXT = "ADMAY7DVLJTWHJ76MMBMQEXAMPLE";
    static final ActivationKey KEY = ActivationKey.of(KEY_TEXT);
    static final String REQUEST_ID = "11111111-2222-3333-4444-555555555555";
    static final String SECRET_KEY = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
    static final String USER_TOKEN = "{UserToken}AAAAuserTokenBase64==";

    private final List<Duration> sleeps = new CopyOnWriteArrayList<>();
    /** CXF clients created on the shared bus during the test: main keeps its own conduit private. */
    private final List<org.apache.cxf.endpoint.Client> created = new CopyOnWriteArrayList<>();
    private final ClientLifeCycleListener recorder = new ClientLifeCycleListener() {
        @Override
        public void clientCreated(org.apache.cxf.endpoint.Client client) {
            created.add(client);
        }

        @Override
        public void clientDestroyed(org.apache.cxf.endpoint.Client client) {
        }
    };

    @BeforeEach
    void recordCreatedClients() {
        SharedBus.get().getExtension(ClientLifeCycleManager.class).registerListener(recorder);
    }

    @AfterEach
    void stopRecording() {
        SharedBus.get().getExtension(ClientLifeCycleManager.class).unRegisterListener(recorder);
    }

    /** @return the conduit of the one CXF client this test opened through CxfLicenseServiceClient */
    private Object conduitOfOpenedClient() {
        assertThat(created).as("CXF clients created").hasSizeGreaterThanOrEqualTo(1);
        return created.get(0).getConduit();
    }

    CxfLicenseServiceClient client(URI endpoint, RetryPolicy policy, Duration deadline) {
        ClientConfiguration configuration = new ClientConfiguration(endpoint, TlsTrust.jdkDefault(),
                Duration.ofSeconds(2), Duration.ofSeconds(5), deadline, policy, true);
        // The stub random always picks the ceiling, so delays are exact; the sleeper only records.
        return CxfLicenseServiceClient.open(configuration, new RetryExecutor(policy, deadline, sleeps::add,
                bound -> bound - 1, System::nanoTime, Clock.systemUTC()));
    }

    CxfLicenseServiceClient client(ScriptedPeer peer, RetryPolicy policy) {
        return client(peer.endpoint(), policy, Duration.ofSeconds(10));
    }

    static RetryPolicy retries(int attempts) {
        return RetryPolicy.builder().maxAttempts(attempts).baseDelay(Duration.ofMillis(100))
                .maxDelay(Duration.ofSeconds(1)).build();
    }

    @Test
    void activate_whenServiceIssuesCredentials_returnsActivatedThroughUrlConnectionConduit() throws Exception {
        try (ScriptedPeer peer = ScriptedPeer.http();
             CxfLicenseServiceClient client = client(peer, RetryPolicy.none())) {
            peer.then(Reply.xml(200, ScriptedPeer.success(USER_TOKEN, "AKIAIOSFODNN7EXAMPLE", SECRET_KEY, REQUEST_ID)));

            ActivationResult result = client.activateDesktopProduct(
                    ActivationRequest.of(KEY, TOKEN).withTokenExpiration(Duration.ofHours(1)));

            assertThat(conduitOfOpenedClient()).isExactlyInstanceOf(URLConnectionHTTPConduit.class);
            ActivationResult.Activated activated = (ActivationResult.Activated) result;
            assertThat(activated.credentials().userToken().reveal()).isEqualTo(USER_TOKEN);
            assertThat(activated.credentials().accessKeyId()).isEqualTo("AKIAIOSFODNN7EXAMPLE");
            assertThat(activated.credentials().secretAccessKey().reveal()).isEqualTo(SECRET_KEY);
            assertThat(activated.requestId().value()).isEqualTo(REQUEST_ID);
            assertThat(result.toString()).doesNotContain(USER_TOKEN, SECRET_KEY);
            assertThat(peer.requests().get(0))
                    .contains("<ActivationKey>" + KEY_TEXT + "</ActivationKey>")
                    .contains("<TokenExpiration>PT3600S</TokenExpiration>");
        }
    }

    @Test
    void interceptorChains_leaveOutAttachmentsHoldersAndServerSideSteps_keepWhatReadsAnswers() throws Exception {
        try (ScriptedPeer peer = ScriptedPeer.http();
             CxfLicenseServiceClient client = client(peer, RetryPolicy.none())) {
            peer.then(Reply.xml(200, ScriptedPeer.success(USER_TOKEN, "AKIAIOSFODNN7EXAMPLE", SECRET_KEY, REQUEST_ID)));
            assertThat(client.activateDesktopProduct(KEY, TOKEN)).isInstanceOf(ActivationResult.Activated.class);

            org.apache.cxf.endpoint.Client cxf = created.get(0);
            List<String> names = new ArrayList<>();
            for (org.apache.cxf.interceptor.InterceptorProvider provider : List.of(cxf, cxf.getEndpoint(),
                    cxf.getEndpoint().getBinding(), cxf.getEndpoint().getService())) {
                for (List<? extends org.apache.cxf.interceptor.Interceptor<?>> chain : List.of(provider.getInInterceptors(),
                        provider.getOutInterceptors(), provider.getInFaultInterceptors(), provider.getOutFaultInterceptors())) {
                    chain.forEach(interceptor -> names.add(interceptor.getClass().getSimpleName()));
                }
            }
            assertThat(names).doesNotContain("AttachmentInInterceptor", "AttachmentOutInterceptor", "SwAInInterceptor",
                    "SwAOutInterceptor", "HolderInInterceptor", "HolderOutInterceptor", "WSDLGetInterceptor",
                    "SoapActionInInterceptor", "JAXBAttachmentSchemaValidationHack")
                    .contains("Recorder", "ReadHeadersInterceptor", "DocLiteralInInterceptor", "MustUnderstand");
        }
    }

    @Test
    void activate_whenAnswerIsMultipart_throwsProtocolFailureAndHandsOutNothing() throws Exception {
        try (ScriptedPeer peer = ScriptedPeer.http();
             CxfLicenseServiceClient client = client(peer, RetryPolicy.none())) {
            String envelope = ScriptedPeer.success(USER_TOKEN, "AKIAIOSFODNN7EXAMPLE", SECRET_KEY, REQUEST_ID);
            String multipart = "--b1\r\nContent-Type: text/xml; charset=UTF-8\r\nContent-ID: <root>\r\n\r\n"
                    + envelope + "\r\n--b1--\r\n";
            peer.then(new Reply(200, "multipart/related; type=\"text/xml\"; boundary=b1; start=\"<root>\"", multipart,
                    List.of()));

            assertThatThrownBy(() -> client.activateDesktopProduct(KEY, TOKEN))
                    .isInstanceOfSatisfying(ProtocolFailureException.class, e -> assertThat(e.getMessage())
                            .doesNotContain(USER_TOKEN, SECRET_KEY));
        }
    }

    @Test
    void conduitChoice_isPerClient_andLeavesJvmDefaultsAlone() throws Exception {
        org.apache.cxf.Bus defaultBefore = org.apache.cxf.BusFactory.getDefaultBus(false);
        try (ScriptedPeer peer = ScriptedPeer.http();
             CxfLicenseServiceClient client = client(peer, RetryPolicy.none())) {
            org.apache.cxf.jaxws.JaxWsProxyFactoryBean plain = new org.apache.cxf.jaxws.JaxWsProxyFactoryBean();
            plain.setBus(SharedBus.get());
            plain.setServiceClass(io.github.devpayls.ls.contract.generated.AmazonLSPortType.class);
            plain.setAddress(peer.endpoint().toString());
            Object other = plain.create();
            try {
                assertThat(conduitOfOpenedClient()).isExactlyInstanceOf(URLConnectionHTTPConduit.class);
                // Another CXF client, even on the same bus, keeps CXF's default conduit (which in CXF 4
                // subclasses URLConnectionHTTPConduit, hence the exact-class checks).
                assertThat(org.apache.cxf.frontend.ClientProxy.getClient(other).getConduit())
                        .isExactlyInstanceOf(org.apache.cxf.transport.http.HttpClientHTTPConduit.class);
                assertThat(System.getProperty("org.apache.cxf.transport.http.forceURLConnection")).isNull();
                assertThat(org.apache.cxf.BusFactory.getDefaultBus(false)).isSameAs(defaultBefore);
            } finally {
                org.apache.cxf.frontend.ClientProxy.getClient(other).destroy();
            }
        }
    }

    @Test
    void activate_whenServiceFaultsWithClientCode_returnsRejectedWithAction() throws Exception {
        try (ScriptedPeer peer = ScriptedPeer.http();
             CxfLicenseServiceClient client = client(peer, retries(3))) {
            peer.then(Reply.xml(500, ScriptedPeer.fault("aws:Client.ExpiredActivationKey",
                    "The key " + KEY_TEXT + " has expired", REQUEST_ID)));

            ActivationResult result = client.activateDesktopProduct(KEY, TOKEN);

            ActivationResult.Rejected rejected = (ActivationResult.Rejected) result;
            assertThat(rejected.error().code()).isEqualTo(ServiceErrorCode.EXPIRED_ACTIVATION_KEY);
            assertThat(rejected.error().type()).isEqualTo(FaultType.SENDER);
            assertThat(rejected.error().requestId()).hasValueSatisfying(id -> assertThat(id.value()).isEqualTo(REQUEST_ID));
            assertThat(rejected.error().action()).contains("fresh key");
            assertThat(rejected.error().message()).doesNotContain(KEY_TEXT).contains("has expired");
            assertThat(peer.requestCount()).isEqualTo(1);
        }
    }

    @Test
    void activate_whenThrottledThenAnswered_retriesHonouringRetryAfter() throws Exception {
        try (ScriptedPeer peer = ScriptedPeer.http();
             CxfLicenseServiceClient client = client(peer, retries(4))) {
            peer.then(Reply.xml(503, ScriptedPeer.fault("aws:Server.RequestThrottled", "slow down", "r-1"),
                            "Retry-After", "2"))
                    .then(new Reply(503, "text/html", "<html><body>busy</body></html>", List.of()))
                    .then(new Reply(503, null, "", List.of()))
                    .then(Reply.xml(200, ScriptedPeer.success(USER_TOKEN, "AKIAIOSFODNN7EXAMPLE", SECRET_KEY, REQUEST_ID)));

            ActivationResult result = client.activateDesktopProduct(KEY, TOKEN);

            assertThat(result).isInstanceOf(ActivationResult.Activated.class);
            assertThat(peer.requestCount()).isEqualTo(4);
            // Retry-After 2 s beats the first ceiling (100 ms); then the ceilings 200 ms and 400 ms.
            assertThat(sleeps).containsExactly(Duration.ofSeconds(2), Duration.ofMillis(200), Duration.ofMillis(400));
        }
    }

    @Test
    void activate_whenThrottledThroughEveryAttempt_throwsServiceUnavailableWithLastAnswer() throws Exception {
        try (ScriptedPeer peer = ScriptedPeer.http();
             CxfLicenseServiceClient client = client(peer, retries(3))) {
            peer.always(body -> Reply.xml(503, ScriptedPeer.fault("aws:Server.RequestThrottled", "slow down", "r-9")));

            assertThatThrownBy(() -> client.activateDesktopProduct(KEY, TOKEN))
                    .isInstanceOfSatisfying(ServiceUnavailableException.class, e -> {
                        assertThat(e.attempts()).isEqualTo(3);
                        assertThat(e.lastHttpStatus()).isEqualTo(503);
                        assertThat(e.lastRequestId()).hasValueSatisfying(id -> assertThat(id.value()).isEqualTo("r-9"));
                        assertThat(e.lastError()).hasValueSatisfying(
                                err -> assertThat(err.code()).isEqualTo(ServiceErrorCode.REQUEST_THROTTLED));
                    });
            assertThat(peer.requestCount()).isEqualTo(3);
        }
    }

    @Test
    void activate_whenServerFaultIsRetryable_retriesItToo() throws Exception {
        try (ScriptedPeer peer = ScriptedPeer.http();
             CxfLicenseServiceClient client = client(peer, retries(2))) {
            peer.then(Reply.xml(500, ScriptedPeer.fault("aws:Server.InternalError", "oops", "r-1")))
                    .then(Reply.xml(200, ScriptedPeer.success(USER_TOKEN, "AKIAIOSFODNN7EXAMPLE", SECRET_KEY, REQUEST_ID)));

            assertThat(client.activateDesktopProduct(KEY, TOKEN)).isInstanceOf(ActivationResult.Activated.class);
            assertThat(peer.requestCount()).isEqualTo(2);
        }
    }

    @Test
    void activate_whenSuccessLacksSecretKey_throwsProtocolFailureAndHandsOutNothing() throws Exception {
        try (ScriptedPeer peer = ScriptedPeer.http();
             CxfLicenseServiceClient client = client(peer, retries(3))) {
            peer.always(body -> Reply.xml(200, ScriptedPeer.success(USER_TOKEN, "AKIAIOSFODNN7EXAMPLE", null, REQUEST_ID)));

            assertThatThrownBy(() -> client.activateDesktopProduct(KEY, TOKEN))
                    .isInstanceOfSatisfying(ProtocolFailureException.class, e -> {
                        assertThat(e.getMessage()).contains("SecretAccessKey").doesNotContain(USER_TOKEN);
                        assertThat(e.requestId()).hasValueSatisfying(id -> assertThat(id.value()).isEqualTo(REQUEST_ID));
                        assertThat(e.httpStatus()).hasValue(200);
                    });
            assertThat(peer.requestCount()).isEqualTo(1);
        }
    }

    @Test
    void activate_whenBodyIsNotXml_throwsProtocolFailureWithoutRetry() throws Exception {
        try (ScriptedPeer peer = ScriptedPeer.http();
             CxfLicenseServiceClient client = client(peer, retries(3))) {
            peer.always(body -> Reply.xml(200, "this is { not xml"));

            assertThatThrownBy(() -> client.activateDesktopProduct(KEY, TOKEN))
                    .isInstanceOfSatisfying(ProtocolFailureException.class,
                            e -> assertThat(e.httpStatus()).hasValue(200));
            assertThat(peer.requestCount()).isEqualTo(1);
        }
    }

    @Test
    void activate_whenHtmlErrorPage_throwsProtocolFailureNamingStatus() throws Exception {
        try (ScriptedPeer peer = ScriptedPeer.http();
             CxfLicenseServiceClient client = client(peer, retries(3))) {
            peer.always(body -> new Reply(404, "text/html", "<html><body>" + KEY_TEXT + "</body></html>", List.of()));

            assertThatThrownBy(() -> client.activateDesktopProduct(KEY, TOKEN))
                    .isInstanceOfSatisfying(ProtocolFailureException.class, e -> {
                        assertThat(e.httpStatus()).hasValue(404);
                        assertThat(e.getMessage()).contains("404").doesNotContain(KEY_TEXT);
                        for (Throwable t = e.getCause(); t != null; t = t.getCause()) {
                            assertThat(String.valueOf(t.getMessage())).doesNotContain(KEY_TEXT);
                        }
                    });
        }
    }

    @Test
    void activate_whenConnectionRefused_retriesThenThrowsConnectFailureNotReached() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        try (CxfLicenseServiceClient client = client(URI.create("http://127.0.0.1:" + port + "/"), retries(3),
                Duration.ofSeconds(10))) {
            assertThatThrownBy(() -> client.activateDesktopProduct(KEY, TOKEN))
                    .isInstanceOfSatisfying(TransportFailureException.class, e -> {
                        assertThat(e.kind()).isEqualTo(TransportFailureException.Kind.CONNECT);
                        assertThat(e.requestMayHaveReachedService()).isFalse();
                        assertThat(e.attempts()).isEqualTo(3);
                    });
            assertThat(sleeps).hasSize(2);
        }
    }

    @Test
    void activate_whenPeerNeverAnswers_throwsTimeoutAtTheDeadline() throws Exception {
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        try (ScriptedPeer peer = ScriptedPeer.http();
             CxfLicenseServiceClient client = client(peer.endpoint(), retries(3), Duration.ofSeconds(3))) {
            warmUp(peer, client);
            peer.always(body -> {
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return Reply.xml(200, "late");
            });

            assertThatThrownBy(() -> client.activateDesktopProduct(KEY, TOKEN))
                    .isInstanceOfSatisfying(TransportFailureException.class, e -> {
                        assertThat(e.kind()).isEqualTo(TransportFailureException.Kind.TIMEOUT);
                        assertThat(e.requestMayHaveReachedService()).isTrue();
                        assertThat(e.getMessage()).contains("deadline");
                        assertThat(e.attempts()).isEqualTo(1);
                    });
            assertThat(peer.requestCount()).isEqualTo(2);
        } finally {
            release.countDown();
        }
    }

    @Test
    void activate_whenPeerTricklesTheAnswer_isCutOffAtTheDeadline() throws Exception {
        // 50 ms per byte never trips the 5 s read timeout, and the whole body would take ~30 s.
        try (ScriptedPeer peer = ScriptedPeer.http();
             CxfLicenseServiceClient client = client(peer.endpoint(), retries(3), Duration.ofSeconds(3))) {
            warmUp(peer, client);
            peer.always(body -> new Reply(200, "text/xml", ScriptedPeer.success(USER_TOKEN, "AKIAIOSFODNN7EXAMPLE",
                    SECRET_KEY, REQUEST_ID), List.of(), Duration.ofMillis(50)));

            assertThatThrownBy(() -> client.activateDesktopProduct(KEY, TOKEN))
                    .isInstanceOfSatisfying(TransportFailureException.class, e -> {
                        assertThat(e.kind()).isEqualTo(TransportFailureException.Kind.TIMEOUT);
                        assertThat(e.getMessage()).contains("deadline");
                        assertThat(e.requestMayHaveReachedService()).isTrue();
                    });
            // TIMEOUT naming the deadline (not the 5 s read timeout, which 50 ms a byte never trips) shows
            // the watchdog cut the call; no stopwatch needed on a loaded machine.
            assertThat(peer.requestCount()).isEqualTo(2);
        }
    }

    /** One successful call first, so a deadline test measures the slow peer, not this JVM's warm-up. */
    private static void warmUp(ScriptedPeer peer, CxfLicenseServiceClient client) {
        peer.then(Reply.xml(200, ScriptedPeer.success(USER_TOKEN, "AKIAIOSFODNN7EXAMPLE", SECRET_KEY, REQUEST_ID)));
        assertThat(client.activateDesktopProduct(KEY, TOKEN)).isInstanceOf(ActivationResult.Activated.class);
    }

    @Test
    void activate_fromSixteenThreadsOnOneClient_eachGetsItsOwnAnswer() throws Exception {
        java.util.regex.Pattern keyPattern = java.util.regex.Pattern.compile("<ActivationKey>([^<]+)</ActivationKey>");
        try (ScriptedPeer peer = ScriptedPeer.http();
             CxfLicenseServiceClient client = client(peer, retries(3))) {
            // Keys ending in an odd digit are refused; the others get credentials derived from the key,
            // so a mixed-up answer (or a fault state leaking between threads) shows.
            peer.always(body -> {
                java.util.regex.Matcher m = keyPattern.matcher(body);
                String key = m.find() ? m.group(1) : "none";
                int last = key.charAt(key.length() - 1) - '0';
                return last % 2 == 1
                        ? Reply.xml(500, ScriptedPeer.fault("aws:Client.InvalidActivationKey", "bad", "rid-" + key))
                        : Reply.xml(200, ScriptedPeer.success("{UserToken}" + key, "AK" + key, "SECRET" + key + "S".repeat(16), "rid-" + key));
            });
            int threads = 16;
            int callsPerThread = 20;
            java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(threads);
            java.util.concurrent.CyclicBarrier start = new java.util.concurrent.CyclicBarrier(threads);
            List<java.util.concurrent.Future<Integer>> results = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                results.add(pool.submit(() -> {
                    start.await();
                    int checked = 0;
                    for (int i = 0; i < callsPerThread; i++) {
                        String key = String.format("THREAD%02dCALL%02dKEY%d", thread, i, (thread + i) % 10);
                        ActivationResult result = client.activateDesktopProduct(ActivationKey.of(key), TOKEN);
                        if ((thread + i) % 2 == 1) {
                            ActivationResult.Rejected rejected = (ActivationResult.Rejected) result;
                            assertThat(rejected.error().requestId()).hasValueSatisfying(
                                    id -> assertThat(id.value()).isEqualTo("rid-" + key));
                        } else {
                            ActivationResult.Activated activated = (ActivationResult.Activated) result;
                            assertThat(activated.credentials().userToken().reveal()).isEqualTo("{UserToken}" + key);
                            assertThat(activated.credentials().accessKeyId()).isEqualTo("AK" + key);
                            assertThat(activated.credentials().secretAccessKey().reveal()).isEqualTo("SECRET" + key + "S".repeat(16));
                            assertThat(activated.requestId().value()).isEqualTo("rid-" + key);
                        }
                        checked++;
                    }
                    return checked;
                }));
            }
            int total = 0;
            for (java.util.concurrent.Future<Integer> result : results) {
                total += result.get(60, java.util.concurrent.TimeUnit.SECONDS);
            }
            pool.shutdown();
            assertThat(total).isEqualTo(threads * callsPerThread);
            assertThat(peer.requestCount()).isEqualTo(threads * callsPerThread);
        }
    }
}
