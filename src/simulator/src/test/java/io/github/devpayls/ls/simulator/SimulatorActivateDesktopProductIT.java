package io.github.devpayls.ls.simulator;

import io.github.devpayls.ls.simulator.junit.ManualClock;
import io.github.devpayls.ls.contract.LicenseServiceFacts;
import io.github.devpayls.ls.contract.generated.ActivateDesktopProduct;
import io.github.devpayls.ls.contract.generated.ActivateDesktopProductResponse;
import io.github.devpayls.ls.contract.generated.AmazonLSPortType;
import io.github.devpayls.ls.contract.generated.VerifyProductSubscriptionByTokens;

import jakarta.xml.ws.soap.SOAPFaultException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import javax.xml.datatype.DatatypeFactory;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** ActivateDesktopProduct over real HTTPS, through a plain generated CXF proxy. */
class SimulatorActivateDesktopProductIT {

    private static final Instant START = Instant.parse("2026-01-15T10:00:00Z");

    private static ManualClock clock;
    private static LicenseServiceSimulator simulator;
    private static AmazonLSPortType port;
    private static FixtureProduct first;
    private static FixtureProduct second;

    @BeforeAll
    static void start() {
        clock = ManualClock.startingAt(START);
        simulator = LicenseServiceSimulator.builder().clock(clock).start();
        port = SimulatorClients.proxy(simulator);
        first = simulator.fixtures().products().get(0);
        second = simulator.fixtures().products().get(1);
    }

    @AfterAll
    static void stop() {
        simulator.close();
    }

    private static ActivateDesktopProduct request(String activationKey, String productToken) {
        ActivateDesktopProduct request = new ActivateDesktopProduct();
        request.setActivationKey(activationKey);
        request.setProductToken(productToken);
        return request;
    }

    private static SimulatorClients.AwsFault faultOf(ActivateDesktopProduct request) {
        SOAPFaultException fault = catchThrowableOfType(SOAPFaultException.class,
                () -> port.activateDesktopProduct(request));
        assertThat(fault).as("a SOAP fault").isNotNull();
        return SimulatorClients.AwsFault.of(fault);
    }

    private static void assertAwsClientFault(SimulatorClients.AwsFault fault, String code, String message) {
        assertThat(fault.codeNamespace()).isEqualTo(LicenseServiceFacts.AWS_FAULT_NAMESPACE);
        assertThat(fault.codePrefix()).isEqualTo("aws");
        assertThat(fault.codeLocalPart()).isEqualTo("Client." + code);
        assertThat(fault.faultString()).contains(message);
        assertThat(fault.detailRequestId()).hasSize(LicenseServiceFacts.REQUEST_ID_LENGTH);
        assertThat(UUID.fromString(fault.detailRequestId())).isNotNull();
    }

    @Test
    void activate_withValidKey_returnsThreeCredentialsInTheRealFormats() {
        ActivateDesktopProductResponse response = port.activateDesktopProduct(
                request(first.activationKey(), first.productToken()));

        var result = response.getActivateDesktopProductResult();
        assertThat(result.getUserToken()).startsWith(LicenseServiceFacts.USER_TOKEN_PREFIX)
                .hasSize(LicenseServiceFacts.USER_TOKEN_LENGTH);
        assertThat(Base64.getDecoder().decode(
                result.getUserToken().substring(LicenseServiceFacts.USER_TOKEN_PREFIX.length()))).isNotEmpty();
        assertThat(result.getAWSAccessKeyId()).hasSize(LicenseServiceFacts.ACCESS_KEY_ID_LENGTH).matches("[A-Z0-9]+");
        assertThat(result.getSecretAccessKey()).hasSize(LicenseServiceFacts.SECRET_ACCESS_KEY_LENGTH);
        String requestId = response.getResponseMetadata().getRequestId();
        assertThat(UUID.fromString(requestId).toString()).isEqualTo(requestId);
    }

    @Test
    void activate_success_isRecordedUnderItsRequestId() {
        ActivateDesktopProductResponse response = port.activateDesktopProduct(
                request(second.activationKey(), second.productToken()));
        String requestId = response.getResponseMetadata().getRequestId();

        IssuedCredentials issued = simulator.issuedFor(requestId).orElseThrow();
        assertThat(issued.productCode()).isEqualTo(second.productCode());
        assertThat(issued.userToken()).isEqualTo(response.getActivateDesktopProductResult().getUserToken());
        assertThat(issued.accessKeyId()).isEqualTo(response.getActivateDesktopProductResult().getAWSAccessKeyId());
        assertThat(issued.secretAccessKey()).isEqualTo(response.getActivateDesktopProductResult().getSecretAccessKey());
        assertThat(issued.userTokenExpiresAt()).isEmpty();
        assertThat(issued.toString()).doesNotContain(issued.userToken()).doesNotContain(issued.secretAccessKey());
        assertThat(simulator.issuedFor(UUID.randomUUID().toString())).isEmpty();
    }

    @Test
    void activate_sameKeyTwiceWithinTheHour_issuesAFreshSetEachTime() {
        var once = port.activateDesktopProduct(request(first.activationKey(), first.productToken()));
        var twice = port.activateDesktopProduct(request(first.activationKey(), first.productToken()));

        assertThat(twice.getActivateDesktopProductResult().getUserToken())
                .isNotEqualTo(once.getActivateDesktopProductResult().getUserToken());
        assertThat(twice.getActivateDesktopProductResult().getSecretAccessKey())
                .isNotEqualTo(once.getActivateDesktopProductResult().getSecretAccessKey());
        assertThat(twice.getResponseMetadata().getRequestId()).isNotEqualTo(once.getResponseMetadata().getRequestId());
    }

    @Test
    void activate_whenKeyExpired_faultsExpiredActivationKey() {
        assertAwsClientFault(faultOf(request(first.expiredActivationKey(), first.productToken())),
                "ExpiredActivationKey", "expired");
    }

    @Test
    void activate_whenKeyBelongsToAnotherProduct_faultsIncorrectActivationKey() {
        assertAwsClientFault(faultOf(request(second.activationKey(), first.productToken())),
                "IncorrectActivationKey", "different product");
    }

    @Test
    void activate_whenKeyUnknown_faultsInvalidActivationKey() {
        assertAwsClientFault(faultOf(request("ADMAY7DVLJTWHJ76MMBMQEXAMPLE", first.productToken())),
                "InvalidActivationKey", "invalid");
    }

    @Test
    void activate_whenKeyMalformed_faultsInvalidActivationKey() {
        assertAwsClientFault(faultOf(request("not a key!", first.productToken())), "InvalidActivationKey", "malformed");
    }

    @Test
    void activate_whenProductTokenUnknown_faultsInvalidProductToken() {
        assertAwsClientFault(faultOf(request(first.activationKey(), "{ProductToken}AAAA")),
                "InvalidProductToken", "product token");
    }

    @Test
    void activate_whenActivationKeyMissing_faultsMissingParameter() {
        assertAwsClientFault(faultOf(request(null, first.productToken())), "MissingParameter", "ActivationKey");
    }

    @Test
    void activate_whenActivationKeyEmpty_faultsMissingParameter() {
        assertAwsClientFault(faultOf(request("", first.productToken())), "MissingParameter", "ActivationKey");
    }

    @Test
    void activate_whenProductTokenMissing_faultsMissingParameter() {
        assertAwsClientFault(faultOf(request(first.activationKey(), null)), "MissingParameter", "ProductToken");
    }

    @Test
    void activate_eachFault_carriesAFreshRequestId() {
        var one = faultOf(request(first.expiredActivationKey(), first.productToken()));
        var two = faultOf(request(first.expiredActivationKey(), first.productToken()));

        assertThat(one.detailRequestId()).isNotEqualTo(two.detailRequestId());
    }

    @Test
    void activate_fault_travelsAsHttp500SoapFaultWithAwsPrefix() throws Exception {
        HttpResponse<String> response = SimulatorClients.post(simulator,
                SimulatorClients.activateDesktopProduct(first.expiredActivationKey(), first.productToken()));

        assertThat(response.statusCode()).isEqualTo(LicenseServiceFacts.SOAP_FAULT_HTTP_STATUS);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type)
                .startsWith("text/xml"));
        assertThat(response.body())
                .contains("xmlns:aws=\"" + LicenseServiceFacts.AWS_FAULT_NAMESPACE + "\"")
                .contains(">aws:Client.ExpiredActivationKey</faultcode>")
                .contains("<faultstring>")
                .containsPattern("<detail><aws:RequestId[^>]*>[0-9a-f-]{36}</aws:RequestId></detail>");
    }

    @Test
    void activate_dispatchesOnTheBodyElement_whateverTheSoapAction() throws Exception {
        String body = SimulatorClients.activateDesktopProduct(first.activationKey(), first.productToken());
        for (String soapAction : new String[] {"\"urn:ActivateDesktopProduct\"", "\"RefreshUserToken\"", "\"\""}) {
            var response = SimulatorClients.httpClient(simulator).send(java.net.http.HttpRequest
                    .newBuilder(simulator.endpoint())
                    .header("Content-Type", "text/xml; charset=UTF-8")
                    .header("SOAPAction", soapAction)
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body)).build(),
                    HttpResponse.BodyHandlers.ofString());

            assertThat(response.statusCode()).as(soapAction).isEqualTo(200);
            assertThat(response.body()).contains("<UserToken>{UserToken}");
        }
    }

    @Test
    void activate_withPositiveTokenExpiration_expiresTheUserTokenAfterIt() throws Exception {
        ManualClock ownClock = ManualClock.startingAt(START);
        try (LicenseServiceSimulator own = LicenseServiceSimulator.builder().clock(ownClock).start()) {
            AmazonLSPortType ownPort = SimulatorClients.proxy(own);
            FixtureProduct product = own.fixtures().products().get(0);
            ActivateDesktopProduct request = request(product.activationKey(), product.productToken());
            request.setTokenExpiration(DatatypeFactory.newInstance().newDuration("PT3600S"));

            var response = ownPort.activateDesktopProduct(request);
            String userToken = response.getActivateDesktopProductResult().getUserToken();
            assertThat(own.issuedFor(response.getResponseMetadata().getRequestId()).orElseThrow().userTokenExpiresAt())
                    .contains(START.plusSeconds(3600));
            VerifyProductSubscriptionByTokens verify = new VerifyProductSubscriptionByTokens();
            verify.setUserToken(userToken);
            verify.setProductToken(product.productToken());
            assertThat(ownPort.verifyProductSubscriptionByTokens(verify)
                    .getVerifyProductSubscriptionByTokensResult().isSubscribed()).isTrue();

            ownClock.advance(Duration.ofSeconds(3600));

            SOAPFaultException expired = catchThrowableOfType(SOAPFaultException.class,
                    () -> ownPort.verifyProductSubscriptionByTokens(verify));
            assertThat(SimulatorClients.AwsFault.of(expired).codeLocalPart()).isEqualTo("Client.InvalidParameterValue");
            assertThat(SimulatorClients.AwsFault.of(expired).faultString()).contains("expired");
        }
    }

    @Test
    void activate_withZeroTokenExpiration_faultsInvalidParameterValue() throws Exception {
        ActivateDesktopProduct request = request(first.activationKey(), first.productToken());
        request.setTokenExpiration(DatatypeFactory.newInstance().newDuration("PT0S"));

        assertAwsClientFault(faultOf(request), "InvalidParameterValue", "TokenExpiration");
    }

    @Test
    void activate_withNegativeTokenExpiration_faultsInvalidParameterValue() throws Exception {
        ActivateDesktopProduct request = request(first.activationKey(), first.productToken());
        request.setTokenExpiration(DatatypeFactory.newInstance().newDuration("-PT60S"));

        assertAwsClientFault(faultOf(request), "InvalidParameterValue", "TokenExpiration");
    }

    @Test
    void activate_whenKeyReachesOneHourByTheClock_faultsExpiredActivationKey() {
        ManualClock ownClock = ManualClock.startingAt(START);
        try (LicenseServiceSimulator own = LicenseServiceSimulator.builder().clock(ownClock).start()) {
            AmazonLSPortType ownPort = SimulatorClients.proxy(own);
            FixtureProduct product = own.fixtures().products().get(0);

            ownClock.advance(Duration.ofMinutes(59));
            assertThat(ownPort.activateDesktopProduct(request(product.activationKey(), product.productToken()))
                    .getActivateDesktopProductResult().getUserToken()).isNotEmpty();

            ownClock.advance(Duration.ofMinutes(1));
            assertThatThrownBy(() -> ownPort.activateDesktopProduct(
                    request(product.activationKey(), product.productToken())))
                    .isInstanceOfSatisfying(SOAPFaultException.class, fault -> assertThat(
                            SimulatorClients.AwsFault.of(fault).codeLocalPart()).isEqualTo("Client.ExpiredActivationKey"));
        }
    }

    @Test
    void mintActivationKey_givesAFreshKeyValidForThatProductOnly() {
        String minted = simulator.mintActivationKey(first.productCode());

        assertThat(minted).hasSize(LicenseServiceFacts.ACTIVATION_KEY_LENGTH).matches("[A-Z2-7]+")
                .isNotEqualTo(first.activationKey());
        assertThat(port.activateDesktopProduct(request(minted, first.productToken()))
                .getActivateDesktopProductResult().getAWSAccessKeyId()).isNotEmpty();
        assertAwsClientFault(faultOf(request(minted, second.productToken())), "IncorrectActivationKey", "product");
    }

    @Test
    void mintActivationKey_forUnknownProduct_isRefused() {
        assertThatThrownBy(() -> simulator.mintActivationKey("NOPE"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("NOPE");
    }
}
