package io.github.devpayls.ls.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.devpayls.ls.ActivationKey;
import io.github.devpayls.ls.ActivationResult;
import io.github.devpayls.ls.LicenseServiceClient;
import io.github.devpayls.ls.ProductToken;
import io.github.devpayls.ls.RetryPolicy;
import io.github.devpayls.ls.SimulatorBackedClients;
import io.github.devpayls.ls.simulator.FixtureProduct;
import io.github.devpayls.ls.simulator.InjectedFault;
import io.github.devpayls.ls.simulator.IssuedCredentials;
import io.github.devpayls.ls.simulator.LicenseServiceSimulator;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A load test, not a benchmark: 10,000 activations from 16 threads through one shared client
 * against one simulator that throttles 10% of requests. Every call must end with its own
 * credentials (checked against what the simulator issued for that response's request id), none
 * lost, none duplicated, and the threads the run started must be gone afterwards. Prints the
 * throughput it saw; asserts none.
 */
@Tag("slow") // thousands of calls from many threads; run all but these with -DexcludedGroups=slow
class ConcurrentLoadIT {

    private static final int THREADS = 16;
    private static final int CALLS = 10_000;
    private static final double THROTTLED_FRACTION = 0.10;
    // 503s are retried after at most 2 ms; eight attempts make exhausting them (0.1^8 per call) negligible.
    private static final RetryPolicy TINY_WAITS = RetryPolicy.builder().maxAttempts(8)
            .baseDelay(Duration.ofMillis(1)).maxDelay(Duration.ofMillis(2)).build();

    /**
     * Threads that may outlive the run: shared, bounded daemons that the JDK or the library start
     * once per JVM, not per client or per call. The JDK's keep-alive timer and socket cleaner (one
     * each, ending by themselves once idle connections expire); the library's one deadline watchdog.
     */
    private static final Set<String> SHARED_DAEMONS = Set.of("Keep-Alive-Timer", "Keep-Alive-SocketCleaner",
            "devpay-ls-deadline-watchdog");
    /** Started by the JVM itself when a tool (jstack, a profiler) attaches; nothing to do with the client. */
    private static final Set<String> JVM_SERVICE_THREADS = Set.of("Attach Listener");

    @Test
    void tenThousandActivationsFromSixteenThreads_withTenPercentThrottled_eachGetsItsOwnCredentials()
            throws Exception {
        Set<Thread> before = Set.copyOf(Thread.getAllStackTraces().keySet());
        Set<String> requestIds = ConcurrentHashMap.newKeySet();
        Set<String> userTokens = ConcurrentHashMap.newKeySet();
        AtomicInteger activated = new AtomicInteger();
        long elapsedNanos;
        int requestsSeen;

        try (LicenseServiceSimulator sim = LicenseServiceSimulator.builder().start();
             LicenseServiceClient client = SimulatorBackedClients.trusting(sim).retryPolicy(TINY_WAITS)
                     .callDeadline(Duration.ofSeconds(30)).build()) {
            FixtureProduct product = sim.fixtures().products().get(0);
            // A key may be used any number of times within its hour; each use issues a fresh set.
            ActivationKey key = ActivationKey.of(product.activationKey());
            ProductToken token = ProductToken.of(product.productToken());
            client.activateDesktopProduct(key, token);
            sim.faults().injectFraction(THROTTLED_FRACTION, InjectedFault.throttle());
            int requestsBefore = sim.requestCount();

            ExecutorService pool = Executors.newFixedThreadPool(THREADS);
            CountDownLatch start = new CountDownLatch(1);
            AtomicInteger nextCall = new AtomicInteger();
            List<Future<?>> workers = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                workers.add(pool.submit(() -> {
                    start.await();
                    while (nextCall.getAndIncrement() < CALLS) {
                        ActivationResult result = client.activateDesktopProduct(key, token);
                        ActivationResult.Activated ok = (ActivationResult.Activated) result;
                        IssuedCredentials issued = sim.issuedFor(ok.requestId().value()).orElseThrow(
                                () -> new AssertionError("no set issued under " + ok.requestId()));
                        if (!issued.userToken().equals(ok.credentials().userToken().reveal())
                                || !issued.accessKeyId().equals(ok.credentials().accessKeyId())
                                || !issued.secretAccessKey().equals(ok.credentials().secretAccessKey().reveal())) {
                            throw new AssertionError("credentials of another call under " + ok.requestId());
                        }
                        requestIds.add(ok.requestId().value());
                        userTokens.add(issued.userToken());
                        activated.incrementAndGet();
                    }
                    return null;
                }));
            }
            long startNanos = System.nanoTime();
            start.countDown();
            for (Future<?> worker : workers) {
                worker.get(120, TimeUnit.SECONDS);
            }
            elapsedNanos = System.nanoTime() - startNanos;
            pool.shutdown();
            assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
            requestsSeen = sim.requestCount() - requestsBefore;
        }

        double seconds = elapsedNanos / 1e9;
        System.out.printf("load: %d activations, %d requests (%d throttled and retried), %d threads, %.1f s,"
                        + " %.0f activations/s%n", CALLS, requestsSeen, requestsSeen - CALLS, THREADS, seconds,
                CALLS / seconds);

        assertThat(activated.get()).as("calls that ended activated").isEqualTo(CALLS);
        assertThat(requestIds).as("distinct request ids").hasSize(CALLS);
        assertThat(userTokens).as("distinct user tokens").hasSize(CALLS);
        // About one request in ten was throttled and retried (10,000 / 0.9 ≈ 11,111 sent).
        assertThat(requestsSeen - CALLS).isBetween(CALLS / 20, CALLS / 5);
        assertNoThreadLeft(before);
    }

    private static void assertNoThreadLeft(Set<Thread> before) throws InterruptedException {
        List<Thread> leftover = new ArrayList<>();
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        do {
            leftover.clear();
            for (Thread thread : Thread.getAllStackTraces().keySet()) {
                if (!before.contains(thread) && thread.isAlive() && !SHARED_DAEMONS.contains(thread.getName())
                        && !JVM_SERVICE_THREADS.contains(thread.getName())) {
                    leftover.add(thread);
                }
            }
            if (leftover.isEmpty()) {
                break;
            }
            Thread.sleep(50);
        } while (System.nanoTime() < until);
        assertThat(leftover).as("threads started by the run and still alive").isEmpty();
        Set<String> shared = new HashSet<>();
        for (Thread thread : Thread.getAllStackTraces().keySet()) {
            if (!before.contains(thread) && SHARED_DAEMONS.contains(thread.getName())) {
                assertThat(thread.isDaemon()).as(thread.getName()).isTrue();
                shared.add(thread.getName() + "#" + thread.getId());
            }
        }
        assertThat(shared).as("shared daemons, one of each at most").hasSizeLessThanOrEqualTo(SHARED_DAEMONS.size());
    }
}
