package io.github.devpayls.ls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.devpayls.ls.simulator.FixtureProduct;
import io.github.devpayls.ls.simulator.InjectedFault;
import io.github.devpayls.ls.simulator.LicenseServiceSimulator;
import io.github.devpayls.ls.simulator.ThrottleBody;
import io.github.devpayls.ls.simulator.junit.ManualClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * VerifyProductSubscriptionByTokens and RefreshUserToken end to end: the public client over HTTPS
 * against the simulator, which checks every signature for real. Client and simulator share one
 * clock the test moves, so vetting delays and token grace periods pass without waiting.
 */
class SubscriptionGateIT {

    static final Duration VETTING = Duration.ofMinutes(10);
    static final Duration GRACE = Duration.ofMinutes(5);

    private final ManualClock clock = ManualClock.startingAt(Instant.parse("2026-12-02T10:00:00Z"));
    private final LicenseServiceSimulator sim = LicenseServiceSimulator.builder().clock(clock)
            .vettingDelay(VETTING).refreshGracePeriod(GRACE).start();
    private final FixtureProduct product = sim.fixtures().products().get(0);
    private final ProductToken productToken = SimulatorBackedClients.token(product);
    private final LicenseServiceClient client = SimulatorBackedClients.trusting(sim).clock(clock).build();

    @AfterEach
    void close() {
        client.close();
        sim.close();
    }

    private ActivationResult.Activated activate() {
        ActivationResult result = client.activateDesktopProduct(SimulatorBackedClients.freshKey(sim, product), productToken);
        assertThat(result).isInstanceOf(ActivationResult.Activated.class);
        return (ActivationResult.Activated) result;
    }

    private String customerOf(ActivationResult.Activated activated) {
        return sim.issuedFor(activated.requestId().value()).orElseThrow().customerId();
    }

    @Test
    void verify_rightAfterActivation_isNotSubscribed_andSubscribedOnceVettingPassed() {
        ActivationResult.Activated activated = activate();

        SubscriptionResult pending = client.verifySubscription(activated.credentials(), productToken);
        clock.advance(VETTING);
        SubscriptionResult later = client.verifySubscription(activated.credentials(), productToken);

        assertThat(pending).isInstanceOfSatisfying(SubscriptionResult.NotSubscribed.class,
                n -> assertThat(n.basis()).isEqualTo(SubscriptionResult.Basis.SUBSCRIBED_FALSE));
        assertThat(later).isInstanceOf(SubscriptionResult.Subscribed.class);
    }

    @Test
    void verify_whenCardDeclined_staysNotSubscribedAfterVetting() {
        ActivationResult.Activated activated = activate();
        sim.subscriptions().decline(customerOf(activated));
        clock.advance(VETTING.multipliedBy(2));

        assertThat(client.verifySubscription(activated.credentials(), productToken))
                .isInstanceOf(SubscriptionResult.NotSubscribed.class);
    }

    @Test
    void verify_whenSubscriptionCancelled_turnsNotSubscribed() {
        ActivationResult.Activated activated = activate();
        sim.subscriptions().activateNow(customerOf(activated), product.productCode());
        assertThat(client.verifySubscription(activated.credentials(), productToken).isSubscribed()).isTrue();

        sim.subscriptions().cancel(customerOf(activated), product.productCode());

        assertThat(client.verifySubscription(activated.credentials(), productToken))
                .isInstanceOf(SubscriptionResult.NotSubscribed.class);
    }

    @Test
    void refresh_returnsANewTokenForTheSameKeyPair_andTheOldOneStopsAfterTheGracePeriod() {
        ActivationResult.Activated activated = activate();
        sim.subscriptions().activateNow(customerOf(activated), product.productCode());

        RefreshResult result = client.refreshUserToken(activated.credentials(), productToken);

        assertThat(result).isInstanceOf(RefreshResult.Refreshed.class);
        DesktopCredentials renewed = ((RefreshResult.Refreshed) result).credentials();
        assertThat(renewed.userToken()).isNotEqualTo(activated.credentials().userToken());
        assertThat(renewed.accessKeyId()).isEqualTo(activated.credentials().accessKeyId());
        assertThat(renewed.secretAccessKey()).isEqualTo(activated.credentials().secretAccessKey());
        assertThat(client.verifySubscription(renewed, productToken).isSubscribed()).isTrue();

        clock.advance(GRACE.plusSeconds(1));

        assertThat(client.verifySubscription(renewed, productToken).isSubscribed()).isTrue();
        assertThat(client.verifySubscription(activated.credentials(), productToken))
                .isInstanceOfSatisfying(SubscriptionResult.Rejected.class,
                        r -> assertThat(r.error().code()).isEqualTo(ServiceErrorCode.INVALID_USER_TOKEN));
    }

    @Test
    void verify_signedWithTheWrongSecret_isRejectedSignatureDoesNotMatch() {
        DesktopCredentials good = activate().credentials();
        DesktopCredentials wrongSecret = new DesktopCredentials(good.userToken(), good.accessKeyId(),
                Secret.of("X" + good.secretAccessKey().reveal().substring(1)));

        SubscriptionResult result = client.verifySubscription(wrongSecret, productToken);

        assertThat(result).isInstanceOfSatisfying(SubscriptionResult.Rejected.class, r -> {
            assertThat(r.error().code()).isEqualTo(ServiceErrorCode.SIGNATURE_DOES_NOT_MATCH);
            assertThat(r.error().requestId()).isPresent();
        });
    }

    @Test
    void verify_withAUserTokenIssuedWithAnotherKeyPair_isRejectedInvalidUserToken() {
        DesktopCredentials first = activate().credentials();
        DesktopCredentials second = activate().credentials();
        DesktopCredentials mixed = new DesktopCredentials(second.userToken(), first.accessKeyId(),
                first.secretAccessKey());

        assertThat(client.verifySubscription(mixed, productToken))
                .isInstanceOfSatisfying(SubscriptionResult.Rejected.class,
                        r -> assertThat(r.error().code()).isEqualTo(ServiceErrorCode.INVALID_USER_TOKEN));
    }

    @Test
    void verifyAndRefresh_withTheProductTokenOfAnotherProduct_areRejectedInvalidProductToken() {
        DesktopCredentials credentials = activate().credentials();
        ProductToken otherProduct = SimulatorBackedClients.token(sim.fixtures().products().get(1));

        assertThat(client.verifySubscription(credentials, otherProduct))
                .isInstanceOfSatisfying(SubscriptionResult.Rejected.class,
                        r -> assertThat(r.error().code()).isEqualTo(ServiceErrorCode.INVALID_PRODUCT_TOKEN));
        assertThat(client.refreshUserToken(credentials, otherProduct))
                .isInstanceOfSatisfying(RefreshResult.Rejected.class,
                        r -> assertThat(r.error().code()).isEqualTo(ServiceErrorCode.INVALID_PRODUCT_TOKEN));
    }

    @Test
    void verify_withAnUnknownAccessKey_isRejectedInvalidAccessKeyId() {
        DesktopCredentials good = activate().credentials();
        DesktopCredentials unknownKey = new DesktopCredentials(good.userToken(), "AKIDUNKNOWN000000000",
                good.secretAccessKey());

        assertThat(client.verifySubscription(unknownKey, productToken))
                .isInstanceOfSatisfying(SubscriptionResult.Rejected.class,
                        r -> assertThat(r.error().code()).isEqualTo(ServiceErrorCode.INVALID_ACCESS_KEY_ID));
    }

    @Test
    void verify_fromAClientWhoseClockIsBehind_isRejectedRequestExpired() {
        DesktopCredentials credentials = activate().credentials();
        ManualClock skewed = ManualClock.startingAt(clock.instant().minus(Duration.ofMinutes(20)));
        try (LicenseServiceClient late = SimulatorBackedClients.trusting(sim).clock(skewed).build()) {

            assertThat(late.verifySubscription(credentials, productToken))
                    .isInstanceOfSatisfying(SubscriptionResult.Rejected.class,
                            r -> assertThat(r.error().code()).isEqualTo(ServiceErrorCode.REQUEST_EXPIRED));
        }
    }

    @Test
    void verify_whenThrottledTwice_isRetriedAndAnswered() {
        ActivationResult.Activated activated = activate();
        sim.subscriptions().activateNow(customerOf(activated), product.productCode());
        int before = sim.requestCount();
        sim.faults().injectNext(1, InjectedFault.throttle(ThrottleBody.HTML, null));
        sim.faults().injectNext(1, InjectedFault.throttle());

        SubscriptionResult result = client.verifySubscription(activated.credentials(), productToken);

        assertThat(result.isSubscribed()).isTrue();
        assertThat(sim.requestCount() - before).isEqualTo(3);
    }

    @Test
    void verify_whenTheServiceHangs_endsAtTheCallDeadlineWithTimeout() {
        DesktopCredentials credentials = activate().credentials();
        sim.faults().injectNext(1, InjectedFault.hang());
        try (LicenseServiceClient hurried = SimulatorBackedClients.trusting(sim).clock(clock)
                .callDeadline(Duration.ofMillis(800)).build()) {

            assertThatThrownBy(() -> hurried.verifySubscription(credentials, productToken))
                    .isInstanceOfSatisfying(TransportFailureException.class, e -> {
                        assertThat(e.kind()).isEqualTo(TransportFailureException.Kind.TIMEOUT);
                        assertThat(e.requestMayHaveReachedService()).isTrue();
                    });
        }
    }

    @Test
    void refresh_whenTheConnectionDropsAfterSending_isNotResent() {
        DesktopCredentials credentials = activate().credentials();
        int before = sim.requestCount();
        sim.faults().injectNext(1, InjectedFault.dropConnection());

        assertThatThrownBy(() -> client.refreshUserToken(credentials, productToken))
                .isInstanceOfSatisfying(TransportFailureException.class,
                        e -> assertThat(e.requestMayHaveReachedService()).isTrue());
        assertThat(sim.requestCount() - before).as("neither the JDK nor the retry policy resent it").isEqualTo(1);
    }
}
