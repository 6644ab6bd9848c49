package io.github.devpayls.ls.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.devpayls.ls.simulator.FixtureProduct;
import io.github.devpayls.ls.simulator.InjectedFault;
import io.github.devpayls.ls.simulator.LicenseServiceSimulator;
import io.github.devpayls.ls.store.CredentialLookup;
import io.github.devpayls.ls.store.CredentialStore;
import io.github.devpayls.ls.store.ProductKey;
import io.github.devpayls.ls.store.StoredCredentials;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code devpay-ls activate} in-process against the simulator over HTTPS, with captured output. */
class ActivateCommandIT {

    private static LicenseServiceSimulator simulator;
    private static FixtureProduct product;

    @TempDir
    Path directory;

    private Map<String, String> environment;

    @BeforeAll
    static void start() {
        simulator = LicenseServiceSimulator.builder().start();
        product = simulator.fixtures().products().get(0);
    }

    @AfterAll
    static void stop() {
        simulator.close();
    }

    @BeforeEach
    void reset() {
        simulator.faults().clear();
        environment = Map.of(CliEnvironment.PRODUCT_TOKEN_VARIABLE, product.productToken());
    }

    private List<String> args(String... extra) {
        List<String> args = new ArrayList<>(List.of("activate", "--endpoint", simulator.endpoint().toString(),
                "--ca-file", simulator.caCertificatePem().orElseThrow().toString(),
                "--product", product.productCode(), "--store", directory.toString()));
        args.addAll(List.of(extra));
        return args;
    }

    private CommandRun activate(String... extra) {
        return CommandRun.run(environment, args(extra).toArray(String[]::new));
    }

    private CredentialLookup lookup() {
        return CredentialStore.inFiles().directory(directory).build().read(ProductKey.of(product.productCode()));
    }

    private StoredCredentials stored() {
        CredentialLookup lookup = lookup();
        assertThat(lookup).isInstanceOf(StoredCredentials.class);
        return (StoredCredentials) lookup;
    }

    /** Nothing secret in either stream: keys, product token and, once stored, the issued set. */
    private void assertNoSecretIn(CommandRun run) {
        assertThat(run.all()).doesNotContain(product.activationKey()).doesNotContain(product.expiredActivationKey())
                .doesNotContain(product.productToken().substring(20));
        if (lookup() instanceof StoredCredentials stored) {
            assertThat(run.all()).doesNotContain(stored.credentials().userToken().reveal())
                    .doesNotContain(stored.credentials().secretAccessKey().reveal());
        }
    }

    @Test
    void activate_withValidKey_storesTheSet_printsItMasked_andExitsZero() {
        CommandRun run = activate("--activation-key", product.activationKey(), "--token-expiration", "30d");

        assertThat(run.exitCode()).as(run.err()).isZero();
        StoredCredentials stored = stored();
        assertThat(run.outValue("outcome")).isEqualTo("activated");
        assertThat(run.outValue("product")).isEqualTo(product.productCode());
        assertThat(run.outValue("access-key-id")).isEqualTo(stored.credentials().accessKeyId());
        assertThat(run.outValue("user-token")).isEqualTo("**** (" + stored.credentials().userToken().length() + " chars)");
        assertThat(run.outValue("secret-access-key")).startsWith("**** (");
        assertThat(run.outValue("token-expiration")).isEqualTo("PT720H");
        assertThat(run.outValue("expires-at")).isEqualTo(stored.entry().expiresAt().orElseThrow().toString());
        assertThat(run.outValue("store")).isEqualTo(directory.toAbsolutePath().resolve(product.productCode()
                + ".credentials").toString());
        assertThat(stored.entry().tokenExpiration()).contains(Duration.ofDays(30));
        assertThat(run.err()).isEmpty();
        assertNoSecretIn(run);
    }

    @Test
    void activate_withJson_printsOneMaskedObject() {
        CommandRun run = activate("--activation-key", product.activationKey(), "--json");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out().lines()).hasSize(1);
        assertThat(run.out()).startsWith("{\"outcome\":\"activated\",\"product\":\"" + product.productCode() + "\"")
                .contains("\"userToken\":\"**** (").contains("\"expiresAt\":\"never\"")
                .contains("\"accessKeyId\":\"" + stored().credentials().accessKeyId() + "\"");
        assertNoSecretIn(run);
    }

    @Test
    void activate_withExpiredKey_exitsActionNeeded_withTheActionToTake_andKeepsTheOldSet() {
        activate("--activation-key", product.activationKey());
        StoredCredentials before = stored();

        CommandRun run = activate("--activation-key", product.expiredActivationKey());

        assertThat(run.exitCode()).isEqualTo(ExitCodes.ACTION_NEEDED);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).contains("outcome: rejected").contains("code: EXPIRED_ACTIVATION_KEY")
                .contains("raw-code: Client.ExpiredActivationKey").contains("action: ").contains("request-id: ");
        assertThat(stored()).isEqualTo(before);
        assertNoSecretIn(run);
    }

    @Test
    void activate_rejectedWithJson_printsTheErrorObjectOnStandardOutput() {
        CommandRun run = activate("--activation-key", product.expiredActivationKey(), "--json");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.ACTION_NEEDED);
        assertThat(run.out()).startsWith("{\"outcome\":\"rejected\",\"code\":\"EXPIRED_ACTIVATION_KEY\"")
                .contains("\"action\":\"");
        assertThat(run.err()).isEmpty();
    }

    @Test
    void activate_withoutKey_andAConsole_promptsForIt() {
        List<String> asked = new ArrayList<>();
        CommandRun run = CommandRun.run(environment, Optional.of(label -> {
            asked.add(label);
            return Optional.of(product.activationKey());
        }), args().toArray(String[]::new));

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(asked).containsExactly("Activation key");
        assertNoSecretIn(run);
    }

    @Test
    void activate_takesTheKeyFromTheEnvironment_andTheTokenFromAFile() throws Exception {
        Path tokenFile = Files.writeString(directory.resolve("token.txt"), product.productToken() + "\n");
        environment = Map.of(CliEnvironment.ACTIVATION_KEY_VARIABLE, product.activationKey());

        CommandRun run = activate("--product-token-file", tokenFile.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertNoSecretIn(run);
    }

    @Test
    void activate_withoutKey_orConsole_isInvalidInput() {
        CommandRun run = activate();

        assertThat(run.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(run.err()).contains("outcome: invalid-input").contains(CliEnvironment.ACTIVATION_KEY_VARIABLE);
    }

    @Test
    void activate_withoutProductToken_isInvalidInput_namingBothSources() {
        environment = Map.of();

        CommandRun run = activate("--activation-key", product.activationKey());

        assertThat(run.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(run.err()).contains("--product-token-file").contains(CliEnvironment.PRODUCT_TOKEN_VARIABLE);
    }

    @Test
    void activate_withInvalidInputs_sendsNothing_andExitsTwo() {
        int before = simulator.requestCount();

        List<CommandRun> runs = List.of(
                CommandRun.run(environment, "activate", "--product", "../etc", "--activation-key", "K"),
                activate("--activation-key", product.activationKey(), "--token-expiration", "0s"),
                activate("--activation-key", product.activationKey(), "--token-expiration", "soon"),
                CommandRun.run(Map.of(CliEnvironment.PRODUCT_TOKEN_VARIABLE, "not a token"),
                        args("--activation-key", product.activationKey()).toArray(String[]::new)));

        assertThat(runs).allSatisfy(run -> assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.INVALID_INPUT));
        assertThat(simulator.requestCount()).isEqualTo(before);
    }

    @Test
    void activate_overHttp_needsLoopbackAndTheExplicitFlag() {
        try (LicenseServiceSimulator plain = LicenseServiceSimulator.builder().plainHttp(true).start()) {
            String[] common = {"activate", "--endpoint", plain.endpoint().toString(), "--product",
                product.productCode(), "--store", directory.toString(), "--activation-key", product.activationKey()};

            CommandRun refused = CommandRun.run(environment, common);
            CommandRun notLoopback = CommandRun.run(environment, "activate", "--endpoint", "http://example.com/",
                    "--allow-insecure-loopback", "--product", product.productCode(), "--store", directory.toString(),
                    "--activation-key", product.activationKey());
            List<String> allowed = new ArrayList<>(List.of(common));
            allowed.add("--allow-insecure-loopback");
            CommandRun accepted = CommandRun.run(environment, allowed.toArray(String[]::new));

            assertThat(refused.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
            assertThat(refused.err()).contains("field: endpoint");
            assertThat(notLoopback.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
            assertThat(accepted.exitCode()).as(accepted.err()).isZero();
            assertThat(plain.requestCount()).isEqualTo(1);
        }
    }

    @Test
    void activate_whenThrottledThroughEveryRetry_exitsServiceUnavailable() {
        simulator.faults().injectNext(10, InjectedFault.throttle());

        CommandRun run = activate("--activation-key", product.activationKey(), "--json");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.SERVICE_UNAVAILABLE);
        assertThat(run.out()).startsWith("{\"outcome\":\"service-unavailable\",\"httpStatus\":503");
        assertThat(lookup().isUsable()).isFalse();
    }

    @Test
    void activate_whenTheAnswerIsNotSoap_exitsNoAnswer() {
        simulator.faults().injectNext(1, InjectedFault.html(500));

        CommandRun run = activate("--activation-key", product.activationKey());

        assertThat(run.exitCode()).isEqualTo(ExitCodes.NO_ANSWER);
        assertThat(run.err()).contains("outcome: protocol-failure");
        assertNoSecretIn(run);
    }

    @Test
    void activate_whenNothingListens_exitsNoAnswer_asTransportFailure() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }

        CommandRun run = CommandRun.run(environment, "activate", "--endpoint", "https://127.0.0.1:" + closedPort + "/",
                "--product", product.productCode(), "--store", directory.toString(),
                "--activation-key", product.activationKey());

        assertThat(run.exitCode()).isEqualTo(ExitCodes.NO_ANSWER);
        assertThat(run.err()).contains("outcome: transport-failure").contains("kind: CONNECT");
    }

    @Test
    void activate_withoutTrustingTheSimulatorsCa_failsTls_neverDowngrades() {
        CommandRun run = CommandRun.run(environment, "activate", "--endpoint", simulator.endpoint().toString(),
                "--product", product.productCode(), "--store", directory.toString(),
                "--activation-key", product.activationKey());

        assertThat(run.exitCode()).isEqualTo(ExitCodes.NO_ANSWER);
        assertThat(run.err()).contains("kind: TLS");
    }

    @Test
    void activate_whenTheStoreCannotBeWritten_exitsTwo_beforeSendingAnything() throws Exception {
        Path notADirectory = Files.writeString(directory.resolve("file"), "x");
        int before = simulator.requestCount();

        CommandRun run = CommandRun.run(environment, args("--activation-key", product.activationKey())
                .stream().map(arg -> arg.equals(directory.toString()) ? notADirectory.toString() : arg)
                .toArray(String[]::new));

        assertThat(run.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(run.err()).contains("outcome: invalid-input").contains("field: store")
                .contains("rule: must be writable: ").contains(notADirectory.toString());
        assertThat(simulator.requestCount()).isEqualTo(before);
        assertNoSecretIn(run);
    }

    @Test
    void activateHelp_listsEveryOption_andTheExitCodes() {
        CommandRun run = CommandRun.run(Map.of(), "activate", "--help");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("--endpoint", "--ca-file", "--allow-insecure-loopback", "--activation-key",
                "--product-token-file", "--token-expiration", "--product", "--store", "--json", "--verbose",
                CliEnvironment.PRODUCT_TOKEN_VARIABLE, "Exit codes:", "service unavailable")
                .doesNotContain("--product-token ");
    }
}
