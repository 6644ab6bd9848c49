package io.github.devpayls.ls.reliability;

import static io.github.devpayls.ls.SimulatorBackedClients.freshKey;
import static io.github.devpayls.ls.SimulatorBackedClients.token;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.devpayls.ls.ActivationKey;
import io.github.devpayls.ls.LicenseServiceClient;
import io.github.devpayls.ls.ProtocolFailureException;
import io.github.devpayls.ls.SimulatorBackedClients;
import io.github.devpayls.ls.contract.LicenseServiceFacts;
import io.github.devpayls.ls.simulator.CredentialPart;
import io.github.devpayls.ls.simulator.FixtureProduct;
import io.github.devpayls.ls.simulator.InjectedFault;
import io.github.devpayls.ls.simulator.IssuedCredentials;
import io.github.devpayls.ls.simulator.LicenseServiceSimulator;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Answers that are not a usable SOAP response: each is a {@link ProtocolFailureException} after
 * one attempt (a broken answer is not retried, even with retries allowed), and never a partial
 * credential set — the three credentials work only together.
 */
class MalformedAnswersIT {

    private static final String SOAP_ENVELOPE = "http://schemas.xmlsoap.org/soap/envelope/";
    private static final String REQUEST_ID = "6c1f3a52-8d0e-4b7a-9f21-0a1b2c3d4e5f";

    private static LicenseServiceSimulator sim;
    private static FixtureProduct product;
    private static LicenseServiceClient client;

    @BeforeAll
    static void start() {
        sim = LicenseServiceSimulator.builder().start();
        product = sim.fixtures().products().get(0);
        client = SimulatorBackedClients.trusting(sim).retryPolicy(SimulatorBackedClients.quickRetries(3)).build();
    }

    @AfterAll
    static void stop() {
        client.close();
        sim.close();
    }

    @BeforeEach
    void clearFaults() {
        sim.faults().clear();
    }

    @Test
    void status200WithHtmlPage_givesProtocolFailureNamingTheStatus() {
        assertThat(protocolFailure(InjectedFault.html(200)).httpStatus()).hasValue(200);
    }

    @Test
    void status500WithHtmlPage_givesProtocolFailureNamingTheStatus() {
        ProtocolFailureException e = protocolFailure(InjectedFault.html(500));
        assertThat(e.httpStatus()).hasValue(500);
        assertThat(e.getMessage()).contains("HTTP 500");
    }

    @Test
    void nonXmlGarbage_givesProtocolFailure() {
        protocolFailure(InjectedFault.nonXml());
    }

    @Test
    void truncatedXml_givesProtocolFailure() {
        protocolFailure(InjectedFault.truncatedXml());
    }

    @Test
    void wellFormedXmlThatIsNotSoap_givesProtocolFailure() {
        protocolFailure(InjectedFault.rawResponse(200, "text/xml; charset=UTF-8",
                "<?xml version=\"1.0\"?><ActivateDesktopProductResponse xmlns=\"" + LicenseServiceFacts.NAMESPACE
                        + "\">" + result("{UserToken}AAAA", "AKIAEXAMPLEEXAMPLE12", "S".repeat(40))
                        + "</ActivateDesktopProductResponse>"));
    }

    @Test
    void soapBodyWithUnexpectedElement_givesProtocolFailure() {
        protocolFailure(InjectedFault.rawResponse(200, "text/xml; charset=UTF-8", envelope(
                "<RefreshUserTokenResponse xmlns=\"" + LicenseServiceFacts.NAMESPACE + "\">"
                        + "<RefreshUserTokenResult><UserToken>{UserToken}AAAA</UserToken></RefreshUserTokenResult>"
                        + metadata() + "</RefreshUserTokenResponse>")));
    }

    @Test
    void responseInTheWrongNamespace_givesProtocolFailure() {
        protocolFailure(InjectedFault.rawResponse(200, "text/xml; charset=UTF-8", envelope(
                "<ActivateDesktopProductResponse xmlns=\"http://ls.amazonaws.com/doc/2007-01-01/\">"
                        + result("{UserToken}AAAA", "AKIAEXAMPLEEXAMPLE12", "S".repeat(40)) + metadata()
                        + "</ActivateDesktopProductResponse>")));
    }

    @Test
    void soapEnvelopeInTheWrongNamespace_givesProtocolFailure() {
        protocolFailure(InjectedFault.rawResponse(200, "text/xml; charset=UTF-8",
                "<s:Envelope xmlns:s=\"http://www.w3.org/2003/05/soap-envelope\"><s:Body>"
                        + "<ActivateDesktopProductResponse xmlns=\"" + LicenseServiceFacts.NAMESPACE + "\">"
                        + result("{UserToken}AAAA", "AKIAEXAMPLEEXAMPLE12", "S".repeat(40)) + metadata()
                        + "</ActivateDesktopProductResponse></s:Body></s:Envelope>"));
    }

    @Test
    void successMissingAnyOneCredential_givesProtocolFailureAndNoCredentialAtAll() {
        for (CredentialPart part : CredentialPart.values()) {
            ProtocolFailureException e = protocolFailure(InjectedFault.missingCredential(part));
            assertThat(e.getMessage()).as(part.name()).contains("lacks");
            assertNoIssuedSecretIn(e);
        }
    }

    @Test
    void successWithAnyOneCredentialEmpty_givesProtocolFailureAndNoCredentialAtAll() {
        for (CredentialPart part : CredentialPart.values()) {
            ProtocolFailureException e = protocolFailure(InjectedFault.emptyCredential(part));
            assertNoIssuedSecretIn(e);
        }
    }

    private ProtocolFailureException protocolFailure(InjectedFault fault) {
        sim.faults().injectNext(1, fault);
        int before = sim.requestCount();
        ActivationKey key = freshKey(sim, product);
        ProtocolFailureException[] caught = new ProtocolFailureException[1];

        assertThatThrownBy(() -> client.activateDesktopProduct(key, token(product)))
                .as(fault.toString())
                .isInstanceOfSatisfying(ProtocolFailureException.class, e -> {
                    assertThat(e.attempts()).isEqualTo(1);
                    assertThat(e.toString()).doesNotContain(key.reveal());
                    caught[0] = e;
                });
        assertThat(sim.requestCount() - before).as("requests sent").isEqualTo(1);
        return caught[0];
    }

    /** The simulator did issue a set for a spoiled success; none of it may surface in the failure. */
    private static void assertNoIssuedSecretIn(ProtocolFailureException e) {
        Optional<IssuedCredentials> issued = e.requestId().flatMap(id -> sim.issuedFor(id.value()));
        assertThat(issued).as("the simulator's record of the spoiled success").isPresent();
        StringBuilder texts = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            texts.append(t).append('\n');
        }
        assertThat(texts.toString()).doesNotContain(issued.get().userToken(), issued.get().secretAccessKey());
    }

    private static String result(String userToken, String accessKeyId, String secretKey) {
        return "<ActivateDesktopProductResult><UserToken>" + userToken + "</UserToken><AWSAccessKeyId>" + accessKeyId
                + "</AWSAccessKeyId><SecretAccessKey>" + secretKey + "</SecretAccessKey></ActivateDesktopProductResult>";
    }

    private static String metadata() {
        return "<ResponseMetadata><RequestId>" + REQUEST_ID + "</RequestId></ResponseMetadata>";
    }

    private static String envelope(String body) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><soap:Envelope xmlns:soap=\"" + SOAP_ENVELOPE
                + "\"><soap:Body>" + body + "</soap:Body></soap:Envelope>";
    }
}
