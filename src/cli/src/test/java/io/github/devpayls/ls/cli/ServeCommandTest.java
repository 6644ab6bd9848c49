package io.github.devpayls.ls.cli;

import io.github.devpayls.ls.simulator.FixtureProduct;
import io.github.devpayls.ls.simulator.LicenseServiceSimulator;
import io.github.devpayls.ls.simulator.SubscriptionState;

import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code devpay-ls serve} run in-process, with captured output and a test-controlled lifetime. */
class ServeCommandTest {

    private record Run(int exitCode, List<String> out, String err) {
    }

    private static Run run(ServeCommand.Lifetime lifetime, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exitCode = Main.commandLine(new PrintWriter(out, true), new PrintWriter(err, true), lifetime).execute(args);
        return new Run(exitCode, out.toString().lines().toList(), err.toString());
    }

    private static String value(List<String> lines, String name) {
        return lines.stream().filter(line -> line.startsWith(name + ": ")).findFirst()
                .map(line -> line.substring(name.length() + 2)).orElseThrow();
    }

    @Test
    void serve_printsEndpointWsdlCaAndFixtures_oneALine_inOrder() {
        AtomicReference<LicenseServiceSimulator> served = new AtomicReference<>();
        AtomicReference<Boolean> caExistedWhileServing = new AtomicReference<>();

        Run run = run(simulator -> {
            served.set(simulator);
            caExistedWhileServing.set(Files.exists(simulator.caCertificatePem().orElseThrow()));
        }, "serve");

        assertThat(run.exitCode()).isZero();
        LicenseServiceSimulator simulator = served.get();
        List<String> expected = new java.util.ArrayList<>(List.of(
                "endpoint: " + simulator.endpoint(),
                "wsdl: " + simulator.endpoint() + "?wsdl",
                "ca-certificate: " + simulator.caCertificatePem().orElseThrow().toAbsolutePath()));
        simulator.fixtures().products().forEach(product -> {
            expected.add("product-token[" + product.productCode() + "]: " + product.productToken());
            expected.add("activation-key[" + product.productCode() + "]: " + product.activationKey());
            expected.add("expired-activation-key[" + product.productCode() + "]: " + product.expiredActivationKey());
        });
        expected.add("subscribed-customer.access-key-id: " + simulator.fixtures().subscribedCustomer().accessKeyId());
        expected.add("subscribed-customer.secret-access-key: "
                + simulator.fixtures().subscribedCustomer().secretAccessKey());
        expected.add("subscribed-customer.user-token: " + simulator.fixtures().subscribedCustomer().userToken());
        expected.add("pending-customer.access-key-id: " + simulator.fixtures().pendingCustomer().accessKeyId());
        expected.add("pending-customer.secret-access-key: " + simulator.fixtures().pendingCustomer().secretAccessKey());
        expected.add("pending-customer.user-token: " + simulator.fixtures().pendingCustomer().userToken());
        expected.add("subscriptions: activations become subscribed 0s after activation (--vetting-delay, --decline-card)");
        assertThat(run.out()).containsExactlyElementsOf(expected);
        assertThat(value(run.out(), "endpoint")).matches("https://127\\.0\\.0\\.1:\\d+/");
        assertThat(caExistedWhileServing.get()).isTrue();
    }

    @Test
    void serve_answersRequestsWhileServing_andStopsAfterwards() throws Exception {
        AtomicReference<Integer> statusWhileServing = new AtomicReference<>();
        AtomicReference<URI> endpoint = new AtomicReference<>();

        Run run = run(simulator -> {
            endpoint.set(simulator.endpoint());
            try {
                statusWhileServing.set(HttpClient.newHttpClient().send(
                        HttpRequest.newBuilder(simulator.wsdlUrl()).build(), HttpResponse.BodyHandlers.ofString())
                        .statusCode());
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
        }, "serve", "--http", "--port", "0");

        assertThat(run.exitCode()).isZero();
        assertThat(statusWhileServing.get()).isEqualTo(200);
        assertThat(value(run.out(), "endpoint")).startsWith("http://127.0.0.1:");
        assertThat(run.out()).noneMatch(line -> line.startsWith("ca-certificate:"));
        assertThat(run.out()).filteredOn(line -> line.startsWith("activation-key[")).hasSize(2);
        assertThatRefused(endpoint.get());
    }

    private static void assertThatRefused(URI endpoint) {
        HttpRequest request = HttpRequest.newBuilder(endpoint.resolve("?wsdl")).build();
        org.assertj.core.api.Assertions.assertThatThrownBy(
                () -> HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString()))
                .isInstanceOf(java.net.ConnectException.class);
    }

    /** Activates the first fixture product over REST-Query and reports the subscription's state. */
    private static SubscriptionState stateAfterActivation(LicenseServiceSimulator simulator) {
        assertThat(activate(simulator).statusCode()).isEqualTo(200);
        return simulator.subscriptions().state(simulator.fixtures().activationCustomerId(),
                simulator.fixtures().products().get(0).productCode());
    }

    /** @return the REST-Query ActivateDesktopProduct answer for the first fixture product */
    private static HttpResponse<String> activate(LicenseServiceSimulator simulator) {
        FixtureProduct product = simulator.fixtures().products().get(0);
        URI activate = URI.create(simulator.endpoint() + "?Action=ActivateDesktopProduct&Version=2008-04-28"
                + "&ActivationKey=" + product.activationKey()
                + "&ProductToken=" + java.net.URLEncoder.encode(product.productToken(), java.nio.charset.StandardCharsets.UTF_8));
        try {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(activate).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Test
    void serve_subscriptionFlags_setVettingAndDeclineTheFixtureCustomersCard() {
        AtomicReference<SubscriptionState> byDefault = new AtomicReference<>();
        AtomicReference<SubscriptionState> vetting = new AtomicReference<>();
        AtomicReference<SubscriptionState> declined = new AtomicReference<>();

        Run plain = run(simulator -> byDefault.set(stateAfterActivation(simulator)), "serve", "--http");
        Run slow = run(simulator -> vetting.set(stateAfterActivation(simulator)), "serve", "--http",
                "--vetting-delay", "30m");
        Run decline = run(simulator -> declined.set(stateAfterActivation(simulator)), "serve", "--http", "--decline-card");

        assertThat(byDefault.get()).isEqualTo(SubscriptionState.ACTIVE);
        assertThat(vetting.get()).isEqualTo(SubscriptionState.PENDING);
        assertThat(declined.get()).isEqualTo(SubscriptionState.DECLINED);
        assertThat(value(slow.out(), "subscriptions")).startsWith("activations become subscribed 1800s after");
        assertThat(value(decline.out(), "subscriptions")).startsWith("card declined");
        assertThat(plain.exitCode()).isZero();
    }

    @Test
    void serve_withFutureContract_growsSuccessAnswers_andWithoutItNot() {
        AtomicReference<String> grown = new AtomicReference<>();
        AtomicReference<String> plain = new AtomicReference<>();

        run(simulator -> grown.set(activate(simulator).body()), "serve", "--http", "--future-contract");
        run(simulator -> plain.set(activate(simulator).body()), "serve", "--http");

        assertThat(grown.get()).contains("UserToken>").contains("FutureField").contains("urn:devpay-ls:simulator:future");
        assertThat(plain.get()).contains("UserToken>").doesNotContain("FutureField");
    }

    @Test
    void serve_withTheSameSeed_printsTheSameFixtures_andAnotherSeedOthers() {
        ServeCommand.Lifetime stopAtOnce = simulator -> { };

        List<String> one = fixtureLines(run(stopAtOnce, "serve", "--http", "--seed", "7"));
        List<String> two = fixtureLines(run(stopAtOnce, "serve", "--http", "--seed", "7"));
        List<String> other = fixtureLines(run(stopAtOnce, "serve", "--http", "--seed", "8"));

        assertThat(one).hasSize(6).isEqualTo(two).doesNotContainAnyElementsOf(other);
    }

    private static List<String> fixtureLines(Run run) {
        return run.out().stream().filter(line -> line.contains("]: ")).toList();
    }

    @Test
    void serve_withStateDir_writesTheCaCertificateThere(@org.junit.jupiter.api.io.TempDir Path directory) {
        Run run = run(simulator -> { }, "serve", "--state-dir", directory.toString());

        assertThat(value(run.out(), "ca-certificate")).isEqualTo(directory.resolve("ca-certificate.pem").toString());
        assertThat(directory.resolve("ca-certificate.pem")).exists();
    }

    @Test
    void serveHelp_describesTheOptions() {
        Run run = run(simulator -> { }, "serve", "--help");

        assertThat(run.exitCode()).isZero();
        assertThat(String.join("\n", run.out())).contains("--port").contains("--http").contains("--seed")
                .contains("Usage: devpay-ls serve");
    }

    @Test
    void topLevelHelp_listsServe() {
        Run run = run(simulator -> { }, "--help");

        assertThat(run.exitCode()).isZero();
        assertThat(String.join("\n", run.out())).contains("Usage: devpay-ls").contains("serve");
    }

    @Test
    void unknownOption_failsWithUsageOnStandardError() {
        Run run = run(simulator -> { }, "serve", "--no-such-option");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--no-such-option");
    }

    @Test
    void configureLogging_keepsALogbackConfigurationTheUserChose() {
        String property = "logback.configurationFile";
        String before = System.getProperty(property);
        try {
            System.setProperty(property, "/etc/my-logback.xml");
            Main.configureLogging();
            assertThat(System.getProperty(property)).isEqualTo("/etc/my-logback.xml");
        } finally {
            if (before == null) {
                System.clearProperty(property);
            } else {
                System.setProperty(property, before);
            }
        }
    }

    @Test
    void configureLogging_shipsNoLogbackFileForTheLibrary() {
        assertThat(Main.class.getClassLoader().getResource("logback.xml")).as("no root logback.xml in the library")
                .isNull();
    }
}
