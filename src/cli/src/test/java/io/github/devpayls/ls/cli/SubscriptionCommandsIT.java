package io.github.devpayls.ls.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.devpayls.ls.simulator.FixtureProduct;
import io.github.devpayls.ls.simulator.InjectedFault;
import io.github.devpayls.ls.simulator.LicenseServiceSimulator;
import io.github.devpayls.ls.store.CredentialStore;
import io.github.devpayls.ls.store.ProductKey;
import io.github.devpayls.ls.store.StoredCredentials;
import io.github.devpayls.ls.store.SubscriptionStatus;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code verify}, {@code refresh}, {@code activate --wait-for-subscription} and the last
 * verification in {@code status}, in-process against the simulator over HTTPS.
 */
class SubscriptionCommandsIT {

    @TempDir
    Path directory;

    private LicenseServiceSimulator simulator = LicenseServiceSimulator.builder().vettingDelay(Duration.ofHours(1)).start();
    private final FixtureProduct product = simulator.fixtures().products().get(0);
    private final Map<String, String> environment = Map.of(CliEnvironment.PRODUCT_TOKEN_VARIABLE, product.productToken());

    @AfterEach
    void stop() {
        simulator.close();
    }

    private CommandRun run(String command, String... extra) {
        List<String> args = new ArrayList<>(List.of(command, "--product", product.productCode(),
                "--store", directory.toString()));
        if (!command.equals("status")) {
            args.addAll(List.of("--endpoint", simulator.endpoint().toString(),
                    "--ca-file", simulator.caCertificatePem().orElseThrow().toString()));
        }
        args.addAll(List.of(extra));
        return CommandRun.run(environment, args.toArray(String[]::new));
    }

    private String activate() {
        CommandRun activated = run("activate", "--activation-key", simulator.mintActivationKey(product.productCode()));
        assertThat(activated.exitCode()).as(activated.err()).isZero();
        return simulator.issuedFor(activated.outValue("request-id")).orElseThrow().customerId();
    }

    private StoredCredentials stored() {
        return (StoredCredentials) CredentialStore.inFiles().directory(directory).build()
                .read(ProductKey.of(product.productCode()));
    }

    private void assertNoSecretIn(CommandRun run) {
        StoredCredentials stored = stored();
        assertThat(run.all()).doesNotContain(stored.credentials().userToken().reveal())
                .doesNotContain(stored.credentials().secretAccessKey().reveal())
                .doesNotContain(product.productToken().substring(20));
    }

    @Test
    void verify_whilePending_exitsThree_andOnceSubscribed_exitsZero_recordingEachAnswer() {
        String customer = activate();

        CommandRun pending = run("verify");
        CommandRun pendingStatus = run("status");
        simulator.subscriptions().activateNow(customer, product.productCode());
        CommandRun subscribed = run("verify", "--json");

        assertThat(pending.exitCode()).as(pending.err()).isEqualTo(ExitCodes.ACTION_NEEDED);
        assertThat(pending.outValue("outcome")).isEqualTo("not-subscribed");
        assertThat(pending.outValue("ready-for-s3")).isEqualTo("false");
        assertThat(pendingStatus.exitCode()).isZero();
        assertThat(pendingStatus.outValue("subscription")).isEqualTo("NOT_SUBSCRIBED");
        assertThat(pendingStatus.outValue("verified-at")).isNotEqualTo("never");
        assertThat(subscribed.exitCode()).as(subscribed.err()).isZero();
        assertThat(subscribed.out()).contains("\"outcome\":\"subscribed\"", "\"readyForS3\":true");
        assertThat(run("status").outValue("subscription")).isEqualTo("SUBSCRIBED");
        assertThat(stored().isReadyForS3()).isTrue();
        assertNoSecretIn(pending);
        assertNoSecretIn(subscribed);
    }

    @Test
    void verify_withNothingStored_exitsThree_andSendsNothing() {
        int before = simulator.requestCount();

        CommandRun run = run("verify");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.ACTION_NEEDED);
        assertThat(run.err()).contains("outcome: activation-needed", "reason: NONE_STORED");
        assertThat(simulator.requestCount()).isEqualTo(before);
    }

    @Test
    void verify_whenThrottledThroughEveryRetry_exitsFour() {
        activate();
        simulator.faults().injectNext(10, InjectedFault.throttle());

        CommandRun run = run("verify", "--json");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.SERVICE_UNAVAILABLE);
        assertThat(run.out()).contains("\"outcome\":\"service-unavailable\"");
    }

    @Test
    void refresh_replacesTheStoredToken_keepingTheKeyPair() {
        activate();
        StoredCredentials before = stored();

        CommandRun run = run("refresh");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.outValue("outcome")).isEqualTo("refreshed");
        StoredCredentials after = stored();
        assertThat(after.credentials().userToken()).isNotEqualTo(before.credentials().userToken());
        assertThat(after.credentials().accessKeyId()).isEqualTo(before.credentials().accessKeyId());
        assertThat(run.outValue("access-key-id")).isEqualTo(before.credentials().accessKeyId());
        assertNoSecretIn(run);
        assertThat(run.all()).doesNotContain(before.credentials().userToken().reveal());
    }

    @Test
    void activate_waitingForSubscription_whenVettingIsOver_exitsZeroReadyForS3() {
        simulator.close();
        simulator = LicenseServiceSimulator.builder().start();

        CommandRun run = run("activate", "--activation-key", simulator.mintActivationKey(product.productCode()),
                "--wait-for-subscription", "--json");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("\"outcome\":\"activated\"", "\"subscription\":\"SUBSCRIBED\"",
                "\"readyForS3\":true", "\"waitedUpTo\":\"PT20M\"");
        assertThat(stored().subscription()).isEqualTo(SubscriptionStatus.SUBSCRIBED);
    }

    @Test
    void activate_waitingForSubscription_whenStillVettingAtTheTimeout_exitsThreeWithTheSetStored() {
        CommandRun run = run("activate", "--activation-key", simulator.mintActivationKey(product.productCode()),
                "--wait-for-subscription=1s");

        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.ACTION_NEEDED);
        assertThat(run.outValue("outcome")).isEqualTo("activated");
        assertThat(run.outValue("subscription")).isEqualTo("NOT_SUBSCRIBED");
        assertThat(stored().subscription()).isEqualTo(SubscriptionStatus.NOT_SUBSCRIBED);
    }

    @Test
    void waitDefault_isTheLibrarysDecidedWait() {
        assertThat(new TokenExpirationConverter().convert(ActivateCommand.DEFAULT_WAIT_TEXT))
                .isEqualTo(io.github.devpayls.ls.store.SubscriptionPolling.DEFAULT_WAIT);
    }
}
