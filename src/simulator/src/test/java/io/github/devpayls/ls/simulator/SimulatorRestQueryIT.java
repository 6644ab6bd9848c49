package io.github.devpayls.ls.simulator;

import io.github.devpayls.ls.contract.LicenseServiceFacts;
import io.github.devpayls.ls.contract.RestQuery;
import io.github.devpayls.ls.contract.generated.ActivateDesktopProduct;
import io.github.devpayls.ls.contract.generated.ActivateDesktopProductResult;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * REST-Query against the simulator over real HTTPS on an ephemeral port: the three actions, every
 * signature and parameter error, the subscription model on a movable clock, fault injection, and
 * that SOAP and {@code ?wsdl} still work beside it.
 */
class SimulatorRestQueryIT {

    private static final Duration VETTING = Duration.ofMinutes(15);
    private static final Duration GRACE = Duration.ofMinutes(10);

    private MovableClock clock;
    private LicenseServiceSimulator simulator;
    private RestQueryCalls calls;
    private FixtureProduct product;
    private FixtureProduct otherProduct;

    @BeforeEach
    void start() {
        clock = new MovableClock(Instant.parse("2026-03-01T08:00:00Z"));
        simulator = LicenseServiceSimulator.builder().clock(clock).vettingDelay(VETTING).refreshGracePeriod(GRACE)
                .start();
        calls = new RestQueryCalls(simulator);
        product = simulator.fixtures().products().get(0);
        otherProduct = simulator.fixtures().products().get(1);
    }

    @AfterEach
    void stop() {
        simulator.close();
    }

    /** Activates the first product over REST-Query (unsigned), as the product's first launch would. */
    private IssuedCredentials activate() throws Exception {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put(RestQuery.ACTION, RestQuery.ACTIVATE_DESKTOP_PRODUCT);
        parameters.put(RestQuery.ACTIVATION_KEY, product.activationKey());
        parameters.put(RestQuery.PRODUCT_TOKEN, product.productToken());
        parameters.put(RestQuery.VERSION, LicenseServiceFacts.API_VERSION);
        RestQueryCalls.Answer answer = calls.send(parameters);
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        assertThat(answer.rootName()).isEqualTo("ActivateDesktopProductResponse");
        return simulator.issuedFor(answer.text("RequestId")).orElseThrow();
    }

    private RestQueryCalls.Answer verify(IssuedCredentials set) throws Exception {
        return verify(set.accessKeyId(), set.secretAccessKey(), set.userToken());
    }

    private RestQueryCalls.Answer verify(String accessKeyId, String secret, String userToken) throws Exception {
        return calls.send(RestQueryCalls.signed(
                RestQueryCalls.verify(accessKeyId, userToken, product.productToken(), clock.instant()), secret));
    }

    private static void assertSubscribed(RestQueryCalls.Answer answer, boolean subscribed) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        assertThat(answer.rootName()).isEqualTo("VerifyProductSubscriptionByTokensResponse");
        assertThat(answer.text("Subscribed")).isEqualTo(Boolean.toString(subscribed));
        assertThat(answer.text("RequestId")).hasSize(36);
    }

    private static void assertError(RestQueryCalls.Answer answer, int status, String code) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(status);
        assertThat(answer.contentType()).startsWith("text/xml");
        assertThat(answer.errorCode()).isEqualTo(code);
        assertThat(answer.text("RequestId")).hasSize(36);
    }

    @Test
    void verify_whilePending_answersFalse_thenTrueOnceTheVettingDelayPassed() throws Exception {
        IssuedCredentials set = activate();

        assertSubscribed(verify(set), false);
        clock.advance(VETTING.minusSeconds(1));
        assertSubscribed(verify(set), false);
        clock.advance(Duration.ofSeconds(1));
        assertSubscribed(verify(set), true);
    }

    @ParameterizedTest
    @EnumSource(RestQueryCalls.Form.class)
    void verify_isAnsweredInEveryRequestForm(RestQueryCalls.Form form) throws Exception {
        FixtureCustomer customer = simulator.fixtures().subscribedCustomer();
        RestQueryCalls.Answer answer = calls.send(form, RestQueryCalls.signed(RestQueryCalls.verify(
                customer.accessKeyId(), customer.userToken(), product.productToken(), clock.instant()),
                customer.secretAccessKey()));

        assertSubscribed(answer, true);
    }

    @Test
    void verify_withCredentialsFromSoapActivation_works() throws Exception {
        ActivateDesktopProduct request = new ActivateDesktopProduct();
        request.setActivationKey(product.activationKey());
        request.setProductToken(product.productToken());
        ActivateDesktopProductResult result = SimulatorClients.proxy(simulator).activateDesktopProduct(request)
                .getActivateDesktopProductResult();
        clock.advance(VETTING);

        assertSubscribed(verify(result.getAWSAccessKeyId(), result.getSecretAccessKey(), result.getUserToken()), true);
    }

    @Test
    void verify_declinedCard_neverBecomesSubscribed() throws Exception {
        IssuedCredentials set = activate();
        simulator.subscriptions().decline(set.customerId());
        clock.advance(VETTING.multipliedBy(10));

        assertSubscribed(verify(set), false);
        assertThat(simulator.subscriptions().state(set.customerId(), product.productCode()))
                .isEqualTo(SubscriptionState.DECLINED);
    }

    @Test
    void verify_afterCancel_answersFalse() throws Exception {
        IssuedCredentials set = activate();
        clock.advance(VETTING);
        assertSubscribed(verify(set), true);

        simulator.subscriptions().cancel(set.customerId(), product.productCode());

        assertSubscribed(verify(set), false);
    }

    @Test
    void verify_fixtureCustomers_oneSubscribed_onePendingUntilActivatedNow() throws Exception {
        FixtureCustomer subscribed = simulator.fixtures().subscribedCustomer();
        FixtureCustomer pending = simulator.fixtures().pendingCustomer();
        clock.advance(VETTING.multipliedBy(100));

        assertSubscribed(verify(subscribed.accessKeyId(), subscribed.secretAccessKey(), subscribed.userToken()), true);
        assertSubscribed(verify(pending.accessKeyId(), pending.secretAccessKey(), pending.userToken()), false);
        simulator.subscriptions().activateNow(pending.customerId(), pending.productCode());
        assertSubscribed(verify(pending.accessKeyId(), pending.secretAccessKey(), pending.userToken()), true);
    }

    @Test
    void refresh_issuesANewVersion_theOldOneWorksUntilTheGracePeriodEnds() throws Exception {
        IssuedCredentials set = activate();
        clock.advance(VETTING);
        RestQueryCalls.Answer refreshed = calls.send(RestQueryCalls.signed(RestQueryCalls.refresh(
                set.accessKeyId(), set.userToken(), product.productToken(), clock.instant()), set.secretAccessKey()));
        assertThat(refreshed.status()).as(refreshed.body()).isEqualTo(200);
        assertThat(refreshed.rootName()).isEqualTo("RefreshUserTokenResponse");
        String newToken = refreshed.text("UserToken");
        assertThat(newToken).startsWith(LicenseServiceFacts.USER_TOKEN_PREFIX).isNotEqualTo(set.userToken());

        clock.advance(GRACE.minusSeconds(1));
        assertSubscribed(verify(set), true);
        clock.advance(Duration.ofSeconds(1));
        assertError(verify(set), 400, "InvalidUserToken");
        assertSubscribed(verify(set.accessKeyId(), set.secretAccessKey(), newToken), true);
    }

    @ParameterizedTest
    @EnumSource(RestQueryCalls.Form.class)
    void refresh_withoutAdditionalTokens_isMissingParameterNamingIt(RestQueryCalls.Form form) throws Exception {
        IssuedCredentials set = activate();
        Map<String, String> parameters = RestQueryCalls.refresh(set.accessKeyId(), set.userToken(),
                product.productToken(), clock.instant());
        parameters.remove(RestQuery.ADDITIONAL_TOKENS);

        RestQueryCalls.Answer answer = calls.send(form, RestQueryCalls.signed(parameters, set.secretAccessKey()));

        assertError(answer, 400, "MissingParameter");
        assertThat(answer.text("Message")).contains("AdditionalTokens");
    }

    @Test
    void refresh_withTheProductTokenOfAnotherProduct_isInvalidProductToken() throws Exception {
        IssuedCredentials set = activate();

        assertError(calls.send(RestQueryCalls.signed(RestQueryCalls.refresh(set.accessKeyId(), set.userToken(),
                otherProduct.productToken(), clock.instant()), set.secretAccessKey())), 400, "InvalidProductToken");
    }

    @Test
    void unknownAccessKey_isInvalidAccessKeyId403() throws Exception {
        IssuedCredentials set = activate();

        assertError(verify("AKNOTISSUEDBYTHESIM0", set.secretAccessKey(), set.userToken()), 403, "InvalidAccessKeyId");
    }

    @Test
    void wrongSignature_isSignatureDoesNotMatch403_andTheMessageHoldsNoSecret() throws Exception {
        IssuedCredentials set = activate();
        RestQueryCalls.Answer answer = verify(set.accessKeyId(), "wrong-secret-key-of-forty-characters-xx", set.userToken());

        assertError(answer, 403, "SignatureDoesNotMatch");
        assertThat(answer.body()).doesNotContain(set.secretAccessKey()).doesNotContain(set.userToken());
    }

    @Test
    void signatureOverOtherValues_isSignatureDoesNotMatch() throws Exception {
        IssuedCredentials set = activate();
        Map<String, String> signed = RestQueryCalls.signed(RestQueryCalls.verify(set.accessKeyId(), set.userToken(),
                product.productToken(), clock.instant()), set.secretAccessKey());
        signed.put(RestQuery.EXPIRES, RestQuery.formatTime(clock.instant().plus(Duration.ofMinutes(5))));

        assertError(calls.send(signed), 403, "SignatureDoesNotMatch");
    }

    @Test
    void expiresInThePast_isRequestExpired() throws Exception {
        IssuedCredentials set = activate();
        Map<String, String> signed = RestQueryCalls.signed(RestQueryCalls.verify(set.accessKeyId(), set.userToken(),
                product.productToken(), clock.instant()), set.secretAccessKey());
        clock.advance(RestQuery.EXPIRES_WINDOW);

        assertError(calls.send(signed), 400, "RequestExpired");
    }

    @Test
    void expiresAndTimestampTogether_isInvalidParameterCombination() throws Exception {
        IssuedCredentials set = activate();
        Map<String, String> parameters = RestQueryCalls.verify(set.accessKeyId(), set.userToken(),
                product.productToken(), clock.instant());
        parameters.put(RestQuery.TIMESTAMP, RestQuery.formatTime(clock.instant()));

        assertError(calls.send(RestQueryCalls.signed(parameters, set.secretAccessKey())), 400,
                "InvalidParameterCombination");
    }

    @Test
    void timestamp_isAcceptedWithinTheWindow_andExpiredOutsideIt() throws Exception {
        FixtureCustomer customer = simulator.fixtures().subscribedCustomer();
        Map<String, String> parameters = RestQueryCalls.verify(customer.accessKeyId(), customer.userToken(),
                product.productToken(), clock.instant());
        parameters.remove(RestQuery.EXPIRES);
        parameters.put(RestQuery.TIMESTAMP, RestQuery.formatTime(clock.instant()));
        Map<String, String> signed = RestQueryCalls.signed(parameters, customer.secretAccessKey());

        assertSubscribed(calls.send(signed), true);
        clock.advance(SimulatorFacts.TIMESTAMP_WINDOW);
        assertSubscribed(calls.send(signed), true);
        clock.advance(Duration.ofSeconds(1));
        assertError(calls.send(signed), 400, "RequestExpired");
    }

    @Test
    void missingParameters_areMissingParameterNamingEachOne() throws Exception {
        IssuedCredentials set = activate();
        for (String name : new String[] {RestQuery.AWS_ACCESS_KEY_ID, RestQuery.SIGNATURE_VERSION, RestQuery.USER_TOKEN,
                RestQuery.PRODUCT_TOKEN, RestQuery.VERSION}) {
            Map<String, String> parameters = RestQueryCalls.verify(set.accessKeyId(), set.userToken(),
                    product.productToken(), clock.instant());
            parameters.remove(name);
            RestQueryCalls.Answer answer = calls.send(RestQueryCalls.signed(parameters, set.secretAccessKey()));
            assertError(answer, 400, "MissingParameter");
            assertThat(answer.text("Message")).as(name).contains(name);
        }
        Map<String, String> unsigned = RestQueryCalls.verify(set.accessKeyId(), set.userToken(),
                product.productToken(), clock.instant());
        RestQueryCalls.Answer answer = calls.send(unsigned);
        assertError(answer, 400, "MissingParameter");
        assertThat(answer.text("Message")).contains(RestQuery.SIGNATURE);

        unsigned.remove(RestQuery.EXPIRES);
        answer = calls.send(RestQueryCalls.signed(unsigned, set.secretAccessKey()));
        assertError(answer, 400, "MissingParameter");
        assertThat(answer.text("Message")).contains("Expires or Timestamp");
    }

    @Test
    void signatureVersionOtherThanOne_isInvalidParameterValue() throws Exception {
        IssuedCredentials set = activate();
        Map<String, String> parameters = RestQueryCalls.verify(set.accessKeyId(), set.userToken(),
                product.productToken(), clock.instant());
        parameters.put(RestQuery.SIGNATURE_VERSION, "2");

        assertError(calls.send(RestQueryCalls.signed(parameters, set.secretAccessKey())), 400, "InvalidParameterValue");
    }

    @Test
    void wrongVersion_isNoSuchVersion() throws Exception {
        IssuedCredentials set = activate();
        Map<String, String> parameters = RestQueryCalls.verify(set.accessKeyId(), set.userToken(),
                product.productToken(), clock.instant());
        parameters.put(RestQuery.VERSION, "2009-01-01");

        assertError(calls.send(RestQueryCalls.signed(parameters, set.secretAccessKey())), 400, "NoSuchVersion");
    }

    @Test
    void userTokenIssuedWithAnotherKeyPair_isInvalidUserToken() throws Exception {
        IssuedCredentials set = activate();
        FixtureCustomer other = simulator.fixtures().subscribedCustomer();

        assertError(verify(set.accessKeyId(), set.secretAccessKey(), other.userToken()), 400, "InvalidUserToken");
    }

    @Test
    void productTokenOfAnotherProduct_isInvalidProductToken() throws Exception {
        IssuedCredentials set = activate();

        assertError(calls.send(RestQueryCalls.signed(RestQueryCalls.verify(set.accessKeyId(), set.userToken(),
                otherProduct.productToken(), clock.instant()), set.secretAccessKey())), 400, "InvalidProductToken");
    }

    @Test
    void unknownAction_isInvalidAction_andNoAction_isMissingAction() throws Exception {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put(RestQuery.ACTION, "GetActiveSubscriptionsByPid");
        parameters.put(RestQuery.VERSION, LicenseServiceFacts.API_VERSION);
        assertError(calls.send(parameters), 400, "InvalidAction");

        parameters.remove(RestQuery.ACTION);
        assertError(calls.send(parameters), 400, "MissingAction");
        assertError(calls.send(RestQueryCalls.Form.POST_FORM_BODY, parameters), 400, "MissingAction");
    }

    @Test
    void activate_withPlaceholderSigningParameters_isAnsweredNormally() throws Exception {
        Map<String, String> parameters = RestQueryCalls.signedCall(RestQuery.ACTIVATE_DESKTOP_PRODUCT,
                "PLACEHOLDERACCESSKEY", clock.instant());
        parameters.put(RestQuery.ACTIVATION_KEY, product.activationKey());
        parameters.put(RestQuery.PRODUCT_TOKEN, product.productToken());
        parameters.put(RestQuery.SIGNATURE, "placeholder");

        RestQueryCalls.Answer answer = calls.send(RestQueryCalls.Form.POST_FORM_BODY, parameters);

        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        assertThat(answer.text("AWSAccessKeyId")).hasSize(LicenseServiceFacts.ACCESS_KEY_ID_LENGTH);
    }

    @Test
    void throttled_restCall_gets503ErrorResponse_thenIsAnswered_andBothCount() throws Exception {
        FixtureCustomer customer = simulator.fixtures().subscribedCustomer();
        int before = simulator.requestCount();
        simulator.faults().injectNext(1, InjectedFault.throttle());

        assertError(verify(customer.accessKeyId(), customer.secretAccessKey(), customer.userToken()), 503,
                "RequestThrottled");
        assertSubscribed(verify(customer.accessKeyId(), customer.secretAccessKey(), customer.userToken()), true);
        assertThat(simulator.requestCount() - before).isEqualTo(2);
    }

    @Test
    void wsdl_isStillServed_andNotCounted() throws Exception {
        int before = simulator.requestCount();

        var wsdl = SimulatorClients.get(simulator, simulator.wsdlUrl());

        assertThat(wsdl.statusCode()).isEqualTo(200);
        assertThat(wsdl.body()).contains("AmazonLSPortType");
        assertThat(simulator.requestCount()).isEqualTo(before);
    }

    @Test
    void repeatedParameter_isRefused() throws Exception {
        var answer = SimulatorClients.get(simulator, java.net.URI.create(simulator.endpoint()
                + "?Action=RefreshUserToken&Action=VerifyProductSubscriptionByTokens"));

        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(answer.body()).contains("InvalidQueryParameter");
    }
}
