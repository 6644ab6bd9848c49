package io.github.devpayls.ls.simulator;

import io.github.devpayls.ls.simulator.junit.ManualClock;
import io.github.devpayls.ls.contract.XmlLimits;

import io.github.devpayls.ls.contract.generated.ActivateDesktopProduct;
import io.github.devpayls.ls.contract.generated.ActivateHostedProduct;
import io.github.devpayls.ls.contract.generated.ActivateHostedProductResult;
import io.github.devpayls.ls.contract.generated.AmazonLSPortType;
import io.github.devpayls.ls.contract.generated.GetActiveSubscriptionsByPid;
import io.github.devpayls.ls.contract.generated.RefreshUserToken;
import io.github.devpayls.ls.contract.generated.VerifyProductSubscriptionByPid;
import io.github.devpayls.ls.contract.generated.VerifyProductSubscriptionByTokens;

import jakarta.xml.ws.soap.SOAPFaultException;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The five other operations, answered from the same model, over real HTTPS. */
class SimulatorOtherOperationsIT {

    private static final Duration VETTING = Duration.ofMinutes(30);

    private ManualClock clock;
    private LicenseServiceSimulator simulator;
    private AmazonLSPortType port;
    private FixtureProduct first;
    private FixtureProduct second;

    @BeforeEach
    void start() {
        clock = ManualClock.startingAt(Instant.parse("2026-03-01T08:00:00Z"));
        simulator = LicenseServiceSimulator.builder().clock(clock).vettingDelay(VETTING).start();
        port = SimulatorClients.proxy(simulator);
        first = simulator.fixtures().products().get(0);
        second = simulator.fixtures().products().get(1);
    }

    @AfterEach
    void stop() {
        simulator.close();
    }

    private static String faultCode(ThrowingCallable call) {
        SOAPFaultException fault = catchThrowableOfType(SOAPFaultException.class, call);
        assertThat(fault).as("a SOAP fault").isNotNull();
        SimulatorClients.AwsFault aws = SimulatorClients.AwsFault.of(fault);
        assertThat(aws.detailRequestId()).hasSize(36);
        return aws.codeLocalPart();
    }

    private ActivateHostedProductResult activateHosted(FixtureProduct product) {
        ActivateHostedProduct request = new ActivateHostedProduct();
        request.setActivationKey(product.activationKey());
        request.setProductToken(product.productToken());
        return port.activateHostedProduct(request).getActivateHostedProductResult();
    }

    private String activateDesktop(FixtureProduct product) {
        ActivateDesktopProduct request = new ActivateDesktopProduct();
        request.setActivationKey(product.activationKey());
        request.setProductToken(product.productToken());
        return port.activateDesktopProduct(request).getActivateDesktopProductResult().getUserToken();
    }

    private VerifyProductSubscriptionByTokens byTokens(String userToken, String productToken) {
        VerifyProductSubscriptionByTokens request = new VerifyProductSubscriptionByTokens();
        request.setUserToken(userToken);
        request.setProductToken(productToken);
        return request;
    }

    private VerifyProductSubscriptionByPid byPid(String pid, String productCode) {
        VerifyProductSubscriptionByPid request = new VerifyProductSubscriptionByPid();
        request.setPersistentIdentifier(pid);
        request.setProductCode(productCode);
        return request;
    }

    private GetActiveSubscriptionsByPid activeSubscriptions(String pid) {
        GetActiveSubscriptionsByPid request = new GetActiveSubscriptionsByPid();
        request.setPersistentIdentifier(pid);
        return request;
    }

    @Test
    void activateHostedProduct_withValidKey_returnsUserTokenAndPersistentIdentifier() {
        ActivateHostedProductResult result = activateHosted(first);

        assertThat(result.getUserToken()).startsWith("{UserToken}").hasSize(411);
        assertThat(result.getPersistentIdentifier()).hasSize(28).matches("[A-Z2-7]+");
    }

    @Test
    void activateHostedProduct_whenKeyExpired_faultsExpiredActivationKey() {
        ActivateHostedProduct request = new ActivateHostedProduct();
        request.setActivationKey(first.expiredActivationKey());
        request.setProductToken(first.productToken());

        assertThat(faultCode(() -> port.activateHostedProduct(request))).isEqualTo("Client.ExpiredActivationKey");
    }

    @Test
    void refreshUserToken_withLiveToken_returnsANewTokenForTheSameSubscription() {
        String userToken = activateDesktop(first);
        RefreshUserToken request = new RefreshUserToken();
        request.setUserToken(userToken);

        String refreshed = port.refreshUserToken(request).getRefreshUserTokenResult().getUserToken();

        assertThat(refreshed).startsWith("{UserToken}").hasSize(411).isNotEqualTo(userToken);
        clock.advance(VETTING);
        assertThat(port.verifyProductSubscriptionByTokens(byTokens(refreshed, first.productToken()))
                .getVerifyProductSubscriptionByTokensResult().isSubscribed()).isTrue();
    }

    @Test
    void refreshUserToken_withUnknownToken_faultsInvalidParameterValue() {
        RefreshUserToken request = new RefreshUserToken();
        request.setUserToken("{UserToken}bm90IGlzc3VlZA==");

        assertThat(faultCode(() -> port.refreshUserToken(request))).isEqualTo("Client.InvalidParameterValue");
    }

    @Test
    void refreshUserToken_withUnknownAdditionalToken_faultsInvalidParameterValue() {
        RefreshUserToken request = new RefreshUserToken();
        request.setUserToken(activateDesktop(first));
        request.getAdditionalTokens().add("{UserToken}bm90IGlzc3VlZA==");

        assertThat(faultCode(() -> port.refreshUserToken(request))).isEqualTo("Client.InvalidParameterValue");
    }

    @Test
    void refreshUserToken_withoutToken_faultsMissingParameter() {
        assertThat(faultCode(() -> port.refreshUserToken(new RefreshUserToken()))).isEqualTo("Client.MissingParameter");
    }

    @Test
    void verifyByTokens_duringVetting_isFalse_andAfterVetting_isTrue() {
        String userToken = activateDesktop(first);

        assertThat(port.verifyProductSubscriptionByTokens(byTokens(userToken, first.productToken()))
                .getVerifyProductSubscriptionByTokensResult().isSubscribed()).isFalse();
        clock.advance(VETTING);
        assertThat(port.verifyProductSubscriptionByTokens(byTokens(userToken, first.productToken()))
                .getVerifyProductSubscriptionByTokensResult().isSubscribed()).isTrue();
        assertThat(port.verifyProductSubscriptionByTokens(byTokens(userToken, second.productToken()))
                .getVerifyProductSubscriptionByTokensResult().isSubscribed()).as("never activated").isFalse();
    }

    @Test
    void verifyByTokens_withUnknownProductToken_faultsInvalidProductToken() {
        String userToken = activateDesktop(first);

        assertThat(faultCode(() -> port.verifyProductSubscriptionByTokens(byTokens(userToken, "{ProductToken}AAAA"))))
                .isEqualTo("Client.InvalidProductToken");
    }

    @Test
    void verifyByTokens_withoutUserToken_faultsMissingParameter() {
        assertThat(faultCode(() -> port.verifyProductSubscriptionByTokens(byTokens(null, first.productToken()))))
                .isEqualTo("Client.MissingParameter");
    }

    @Test
    void verifyByPid_afterVetting_isTrueForTheActivatedProductOnly() {
        String pid = activateHosted(first).getPersistentIdentifier();
        clock.advance(VETTING);

        assertThat(port.verifyProductSubscriptionByPid(byPid(pid, first.productCode()))
                .getVerifyProductSubscriptionByPidResult().isSubscribed()).isTrue();
        assertThat(port.verifyProductSubscriptionByPid(byPid(pid, second.productCode()))
                .getVerifyProductSubscriptionByPidResult().isSubscribed()).isFalse();
    }

    @Test
    void verifyByPid_withUnknownPid_faultsInvalidParameterValue() {
        assertThat(faultCode(() -> port.verifyProductSubscriptionByPid(byPid("PIDTHATNOBODYHASEVERBEENGIVE", first.productCode()))))
                .isEqualTo("Client.InvalidParameterValue");
    }

    @Test
    void verifyByPid_withUnknownProductCode_faultsInvalidParameterValue() {
        String pid = activateHosted(first).getPersistentIdentifier();

        assertThat(faultCode(() -> port.verifyProductSubscriptionByPid(byPid(pid, "00000000"))))
                .isEqualTo("Client.InvalidParameterValue");
    }

    @Test
    void getActiveSubscriptionsByPid_listsActiveSubscriptionsOnly() {
        String pid = activateHosted(first).getPersistentIdentifier();
        assertThat(port.getActiveSubscriptionsByPid(activeSubscriptions(pid))
                .getGetActiveSubscriptionsByPidResult().getProductCode()).as("still vetting").isEmpty();

        clock.advance(VETTING);
        activateDesktop(second);
        assertThat(port.getActiveSubscriptionsByPid(activeSubscriptions(pid))
                .getGetActiveSubscriptionsByPidResult().getProductCode()).containsExactly(first.productCode());

        clock.advance(VETTING);
        assertThat(port.getActiveSubscriptionsByPid(activeSubscriptions(pid))
                .getGetActiveSubscriptionsByPidResult().getProductCode())
                .containsExactly(first.productCode(), second.productCode());
    }

    @Test
    void getActiveSubscriptionsByPid_withoutPid_faultsMissingParameter() {
        assertThat(faultCode(() -> port.getActiveSubscriptionsByPid(new GetActiveSubscriptionsByPid())))
                .isEqualTo("Client.MissingParameter");
    }

    @Test
    void unknownBodyElement_faultsInvalidAction() throws Exception {
        var response = SimulatorClients.post(simulator, SimulatorClients.envelope("DescribeEverything", ""));

        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(response.body()).contains(">aws:Client.InvalidAction</faultcode>").contains("<aws:RequestId");
    }

    // The document limit, not the text limit: Woodstox checks the text limit per segment, and how
    // Jetty hands over the bytes decides the segments (XmlLimitsTest pins that behaviour).
    @Test
    void requestBeyondTheXmlLimits_isRefusedByTheReader_notAnsweredByTheModel() throws Exception {
        String tooLong = "A".repeat((int) io.github.devpayls.ls.contract.XmlLimits.MAX_XML_CHARACTERS + 1);
        var response = SimulatorClients.post(simulator,
                SimulatorClients.activateDesktopProduct(tooLong, first.productToken()));

        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(response.body()).doesNotContain("InvalidActivationKey")
                .contains(">aws:Client.InvalidParameterValue</faultcode>");
    }

    @Test
    void unreadableTokenExpiration_faultsInvalidParameterValue() throws Exception {
        var response = SimulatorClients.post(simulator, SimulatorClients.envelope("ActivateDesktopProduct",
                "<ls:ActivationKey>" + first.activationKey() + "</ls:ActivationKey><ls:ProductToken>"
                        + first.productToken() + "</ls:ProductToken><ls:TokenExpiration>soon</ls:TokenExpiration>"));

        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(response.body()).contains(">aws:Client.InvalidParameterValue</faultcode>");
    }
}
