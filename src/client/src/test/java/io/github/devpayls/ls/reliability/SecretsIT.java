package io.github.devpayls.ls.reliability;

import static io.github.devpayls.ls.SimulatorBackedClients.freshKey;
import static io.github.devpayls.ls.SimulatorBackedClients.token;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.devpayls.ls.ActivationKey;
import io.github.devpayls.ls.ActivationResult;
import io.github.devpayls.ls.DesktopCredentials;
import io.github.devpayls.ls.RefreshResult;
import io.github.devpayls.ls.Secret;
import io.github.devpayls.ls.SubscriptionResult;
import io.github.devpayls.ls.LicenseServiceClient;
import io.github.devpayls.ls.NoAnswerException;
import io.github.devpayls.ls.ProductToken;
import io.github.devpayls.ls.RetryPolicy;
import io.github.devpayls.ls.ScriptedPeer;
import io.github.devpayls.ls.SimulatorBackedClients;
import io.github.devpayls.ls.contract.LicenseServiceFacts;
import io.github.devpayls.ls.simulator.CredentialPart;
import io.github.devpayls.ls.simulator.FixtureProduct;
import io.github.devpayls.ls.simulator.InjectedFault;
import io.github.devpayls.ls.simulator.IssuedCredentials;
import io.github.devpayls.ls.simulator.LicenseServiceSimulator;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * With every logger at TRACE and SOAP message logging on, successful and failing calls leave no
 * secret in clear: not in any log line (of this library, CXF, Jetty or the JDK bridge), not in any
 * exception's message or toString, not in any result's toString. The secrets checked are the exact
 * values that crossed the wire — activation keys sent, user tokens and secret keys issued — in
 * plain and in namespace-prefixed elements, and in HTTP headers.
 */
class SecretsIT {

    private final List<String> secrets = new ArrayList<>();
    private final StringBuilder outcomes = new StringBuilder();

    @Test
    void traceLogsExceptionsAndResults_neverShowASecret_overSuccessesAndFailures() {
        try (CapturedLogs logs = CapturedLogs.atTrace();
             LicenseServiceSimulator sim = LicenseServiceSimulator.builder().start();
             LicenseServiceClient client = SimulatorBackedClients.trusting(sim).logSoapMessages(true)
                     .retryPolicy(SimulatorBackedClients.quickRetries(3)).build()) {
            FixtureProduct product = sim.fixtures().products().get(0);
            ProductToken productToken = token(product);

            record(() -> client.activateDesktopProduct(key(sim, product), productToken));
            sim.faults().injectNext(1, InjectedFault.throttle());
            record(() -> client.activateDesktopProduct(key(sim, product), productToken));
            record(() -> client.activateDesktopProduct(keyText(product.expiredActivationKey()), productToken));
            for (CredentialPart part : CredentialPart.values()) {
                sim.faults().injectNext(1, InjectedFault.missingCredential(part));
                record(() -> client.activateDesktopProduct(key(sim, product), productToken));
            }
            sim.faults().injectNext(1, InjectedFault.truncatedXml());
            record(() -> client.activateDesktopProduct(key(sim, product), productToken));
            sim.faults().injectNext(1, InjectedFault.closeMidBody());
            record(() -> client.activateDesktopProduct(key(sim, product), productToken));
            sim.faults().injectNext(1, InjectedFault.html(500));
            record(() -> client.activateDesktopProduct(key(sim, product), productToken));
            // Everything the simulator issued, including the sets spoiled on the way out.
            sim.faults().clear();
            for (int i = 0; i < 3; i++) {
                record(() -> client.activateDesktopProduct(key(sim, product), productToken));
            }
            collectIssued(sim, logs);

            assertThat(logs.loggerNames()).as("loggers heard").contains("io.github.devpayls.ls.soap");
            assertNoSecretIn(logs.text());
        }
    }

    @Test
    void prefixedElementsHeadersAndEchoedKeys_fromAHostilePeer_neverShowASecret() throws Exception {
        String userToken = "{UserToken}" + "VXNlclRva2VuU2VjcmV0".repeat(8);
        String secretKey = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYSECRETKEY0";
        String activationKey = "ECHOEDKEYQ7DVLJTWHJ76MMBMQEX";
        secrets.addAll(List.of(userToken, secretKey, activationKey));
        String success = "<?xml version=\"1.0\"?><s:Envelope xmlns:s=\"http://schemas.xmlsoap.org/soap/envelope/\">"
                + "<s:Body><ls:ActivateDesktopProductResponse xmlns:ls=\"" + LicenseServiceFacts.NAMESPACE + "\">"
                + "<ls:ActivateDesktopProductResult><ls:UserToken>" + userToken + "</ls:UserToken>"
                + "<ls:AWSAccessKeyId>AKIAPREFIXEDEXAMPLE1</ls:AWSAccessKeyId><ls:SecretAccessKey xml:lang=\"en\">"
                + secretKey + "</ls:SecretAccessKey></ls:ActivateDesktopProductResult><ls:ResponseMetadata>"
                + "<ls:RequestId>5a1e0c0e-2f3b-4c5d-8e9f-0a1b2c3d4e5f</ls:RequestId></ls:ResponseMetadata>"
                + "</ls:ActivateDesktopProductResponse></s:Body></s:Envelope>";
        String fault = "<s:Envelope xmlns:s=\"http://schemas.xmlsoap.org/soap/envelope/\"><s:Body><s:Fault xmlns:aws=\""
                + LicenseServiceFacts.AWS_FAULT_NAMESPACE + "\">"
                + "<faultcode>aws:Client.InvalidActivationKey</faultcode><faultstring>key " + activationKey
                + " is not valid; your token was " + userToken + "</faultstring></s:Fault></s:Body></s:Envelope>";
        String[] answers = {success, fault, "<html>upstream said " + activationKey + " / " + userToken + "</html>"};
        int[] next = {0};
        try (CapturedLogs logs = CapturedLogs.atTrace();
             ScriptedPeer peer = ScriptedPeer.plain((socket, in, out) -> {
                 ScriptedPeer.readRequest(in);
                 String answer = answers[Math.min(next[0]++, answers.length - 1)];
                 byte[] body = answer.getBytes(StandardCharsets.UTF_8);
                 ScriptedPeer.writeHead(out, next[0] == 2 ? 500 : 200, next[0] == 3 ? "text/html" : "text/xml",
                         body.length, "Set-Cookie: session=" + secretKey, "authorization: Bearer " + userToken,
                         "X-Echo-Key: " + activationKey, "Connection: close");
                 out.write(body);
                 out.flush();
             });
             LicenseServiceClient client = LicenseServiceClient.builder().endpoint(peer.endpoint())
                     .allowInsecureLoopback(true).logSoapMessages(true).retryPolicy(RetryPolicy.none()).build()) {
            ProductToken productToken = ProductToken.of("{ProductToken}cHJlZml4ZWQ=");
            for (int i = 0; i < answers.length; i++) {
                record(() -> client.activateDesktopProduct(keyText(activationKey), productToken));
            }
            assertThat(outcomes).contains("Activated", "Rejected", "ProtocolFailureException");
            assertThat(logs.text()).contains("****");
            assertNoSecretIn(logs.text());
        }
    }

    @Test
    void restQueryCallsAtTrace_neverShowTheSecretKeyTokensOrSignature_overSuccessesAndFailures() {
        try (LicenseServiceSimulator sim = LicenseServiceSimulator.builder().start();
             LicenseServiceClient client = SimulatorBackedClients.trusting(sim).logSoapMessages(true)
                     .retryPolicy(SimulatorBackedClients.quickRetries(3)).build()) {
            FixtureProduct product = sim.fixtures().products().get(0);
            ProductToken productToken = token(product);
            ActivationResult.Activated activated =
                    (ActivationResult.Activated) client.activateDesktopProduct(key(sim, product), productToken);
            DesktopCredentials credentials = activated.credentials();
            DesktopCredentials wrongSecret = new DesktopCredentials(credentials.userToken(), credentials.accessKeyId(),
                    Secret.of("Z" + credentials.secretAccessKey().reveal().substring(1)));
            secrets.addAll(List.of(credentials.userToken().reveal(), credentials.secretAccessKey().reveal(),
                    wrongSecret.secretAccessKey().reveal(), productToken.value()));

            try (CapturedLogs logs = CapturedLogs.atTrace()) {
                recordAny(() -> client.verifySubscription(credentials, productToken));
                recordAny(() -> client.verifySubscription(wrongSecret, productToken));
                sim.faults().injectNext(1, InjectedFault.throttle());
                recordAny(() -> client.verifySubscription(credentials, productToken));
                sim.faults().injectNext(1, InjectedFault.truncatedXml());
                recordAny(() -> client.verifySubscription(credentials, productToken));
                sim.faults().injectNext(1, InjectedFault.html(500));
                recordAny(() -> client.verifySubscription(credentials, productToken));
                sim.faults().injectNext(1, InjectedFault.closeMidBody());
                recordAny(() -> client.refreshUserToken(credentials, productToken));
                recordAny(() -> client.refreshUserToken(credentials, productToken));

                assertThat(outcomes).contains("Subscribed[", "SIGNATURE_DOES_NOT_MATCH", "Refreshed",
                        "ProtocolFailureException");
                assertThat(logs.loggerNames()).as("loggers heard").contains("io.github.devpayls.ls.rest");
                assertThat(logs.text()).contains("Signature=****", "UserToken=****", "ProductToken=****")
                        .doesNotContainPattern("(?i)signature=(?!\\*\\*\\*\\*)[^&\\s]");
                assertNoSecretIn(logs.text());
            }
        }
    }

    /** Like {@link #record} for any call: keeps the result's text, and any new user token as a secret. */
    private void recordAny(Supplier<?> call) {
        try {
            Object result = call.get();
            outcomes.append(result).append('\n');
            if (result instanceof RefreshResult.Refreshed refreshed) {
                outcomes.append(refreshed.credentials()).append('\n');
                secrets.add(refreshed.credentials().userToken().reveal());
            } else if (result instanceof SubscriptionResult.Rejected rejected) {
                outcomes.append(rejected.error()).append('\n').append(rejected.error().message()).append('\n');
            }
        } catch (NoAnswerException e) {
            outcomes.append(CapturedLogs.describe(e));
        }
    }

    private ActivationKey key(LicenseServiceSimulator sim, FixtureProduct product) {
        return keyText(freshKey(sim, product).reveal());
    }

    private ActivationKey keyText(String text) {
        secrets.add(text);
        return ActivationKey.of(text);
    }

    /** Runs a call and keeps the text of whatever came out of it: the result, or the exception chain. */
    private void record(Supplier<ActivationResult> call) {
        try {
            ActivationResult result = call.get();
            outcomes.append(result).append('\n');
            if (result instanceof ActivationResult.Activated activated) {
                outcomes.append(activated.credentials()).append('\n');
                secrets.add(activated.credentials().userToken().reveal());
                secrets.add(activated.credentials().secretAccessKey().reveal());
            } else if (result instanceof ActivationResult.Rejected rejected) {
                outcomes.append(rejected.error()).append('\n').append(rejected.error().message()).append('\n');
            }
        } catch (NoAnswerException e) {
            outcomes.append(CapturedLogs.describe(e));
        }
    }

    private void collectIssued(LicenseServiceSimulator sim, CapturedLogs logs) {
        // Request ids appear in the (masked) logs and outcomes; each names a set the simulator issued.
        java.util.regex.Matcher ids = java.util.regex.Pattern
                .compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
                .matcher(logs.text() + outcomes);
        int found = 0;
        while (ids.find()) {
            IssuedCredentials issued = sim.issuedFor(ids.group()).orElse(null);
            if (issued != null) {
                secrets.add(issued.userToken());
                secrets.add(issued.secretAccessKey());
                found++;
            }
        }
        assertThat(found).as("issued sets found by request id").isGreaterThanOrEqualTo(8);
    }

    private void assertNoSecretIn(String logText) {
        assertThat(secrets).isNotEmpty();
        String everything = logText + "\n" + outcomes;
        for (String secret : secrets) {
            assertThat(everything).as("a secret of %d characters", secret.length()).doesNotContain(secret);
        }
    }
}
