package io.github.devpayls.ls.simulator;

import io.github.devpayls.ls.simulator.junit.ManualClock;
import io.github.devpayls.ls.contract.ErrorCode;

import org.junit.jupiter.api.Test;

import javax.xml.datatype.DatatypeFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The model's rules without SOAP or sockets. */
class LicenseServiceModelTest {

    private static final Instant START = Instant.parse("2026-05-01T12:00:00Z");

    private final ManualClock clock = ManualClock.startingAt(START);
    private final LicenseServiceModel model = new LicenseServiceModel(1L, clock, Duration.ZERO);
    private final FixtureProduct product = model.fixtures().products().get(0);

    private static javax.xml.datatype.Duration xmlDuration(String lexical) throws Exception {
        return DatatypeFactory.newInstance().newDuration(lexical);
    }

    private static void assertError(Runnable call, ErrorCode code) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(ServiceRefusal.class,
                error -> assertThat(error.code()).isEqualTo(code));
    }

    @Test
    void activate_checksMissingParametersBeforeAnythingElse() throws Exception {
        javax.xml.datatype.Duration negative = xmlDuration("-PT1S");

        assertError(() -> model.activateDesktopProduct("r", " ", "{ProductToken}AAAA", negative),
                ErrorCode.MISSING_PARAMETER);
        assertError(() -> model.activateDesktopProduct("r", "KEY", "{ProductToken}AAAA", negative),
                ErrorCode.INVALID_PARAMETER_VALUE);
        assertError(() -> model.activateDesktopProduct("r", "KEY", "{ProductToken}AAAA", null),
                ErrorCode.INVALID_PRODUCT_TOKEN);
    }

    @Test
    void activate_withExpiredKeyOfAnotherProduct_reportsExpiryFirst() {
        FixtureProduct other = model.fixtures().products().get(1);

        assertError(() -> model.activateDesktopProduct("r", other.expiredActivationKey(), product.productToken(), null),
                ErrorCode.EXPIRED_ACTIVATION_KEY);
    }

    @Test
    void activate_keyExpiresExactlyOneHourAfterCreation() {
        clock.advance(Duration.ofHours(1).minusNanos(1));
        assertThat(model.activateDesktopProduct("r1", product.activationKey(), product.productToken(), null))
                .isNotNull();

        clock.advance(Duration.ofNanos(1));
        assertError(() -> model.activateDesktopProduct("r2", product.activationKey(), product.productToken(), null),
                ErrorCode.EXPIRED_ACTIVATION_KEY);
    }

    @Test
    void activate_remembersEverySetUnderItsRequestId() {
        IssuedCredentials one = model.activateDesktopProduct("r1", product.activationKey(), product.productToken(), null);
        IssuedCredentials two = model.activateDesktopProduct("r2", product.activationKey(), product.productToken(), null);

        assertThat(model.issuedFor("r1")).contains(one);
        assertThat(model.issuedFor("r2")).contains(two);
        assertThat(two.customerId()).isEqualTo(one.customerId());
        assertThat(two.userToken()).isNotEqualTo(one.userToken());
    }

    @Test
    void refresh_keepsTheTokenLifetime_countedFromTheRefresh() throws Exception {
        IssuedCredentials issued = model.activateDesktopProduct("r", product.activationKey(), product.productToken(),
                xmlDuration("PT600S"));
        clock.advance(Duration.ofSeconds(500));

        String refreshed = model.refreshUserToken(issued.userToken(), List.of());
        clock.advance(Duration.ofSeconds(200));

        assertError(() -> model.refreshUserToken(issued.userToken(), List.of()), ErrorCode.INVALID_PARAMETER_VALUE);
        assertThat(model.verifyProductSubscriptionByTokens(refreshed, product.productToken())).isTrue();
        clock.advance(Duration.ofSeconds(400));
        assertError(() -> model.verifyProductSubscriptionByTokens(refreshed, product.productToken()),
                ErrorCode.INVALID_PARAMETER_VALUE);
    }

    @Test
    void subscription_becomesActiveAfterTheVettingDelay() {
        LicenseServiceModel vetting = new LicenseServiceModel(1L, clock, Duration.ofDays(2));
        FixtureProduct vetted = vetting.fixtures().products().get(0);
        String pid = vetting.activateHostedProduct(vetted.activationKey(), vetted.productToken(), null)
                .persistentIdentifier();

        assertThat(vetting.activeSubscriptions(pid)).isEmpty();
        clock.advance(Duration.ofDays(2));
        assertThat(vetting.activeSubscriptions(pid)).containsExactly(vetted.productCode());
    }

    @Test
    void tokenExpiration_inMonths_countsFromNow() throws Exception {
        IssuedCredentials issued = model.activateDesktopProduct("r", product.activationKey(), product.productToken(),
                xmlDuration("P1M"));

        assertThat(issued.userTokenExpiresAt()).contains(Instant.parse("2026-06-01T12:00:00Z"));
    }
    @Test
    void subscription_isPendingDuringVetting_thenActive_declinedNever_cancelledAfterwards() {
        LicenseServiceModel vetting = new LicenseServiceModel(1L, clock, Duration.ofMinutes(15));
        FixtureProduct vetted = vetting.fixtures().products().get(0);
        IssuedCredentials set = vetting.activateDesktopProduct("r", vetted.activationKey(), vetted.productToken(), null);
        String customer = set.customerId();

        assertThat(vetting.subscriptionState(customer, vetted.productCode())).isEqualTo(SubscriptionState.PENDING);
        assertThat(vetting.verifyByKeyPair(set.accessKeyId(), set.userToken(), vetted.productToken())).isFalse();
        clock.advance(Duration.ofMinutes(15));
        assertThat(vetting.verifyByKeyPair(set.accessKeyId(), set.userToken(), vetted.productToken())).isTrue();
        vetting.cancel(customer, vetted.productCode());
        assertThat(vetting.subscriptionState(customer, vetted.productCode())).isEqualTo(SubscriptionState.CANCELLED);
        assertThat(vetting.verifyByKeyPair(set.accessKeyId(), set.userToken(), vetted.productToken())).isFalse();
        assertThatThrownBy(() -> vetting.activateNow(customer, vetted.productCode()))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void decline_beforeActivation_keepsTheSubscriptionDeclined() {
        model.decline(model.fixtures().activationCustomerId());
        IssuedCredentials set = model.activateDesktopProduct("r", product.activationKey(), product.productToken(), null);

        assertThat(model.subscriptionState(set.customerId(), product.productCode())).isEqualTo(SubscriptionState.DECLINED);
        assertThat(model.verifyByKeyPair(set.accessKeyId(), set.userToken(), product.productToken())).isFalse();
    }

    @Test
    void refresh_replacedTokenWorksForTheGracePeriodOnly_theNewOneKeepsWorking() {
        LicenseServiceModel graced = new LicenseServiceModel(1L, clock, Duration.ZERO, Duration.ofMinutes(5));
        FixtureCustomer customer = graced.fixtures().subscribedCustomer();
        String productToken = graced.fixtures().products().get(0).productToken();

        String second = graced.refreshByKeyPair(customer.accessKeyId(), customer.userToken(), List.of(productToken));
        String third = graced.refreshByKeyPair(customer.accessKeyId(), second, List.of(productToken));
        clock.advance(Duration.ofMinutes(5).minusNanos(1));
        assertThat(graced.verifyByKeyPair(customer.accessKeyId(), customer.userToken(), productToken)).isTrue();
        assertThat(graced.verifyByKeyPair(customer.accessKeyId(), second, productToken)).isTrue();
        clock.advance(Duration.ofNanos(1));

        assertError(() -> graced.verifyByKeyPair(customer.accessKeyId(), customer.userToken(), productToken),
                ErrorCode.INVALID_USER_TOKEN);
        assertError(() -> graced.verifyByKeyPair(customer.accessKeyId(), second, productToken),
                ErrorCode.INVALID_USER_TOKEN);
        assertThat(graced.verifyByKeyPair(customer.accessKeyId(), third, productToken)).isTrue();
    }

    @Test
    void fixtures_withTheSameSeed_holdTheSameCustomerKeyPairs() {
        SimulatorFixtures again = new LicenseServiceModel(1L, ManualClock.startingAt(START.plusSeconds(99)), Duration.ZERO)
                .fixtures();

        assertThat(again.subscribedCustomer()).isEqualTo(model.fixtures().subscribedCustomer());
        assertThat(again.pendingCustomer()).isEqualTo(model.fixtures().pendingCustomer());
        assertThat(again.subscribedCustomer().accessKeyId()).isNotEqualTo(again.pendingCustomer().accessKeyId());
        assertThat(again.subscribedCustomer().toString()).doesNotContain(again.subscribedCustomer().secretAccessKey())
                .doesNotContain(again.subscribedCustomer().userToken());
    }
}
