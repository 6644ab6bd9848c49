package io.github.devpayls.ls.store;

import io.github.devpayls.ls.simulator.junit.ManualClock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.devpayls.ls.ActivationResult;
import io.github.devpayls.ls.LicenseServiceClient;
import io.github.devpayls.ls.RetryPolicy;
import io.github.devpayls.ls.ServiceErrorCode;
import io.github.devpayls.ls.ServiceUnavailableException;
import io.github.devpayls.ls.SimulatorBackedClients;
import io.github.devpayls.ls.SubscriptionResult;
import io.github.devpayls.ls.simulator.FixtureProduct;
import io.github.devpayls.ls.simulator.InjectedFault;
import io.github.devpayls.ls.simulator.LicenseServiceSimulator;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The subscription gate of the lifecycle against the simulator over HTTPS and a file store: the
 * simulator, the client, the store and the lifecycle share one clock, and the lifecycle's waits move
 * it instead of sleeping, so a ten-minute vetting takes no real time.
 */
class SubscriptionLifecycleIT {

    static final Duration VETTING = Duration.ofMinutes(10);
    static final SubscriptionPolling POLLING = SubscriptionPolling.defaults();

    @TempDir
    Path directory;

    private final ManualClock clock = ManualClock.startingAt(Instant.parse("2026-12-02T10:00:00Z"));
    private final List<Duration> waits = new CopyOnWriteArrayList<>();
    private final LicenseServiceSimulator sim = LicenseServiceSimulator.builder().clock(clock).vettingDelay(VETTING).start();
    private final FixtureProduct product = sim.fixtures().products().get(0);
    // One attempt per check: the lifecycle's own pacing is what these tests observe.
    private final LicenseServiceClient client = SimulatorBackedClients.trusting(sim).clock(clock)
            .retryPolicy(RetryPolicy.builder().maxAttempts(1).build()).build();

    @AfterEach
    void close() {
        client.close();
        sim.close();
    }

    private CredentialStore store() {
        return CredentialStore.inFiles().directory(directory).clock(clock).build();
    }

    private DesktopActivation lifecycle() {
        return DesktopActivation.builder().client(client).store(store()).productKey(ProductKey.of(product.productCode()))
                .productToken(SimulatorBackedClients.token(product)).clock(clock)
                .sleeper(delay -> {
                    waits.add(delay);
                    clock.advance(delay);
                }).build();
    }

    private String activate(DesktopActivation activation) {
        ActivationResult result = activation.activate(SimulatorBackedClients.freshKey(sim, product));
        assertThat(result).isInstanceOf(ActivationResult.Activated.class);
        return sim.issuedFor(((ActivationResult.Activated) result).requestId().value()).orElseThrow().customerId();
    }

    private static StoredCredentials stored(CredentialLookup lookup) {
        assertThat(lookup).isInstanceOf(StoredCredentials.class);
        return (StoredCredentials) lookup;
    }

    @Test
    void current_afterActivation_isPendingUntilAVerificationSaidSubscribed() {
        DesktopActivation activation = lifecycle();
        activate(activation);
        assertThat(stored(activation.current()).subscription()).isEqualTo(SubscriptionStatus.UNVERIFIED);

        SubscriptionCheck first = activation.verify();
        Instant firstAt = clock.instant();
        assertThat(first.isReadyForS3()).isFalse();
        assertThat(stored(activation.current()).subscription()).isEqualTo(SubscriptionStatus.NOT_SUBSCRIBED);
        assertThat(stored(activation.current()).entry().verification()).contains(new Verification(false, firstAt));

        clock.advance(VETTING);
        SubscriptionCheck second = activation.verify();

        assertThat(second.isReadyForS3()).isTrue();
        StoredCredentials now = stored(lifecycle().current());
        assertThat(now.isReadyForS3()).isTrue();
        assertThat(now.entry().verification()).contains(new Verification(true, clock.instant()));
    }

    @Test
    void awaitSubscription_pollsEveryIntervalUntilVettingEnds() throws InterruptedException {
        DesktopActivation activation = lifecycle();
        activate(activation);
        Instant start = clock.instant();

        SubscriptionCheck check = activation.awaitSubscription(SubscriptionPolling.DEFAULT_WAIT);

        assertThat(check.isReadyForS3()).isTrue();
        assertThat(waits).hasSize((int) (VETTING.toSeconds() / POLLING.interval().toSeconds()))
                .allMatch(POLLING.interval()::equals);
        assertThat(Duration.between(start, clock.instant())).isEqualTo(VETTING);
    }

    @Test
    void awaitSubscription_whenDeclined_endsNotSubscribedExactlyAtTheTimeout() throws InterruptedException {
        DesktopActivation activation = lifecycle();
        sim.subscriptions().decline(activate(activation));
        Duration timeout = Duration.ofSeconds(100);

        SubscriptionCheck check = activation.awaitSubscription(timeout);

        assertThat(check).isInstanceOfSatisfying(SubscriptionCheck.Verified.class,
                v -> assertThat(v.answer()).isInstanceOf(SubscriptionResult.NotSubscribed.class));
        assertThat(waits).containsExactly(Duration.ofSeconds(30), Duration.ofSeconds(30), Duration.ofSeconds(30),
                Duration.ofSeconds(10));
        assertThat(stored(activation.current()).subscription()).isEqualTo(SubscriptionStatus.NOT_SUBSCRIBED);
    }

    @Test
    void awaitSubscription_whenThrottled_backsOffInsteadOfPollingAtTheInterval() throws InterruptedException {
        DesktopActivation activation = lifecycle();
        sim.subscriptions().activateNow(activate(activation), product.productCode());
        sim.faults().injectNext(3, InjectedFault.throttle());
        int before = sim.requestCount();

        SubscriptionCheck check = activation.awaitSubscription(SubscriptionPolling.DEFAULT_WAIT);

        assertThat(check.isReadyForS3()).isTrue();
        assertThat(waits).containsExactly(Duration.ofSeconds(60), Duration.ofSeconds(120), Duration.ofSeconds(240));
        assertThat(sim.requestCount() - before).isEqualTo(4);
    }

    @Test
    void awaitSubscription_whenStillThrottledAtTheTimeout_throwsTheLastFailure() {
        DesktopActivation activation = lifecycle();
        activate(activation);
        sim.faults().injectNext(100, InjectedFault.throttle());

        assertThatThrownBy(() -> activation.awaitSubscription(Duration.ofMinutes(2)))
                .isInstanceOf(ServiceUnavailableException.class);
        assertThat(waits).containsExactly(Duration.ofSeconds(60), Duration.ofSeconds(60));
    }

    @Test
    void awaitSubscription_whenInterrupted_stopsWithInterruptedException() throws Exception {
        CountDownLatch waiting = new CountDownLatch(1);
        AtomicReference<Thread> poller = new AtomicReference<>();
        DesktopActivation activation = DesktopActivation.builder().client(client).store(store())
                .productKey(ProductKey.of(product.productCode())).productToken(SimulatorBackedClients.token(product))
                .clock(clock).sleeper(delay -> {
                    waiting.countDown();
                    Thread.sleep(Duration.ofHours(1).toMillis());
                }).build();
        activate(activation);

        CompletableFuture<SubscriptionCheck> run = CompletableFuture.supplyAsync(() -> {
            poller.set(Thread.currentThread());
            try {
                return activation.awaitSubscription(SubscriptionPolling.DEFAULT_WAIT);
            } catch (InterruptedException e) {
                throw new IllegalStateException("interrupted", e);
            }
        });
        waiting.await();
        poller.get().interrupt();

        assertThatThrownBy(run::get).isInstanceOf(ExecutionException.class)
                .hasRootCauseInstanceOf(InterruptedException.class);
    }

    @Test
    void ensureSubscribed_trustsARecentSubscribedWithoutACall_andAsksAgainAfterTheWindow() {
        DesktopActivation activation = lifecycle();
        sim.subscriptions().activateNow(activate(activation), product.productCode());
        assertThat(activation.verify().isReadyForS3()).isTrue();
        Duration window = Duration.ofHours(24);
        int before = sim.requestCount();

        clock.advance(Duration.ofHours(23));
        SubscriptionCheck cached = activation.ensureSubscribed(window);
        int afterCached = sim.requestCount();
        clock.advance(Duration.ofHours(1));
        SubscriptionCheck asked = activation.ensureSubscribed(window);

        assertThat(cached).isInstanceOf(SubscriptionCheck.Cached.class);
        assertThat(afterCached).isEqualTo(before);
        assertThat(asked).isInstanceOf(SubscriptionCheck.Verified.class);
        assertThat(asked.isReadyForS3()).isTrue();
        assertThat(sim.requestCount()).isEqualTo(before + 1);
    }

    @Test
    void ensureSubscribed_whenTheLastAnswerWasNotSubscribed_asksEveryTime() {
        DesktopActivation activation = lifecycle();
        activate(activation);
        activation.verify();
        int before = sim.requestCount();

        SubscriptionCheck check = activation.ensureSubscribed(Duration.ofDays(1));

        assertThat(check).isInstanceOf(SubscriptionCheck.Verified.class);
        assertThat(check.isReadyForS3()).isFalse();
        assertThat(sim.requestCount()).isEqualTo(before + 1);
    }

    @Test
    void refresh_replacesTheTokenKeepingTheKeyPairAndTheVerification() {
        DesktopActivation activation = lifecycle();
        sim.subscriptions().activateNow(activate(activation), product.productCode());
        activation.verify();
        StoredCredentials before = stored(activation.current());

        TokenRefresh refresh = activation.refresh();

        assertThat(refresh).isInstanceOf(TokenRefresh.Refreshed.class);
        StoredCredentials after = stored(lifecycle().current());
        assertThat(after.credentials().userToken()).isNotEqualTo(before.credentials().userToken());
        assertThat(after.credentials().accessKeyId()).isEqualTo(before.credentials().accessKeyId());
        assertThat(after.credentials().secretAccessKey()).isEqualTo(before.credentials().secretAccessKey());
        assertThat(after.entry().activatedAt()).isEqualTo(before.entry().activatedAt());
        assertThat(after.entry().verification()).isEqualTo(before.entry().verification());
        assertThat(activation.verify().isReadyForS3()).isTrue();
    }

    @Test
    void verify_whenTheStoredTokenIsRejected_leavesTheStoreUnchanged() {
        DesktopActivation activation = lifecycle();
        activate(activation);
        StoredCredentials current = stored(activation.current());
        // The token is refreshed elsewhere (another copy of the product); this one stops after the grace period.
        assertThat(activation.refresh()).isInstanceOf(TokenRefresh.Refreshed.class);
        store().replace(current.entry().productKey(), current.entry());
        clock.advance(Duration.ofHours(1));

        SubscriptionCheck check = activation.verify();

        assertThat(check).isInstanceOfSatisfying(SubscriptionCheck.Verified.class, v -> assertThat(v.answer())
                .isInstanceOfSatisfying(SubscriptionResult.Rejected.class,
                        r -> assertThat(r.error().code()).isEqualTo(ServiceErrorCode.INVALID_USER_TOKEN)));
        assertThat(stored(activation.current()).entry()).isEqualTo(current.entry());
    }

    @Test
    void verifyAndRefresh_withNothingStored_sendNothing() {
        DesktopActivation activation = lifecycle();
        int before = sim.requestCount();

        assertThat(activation.verify()).isInstanceOf(SubscriptionCheck.NotActivated.class);
        assertThat(activation.ensureSubscribed(Duration.ZERO)).isInstanceOf(SubscriptionCheck.NotActivated.class);
        assertThat(activation.refresh()).isInstanceOf(TokenRefresh.NotActivated.class);
        assertThat(sim.requestCount()).isEqualTo(before);
    }
}
