package io.github.devpayls.ls.cli;

import io.github.devpayls.ls.ActivationKey;
import io.github.devpayls.ls.ActivationResult;
import io.github.devpayls.ls.LicenseServiceClient;
import io.github.devpayls.ls.NoAnswerException;
import io.github.devpayls.ls.ProductToken;
import io.github.devpayls.ls.simulator.FixtureProduct;
import io.github.devpayls.ls.simulator.LicenseServiceSimulator;
import io.github.devpayls.ls.store.CredentialLookup;
import io.github.devpayls.ls.store.CredentialStore;
import io.github.devpayls.ls.store.CredentialStoreException;
import io.github.devpayls.ls.store.DesktopActivation;
import io.github.devpayls.ls.store.ProductKey;
import io.github.devpayls.ls.store.StoredCredentials;
import io.github.devpayls.ls.store.SubscriptionCheck;
import io.github.devpayls.ls.store.SubscriptionPolling;
import io.github.devpayls.ls.store.TokenRefresh;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

/**
 * {@code devpay-ls demo}: the whole path in one run, against the embedded simulator over HTTPS —
 * activate the fixture key through the library, store the set, pass the subscription gate (pending
 * right after activation, subscribed after the simulator's shortened vetting delay, then ready for
 * S3), refresh the user token, then show what a customer sees for an expired key. Every secret
 * printed is masked.
 */
@Command(name = "demo", mixinStandardHelpOptions = true, sortOptions = false,
        header = "Runs the whole activation path against an embedded simulator.",
        description = {"Starts the simulator over HTTPS, activates its demo key through the client",
            "(trusting only the simulator's CA, hostname checks on), stores the credentials, waits",
            "at the subscription gate until the (shortened) card vetting ends, refreshes the user",
            "token, and shows what a customer sees for an expired key. Secrets are masked."})
final class DemoCommand implements Callable<Integer> {

    /** The token lifetime the demo requests, so the stored set shows an expiry. */
    static final Duration DEMO_TOKEN_EXPIRATION = Duration.ofDays(30);
    /** The simulator's card vetting, shortened from a real service's minutes so the demo shows the gate quickly. */
    static final Duration DEMO_VETTING_DELAY = Duration.ofSeconds(3);
    /** The demo's polling, shortened in proportion (a real product polls every 30 s). */
    static final SubscriptionPolling DEMO_POLLING = new SubscriptionPolling(Duration.ofSeconds(1), Duration.ofSeconds(4));
    /** How long the demo waits at the gate at most. */
    static final Duration DEMO_WAIT = Duration.ofSeconds(30);
    private static final int STEPS = 8;

    @Spec
    private CommandSpec spec;

    @Option(names = "--store", paramLabel = "DIR",
            description = "Keep the credential store in DIR (default: a temporary directory, deleted at the end).")
    private Path storeDirectory;

    @Option(names = "--verbose", description = "Log the SOAP exchange (secrets masked) to standard error.")
    private boolean verbose;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        Path directory = storeDirectory != null ? storeDirectory : Files.createTempDirectory("devpay-ls-demo-");
        try (LicenseServiceSimulator simulator = LicenseServiceSimulator.builder()
                .vettingDelay(DEMO_VETTING_DELAY).start()) {
            Path ca = simulator.caCertificatePem().orElseThrow();
            out.println(step(1) + "simulator started: " + simulator.endpoint() + " (card vetting takes "
                    + DEMO_VETTING_DELAY.toSeconds() + " s)");
            out.println("      throwaway CA: " + ca.toAbsolutePath());
            try (LicenseServiceClient client = LicenseServiceClient.builder().endpoint(simulator.endpoint())
                    .trustPemCertificates(ca).logSoapMessages(verbose).build()) {
                out.println(step(2) + "client: " + client.endpoint() + ", trusting only that CA, hostname checks on");
                return run(out, simulator, client, directory);
            }
        } catch (NoAnswerException e) {
            Report.noAnswer(e).print(spec.commandLine().getErr(), false);
            return ExitCodes.NO_ANSWER;
        } catch (CredentialStoreException e) {
            Report.of("store-failed").put("message", e.getMessage()).print(spec.commandLine().getErr(), false);
            return ExitCodes.STORE_FAILED;
        } finally {
            if (storeDirectory == null) {
                deleteRecursively(directory);
            }
            out.flush();
        }
    }

    private int run(PrintWriter out, LicenseServiceSimulator simulator, LicenseServiceClient client, Path directory) {
        FixtureProduct product = simulator.fixtures().products().get(0);
        ProductKey productKey = ProductKey.of(product.productCode());
        CredentialStore store = CredentialStore.inFiles().directory(directory).build();
        DesktopActivation activation = DesktopActivation.builder().client(client).store(store)
                .productKey(productKey).productToken(ProductToken.of(product.productToken()))
                .tokenExpiration(DEMO_TOKEN_EXPIRATION).subscriptionPolling(DEMO_POLLING).build();

        out.println(step(3) + "activating product " + productKey + " with the demo activation key "
                + ActivationKey.of(product.activationKey()) + ", token expiration " + DEMO_TOKEN_EXPIRATION);
        ActivationResult result = activation.activate(ActivationKey.of(product.activationKey()));
        if (!(result instanceof ActivationResult.Activated activated)) {
            printIndented(out, Report.rejected(((ActivationResult.Rejected) result).error()));
            return ExitCodes.INTERNAL_ERROR;
        }
        CredentialLookup stored = activation.current();
        // "usable" means activated; the gate below says whether the customer is subscribed.
        String location = store.entryLocation(productKey).map(Object::toString).orElseThrow();
        printIndented(out, Report.activated(activated, ((StoredCredentials) stored).entry(), location));

        out.println(step(4) + "verification right after activation (the card is still being vetted):");
        SubscriptionCheck pending = activation.verify();
        printIndented(out, Report.verification(productKey.value(), pending));
        out.println("      ready for S3: " + pending.isReadyForS3() + " -> the product must not use the set yet");

        out.println(step(5) + "waiting for the subscription (polling every " + DEMO_POLLING.interval().toSeconds()
                + " s, at most " + DEMO_WAIT.toSeconds() + " s):");
        SubscriptionCheck gate;
        try {
            gate = activation.awaitSubscription(DEMO_WAIT);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return ExitCodes.INTERRUPTED;
        }
        printIndented(out, Report.verification(productKey.value(), gate));
        if (!gate.isReadyForS3()) {
            out.println("      unexpected: still not subscribed");
            return ExitCodes.INTERNAL_ERROR;
        }
        out.println("      ready for S3: true -> the product may now call Amazon S3 with the stored set");

        out.println(step(6) + "status of the stored set (what 'devpay-ls status' shows):");
        printIndented(out, Report.status(productKey.value(), location, activation.current()));

        out.println(step(7) + "refreshing the user token (what 'devpay-ls refresh' does):");
        TokenRefresh refresh = activation.refresh();
        printIndented(out, Report.refresh(productKey.value(), location, refresh));
        if (!(refresh instanceof TokenRefresh.Refreshed)) {
            return ExitCodes.INTERNAL_ERROR;
        }
        out.println("      same key pair, new user token; the set stays subscribed: "
                + ((StoredCredentials) activation.current()).isReadyForS3());

        out.println(step(8) + "what a customer sees for an expired activation key:");
        ActivationResult expired = activation.activate(ActivationKey.of(product.expiredActivationKey()));
        if (!(expired instanceof ActivationResult.Rejected rejected)) {
            out.println("      unexpected: the expired key was accepted");
            return ExitCodes.INTERNAL_ERROR;
        }
        printIndented(out, Report.rejected(rejected.error()));
        out.println("      the stored set is unchanged: " + (activation.current().isUsable() ? "usable" : "not usable"));
        out.println("demo finished" + (storeDirectory == null ? "; temporary store deleted" : "; store kept in "
                + directory.toAbsolutePath()));
        return ExitCodes.OK;
    }

    private static String step(int number) {
        return "[" + number + "/" + STEPS + "] ";
    }

    private static void printIndented(PrintWriter out, Report report) {
        report.textLines().forEach(line -> out.println("      " + line));
    }

    private static void deleteRecursively(Path directory) {
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.deleteIfExists(path);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
