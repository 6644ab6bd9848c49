package io.github.devpayls.ls.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.devpayls.ls.ActivationKey;
import io.github.devpayls.ls.DesktopCredentials;
import io.github.devpayls.ls.LicenseServiceClient;
import io.github.devpayls.ls.ProductToken;
import io.github.devpayls.ls.RetryPolicy;
import io.github.devpayls.ls.ScriptedPeer;
import io.github.devpayls.ls.ScriptedPeer.Reply;
import io.github.devpayls.ls.Secret;
import io.github.devpayls.ls.TransportFailureException;
import io.github.devpayls.ls.TransportFailureException.Kind;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * Calls stopped from outside while they wait for a hung peer: the client closed, the calling
 * thread interrupted, the call's future cancelled. Each ends at once (the peer never answers and
 * the request timeout is minutes away, so only the abort can end it within the liveness wait) in
 * a {@link TransportFailureException} of its own kind, is not retried, and lets go of the connection.
 */
class AbandonedCallsIT {

    /** Far beyond the liveness wait: a call still waiting for it was not stopped. */
    private static final Duration HUNG = Duration.ofMinutes(5);
    private static final long LIVENESS_MS = ScriptedPeer.HANDLER_WAIT.toMillis();
    private static TestCertificates ca;

    private static final DesktopCredentials CREDENTIALS = new DesktopCredentials(
            Secret.of("{UserToken}" + "dXNlcnRva2Vu".repeat(8)), "TEST" + "A".repeat(16), Secret.of("TEST" + "B".repeat(36)));

    private static final Consumer<LicenseServiceClient> ACTIVATE = client -> client.activateDesktopProduct(
            ActivationKey.of("TRANSPORTKEYQ7DVLJTWHJ76MMBM"), token());
    private static final Consumer<LicenseServiceClient> VERIFY = client -> client.verifySubscription(CREDENTIALS, token());

    @Test
    void activation_closeDuringTheCall_endsItAsClosedThatMayHaveReachedTheService() throws Exception {
        assertCloseEndsTheCall(ACTIVATE);
    }

    @Test
    void verifySubscription_closeDuringTheCall_endsItAsClosedThatMayHaveReachedTheService() throws Exception {
        assertCloseEndsTheCall(VERIFY);
    }

    @Test
    void activation_interruptWhileWaitingForAHungPeer_endsItAsInterrupted_andKeepsTheFlag() throws Exception {
        assertInterruptEndsTheCall(ACTIVATE);
    }

    @Test
    void verifySubscription_interruptWhileWaitingForAHungPeer_endsItAsInterrupted_andKeepsTheFlag() throws Exception {
        assertInterruptEndsTheCall(VERIFY);
    }

    // Over TLS the connection is a channel (KeptAliveTlsSocket): an interrupt closes it at once,
    // and the outcome must still say INTERRUPTED, keep the flag and count one attempt.
    @Test
    void activation_overTls_interruptWhileWaitingForAHungPeer_endsItAsInterrupted_andKeepsTheFlag() throws Exception {
        assertStoppedCallEnds(ACTIVATE, Kind.INTERRUPTED, (client, call) -> call.interrupt(), true);
    }

    @Test
    void verifySubscription_overTls_interruptWhileWaitingForAHungPeer_endsItAsInterrupted_andKeepsTheFlag()
            throws Exception {
        assertStoppedCallEnds(VERIFY, Kind.INTERRUPTED, (client, call) -> call.interrupt(), true);
    }

    @Test
    void activation_overTls_closeDuringTheCall_endsItAsClosedThatMayHaveReachedTheService() throws Exception {
        assertStoppedCallEnds(ACTIVATE, Kind.CLOSED, (client, call) -> client.close(), true);
    }

    @Test
    void activation_futureCancelWhileWaitingForAHungPeer_endsTheCall() throws Exception {
        CountDownLatch received = new CountDownLatch(1);
        AtomicInteger requests = new AtomicInteger();
        try (ScriptedPeer peer = hungPeer(received, requests, false); LicenseServiceClient client = client(peer, false)) {
            ExecutorService executor = Executors.newSingleThreadExecutor();
            AtomicReference<Throwable> thrown = new AtomicReference<>();
            Future<?> call = executor.submit(() -> {
                try {
                    ACTIVATE.accept(client);
                } catch (RuntimeException e) {
                    thrown.set(e);
                }
            });
            assertThat(received.await(LIVENESS_MS, TimeUnit.MILLISECONDS)).isTrue();
            call.cancel(true);
            executor.shutdown();
            assertThat(executor.awaitTermination(LIVENESS_MS, TimeUnit.MILLISECONDS)).isTrue();
            assertThat(thrown.get()).isInstanceOfSatisfying(TransportFailureException.class,
                    e -> assertThat(e.kind()).isEqualTo(Kind.INTERRUPTED));
            assertThat(peer.awaitHandlers()).isTrue();
            assertThat(requests.get()).isEqualTo(1);
        }
    }

    @Test
    void retryWait_isInterruptible_andKeepsTheFlag() throws Exception {
        try (ScriptedPeer peer = ScriptedPeer.http().always(body -> Reply.xml(503, "busy", "Retry-After", "120"));
             LicenseServiceClient client = LicenseServiceClient.builder().endpoint(peer.endpoint())
                     .allowInsecureLoopback(true).requestTimeout(Duration.ofSeconds(30)).callDeadline(HUNG)
                     .retryPolicy(RetryPolicy.builder().maxAttempts(3).build()).build()) {
            CallThread call = new CallThread(client, VERIFY);
            call.start();
            while (peer.requestCount() == 0 && call.isAlive()) {
                Thread.sleep(5);
            }
            call.interrupt();
            call.join(LIVENESS_MS);
            assertThat(call.isAlive()).isFalse();
            assertThat(call.thrown).isInstanceOfSatisfying(TransportFailureException.class, e -> {
                assertThat(e.kind()).isEqualTo(Kind.INTERRUPTED);
                assertThat(e.attempts()).isEqualTo(1);
            });
            assertThat(call.interruptedAfter).isTrue();
            assertThat(peer.requestCount()).isEqualTo(1);
        }
    }

    @Test
    void callOnAnInterruptedThread_sendsNothing_andIsInterrupted() throws Exception {
        try (ScriptedPeer peer = ScriptedPeer.http(); LicenseServiceClient client = client(peer, false)) {
            CallThread call = new CallThread(client, ACTIVATE);
            call.interruptFirst = true;
            call.start();
            call.join(LIVENESS_MS);
            assertThat(call.thrown).isInstanceOfSatisfying(TransportFailureException.class, e -> {
                assertThat(e.kind()).isEqualTo(Kind.INTERRUPTED);
                assertThat(e.requestMayHaveReachedService()).isFalse();
            });
            assertThat(call.interruptedAfter).isTrue();
            assertThat(peer.acceptedConnections()).isZero();
        }
    }

    private static void assertCloseEndsTheCall(Consumer<LicenseServiceClient> request) throws Exception {
        assertStoppedCallEnds(request, Kind.CLOSED, (client, call) -> client.close(), false);
    }

    private static void assertInterruptEndsTheCall(Consumer<LicenseServiceClient> request) throws Exception {
        assertStoppedCallEnds(request, Kind.INTERRUPTED, (client, call) -> call.interrupt(), false);
    }

    /** Starts the call against a hung peer, stops it once the peer has the request, checks how it ended. */
    private static void assertStoppedCallEnds(Consumer<LicenseServiceClient> request, Kind kind,
                                              BiConsumer<LicenseServiceClient, Thread> stop, boolean tls)
            throws Exception {
        CountDownLatch received = new CountDownLatch(1);
        AtomicInteger requests = new AtomicInteger();
        try (ScriptedPeer peer = hungPeer(received, requests, tls); LicenseServiceClient client = client(peer, tls)) {
            CallThread call = new CallThread(client, request);
            call.start();
            assertThat(received.await(LIVENESS_MS, TimeUnit.MILLISECONDS)).isTrue();
            stop.accept(client, call);
            call.join(LIVENESS_MS);
            assertThat(call.isAlive()).isFalse();
            assertThat(call.thrown).isInstanceOfSatisfying(TransportFailureException.class, e -> {
                assertThat(e.kind()).isEqualTo(kind);
                assertThat(e.requestMayHaveReachedService()).isTrue();
                assertThat(e.attempts()).isEqualTo(1);
            });
            // Interrupted calls keep the flag; a call ended by close() was never interrupted.
            assertThat(call.interruptedAfter).isEqualTo(kind == Kind.INTERRUPTED);
            assertThat(peer.awaitHandlers()).isTrue();
            // Exactly one request on the wire: nothing sent again behind the retry policy's back.
            assertThat(requests.get()).isEqualTo(1);
        }
    }

    /**
     * Reads the request, never answers, and ends when the client lets go of the connection; counts
     * the requests (any bytes at all) that arrive on any connection.
     */
    private static ScriptedPeer hungPeer(CountDownLatch received, AtomicInteger requests, boolean tls)
            throws Exception {
        ScriptedPeer.Script hung = (socket, in, out) -> {
            if (!ScriptedPeer.readRequest(in).isEmpty()) {
                requests.incrementAndGet();
            }
            received.countDown();
            ScriptedPeer.awaitClientClose(in);
        };
        return tls ? ScriptedPeer.tls(ca().validServerContext(), hung) : ScriptedPeer.plain(hung);
    }

    private static LicenseServiceClient client(ScriptedPeer peer, boolean tls) throws Exception {
        LicenseServiceClient.Builder builder = LicenseServiceClient.builder().endpoint(peer.endpoint())
                .requestTimeout(HUNG).callDeadline(HUNG)
                .retryPolicy(RetryPolicy.builder().maxAttempts(3).retryPossiblyProcessedRequests(true).build());
        return (tls ? builder.trustStore(ca().trustStore()) : builder.allowInsecureLoopback(true)).build();
    }

    private static synchronized TestCertificates ca() throws Exception {
        if (ca == null) {
            ca = TestCertificates.newCa("abandoned calls CA");
        }
        return ca;
    }

    private static ProductToken token() {
        return ProductToken.of("{ProductToken}" + "dHJhbnNwb3J0".repeat(6));
    }

    /** Runs one call, recording what it threw and whether the thread was still interrupted after. */
    private static final class CallThread extends Thread {
        private final LicenseServiceClient client;
        private final Consumer<LicenseServiceClient> request;
        volatile boolean interruptFirst;
        volatile Throwable thrown;
        volatile boolean interruptedAfter;

        CallThread(LicenseServiceClient client, Consumer<LicenseServiceClient> request) {
            super("abandoned-call");
            this.client = client;
            this.request = request;
            setDaemon(true);
        }

        @Override
        public void run() {
            if (interruptFirst) {
                interrupt();
            }
            try {
                request.accept(client);
            } catch (Throwable e) {
                thrown = e;
            }
            interruptedAfter = isInterrupted();
        }
    }
}
