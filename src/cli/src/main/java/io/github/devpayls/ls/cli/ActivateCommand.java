package io.github.devpayls.ls.cli;

import io.github.devpayls.ls.ActivationKey;
import io.github.devpayls.ls.ActivationResult;
import io.github.devpayls.ls.InvalidInputException;
import io.github.devpayls.ls.LicenseServiceClient;
import io.github.devpayls.ls.NoAnswerException;
import io.github.devpayls.ls.ProductToken;
import io.github.devpayls.ls.store.CredentialStore;
import io.github.devpayls.ls.store.CredentialStoreException;
import io.github.devpayls.ls.store.DesktopActivation;
import io.github.devpayls.ls.store.ProductKey;
import io.github.devpayls.ls.store.StoredCredentials;
import io.github.devpayls.ls.store.SubscriptionPolling;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * {@code devpay-ls activate}: calls ActivateDesktopProduct through the library's lifecycle and, on
 * success, stores the set for the product. Secrets are never taken from the command line except
 * the short-lived activation key, and never printed.
 */
@Command(name = "activate", mixinStandardHelpOptions = true, sortOptions = false,
        header = "Activates a product with a customer's key; stores the set.",
        description = {"Activates a desktop product with a customer's activation key and stores the",
            "credential set (masked in the output) in the credential store.",
            "The product token comes from --product-token-file or $" + CliEnvironment.PRODUCT_TOKEN_VARIABLE + ";",
            "the activation key from --activation-key, $" + CliEnvironment.ACTIVATION_KEY_VARIABLE
                + " or a prompt without echo."})
final class ActivateCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private StoreOptions store;

    @Mixin
    private ServiceOptions service;

    @Option(names = "--activation-key", paramLabel = "KEY",
            description = "The customer's activation key (visible to ps; prefer the prompt or $"
                    + CliEnvironment.ACTIVATION_KEY_VARIABLE + ").")
    private String activationKey;

    @Option(names = "--token-expiration", paramLabel = "DURATION", converter = TokenExpirationConverter.class,
            description = "Lifetime of the user token, e.g. 3600s, 90m, 12h, 30d or PT1H (default: never expires).")
    private Duration tokenExpiration;

    @Option(names = "--wait-for-subscription", paramLabel = "DURATION", arity = "0..1",
            fallbackValue = DEFAULT_WAIT_TEXT, converter = TokenExpirationConverter.class,
            description = {"After activating, poll until the customer is subscribed (every 30 s, backing off"
                    + " while the service is throttled), at most DURATION (default " + DEFAULT_WAIT_TEXT + ").",
                "Exit 3 if still not subscribed then."})
    private Duration waitForSubscription;

    @Option(names = "--json", description = "Print the outcome as one JSON object on standard output.")
    private boolean json;

    /** {@link SubscriptionPolling#DEFAULT_WAIT} as the option's text (an annotation needs a constant). */
    static final String DEFAULT_WAIT_TEXT = "20m";

    private final CliEnvironment environment;

    // Set once the set is stored, read by the Ctrl-C hook: from then on the outcome is "activated, pending".
    private volatile boolean activatedAndWaiting;

    ActivateCommand(CliEnvironment environment) {
        this.environment = environment;
    }

    private InterruptGuard guard;

    @Override
    public Integer call() {
        guard = InterruptGuard.install(() -> print(activatedAndWaiting
                ? Report.of("interrupted").put("stored", true).put("message", "interrupted (Ctrl-C) while waiting"
                        + " for the subscription; the set is stored but not verified as subscribed: run verify later")
                : Report.of("interrupted").put("stored", false).put("message",
                "interrupted (Ctrl-C) before an outcome; the stored set is unchanged. The service may have issued "
                        + "a set that is now lost: activate again")));
        try {
            return activate();
        } finally {
            guard.outputDone();
            guard.uninstall();
        }
    }

    private Integer activate() {
        try {
            ProductKey productKey = store.productKey();
            ProductToken productToken = service.productToken(environment);
            ActivationKey key = ActivationKey.of(activationKey());
            CredentialStore credentialStore = store.open();
            try (LicenseServiceClient client = service.client()) {
                try {
                    credentialStore.checkWritable(productKey);
                } catch (CredentialStoreException e) {
                    // Found before anything is sent: a configuration error, not a lost set.
                    print(Report.of("invalid-input").put("field", "store")
                            .put("rule", "must be writable: " + e.getMessage()));
                    return ExitCodes.INVALID_INPUT;
                }
                DesktopActivation activation = DesktopActivation.builder().client(client)
                        .store(guard.guarding(credentialStore))
                        .productKey(productKey).productToken(productToken).tokenExpiration(tokenExpiration).build();
                ActivationResult result = activation.activate(key);
                if (result instanceof ActivationResult.Activated activated) {
                    return activated(activation, activated, productKey);
                }
                print(Report.rejected(((ActivationResult.Rejected) result).error()));
                return ExitCodes.ACTION_NEEDED;
            }
        } catch (RuntimeException e) {
            return CommandFailures.report(e, this::print);
        }
    }

    /** Reports the stored set; with {@code --wait-for-subscription}, first waits for the gate. */
    private int activated(DesktopActivation activation, ActivationResult.Activated activated, ProductKey productKey) {
        int exit = ExitCodes.OK;
        String waitFailure = null;
        if (waitForSubscription != null) {
            activatedAndWaiting = true;
            try {
                exit = activation.awaitSubscription(waitForSubscription).isReadyForS3()
                        ? ExitCodes.OK : ExitCodes.ACTION_NEEDED;
            } catch (NoAnswerException e) {
                // The set is stored: report it, with why the gate could not be checked.
                exit = CommandFailures.exitCode(e);
                waitFailure = e.getMessage();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                exit = ExitCodes.INTERRUPTED;
            }
        }
        // The set just written, read back: what the application will find there.
        StoredCredentials stored = (StoredCredentials) activation.current();
        if (guard.claimOutput()) {
            Report report = Report.activated(activated, stored.entry(), store.location(productKey));
            if (waitForSubscription != null) {
                report.put("waitedUpTo", waitForSubscription.toString()).put("message", waitFailure);
            }
            report.print(spec.commandLine().getOut(), json);
        }
        return exit;
    }

    /** Failures go to standard error as text, or to standard output as the one JSON object. */
    private void print(Report report) {
        if (report.isInterruption() || guard == null || guard.claimOutput()) {
            report.print(json ? spec.commandLine().getOut() : spec.commandLine().getErr(), json);
        }
    }

    private String activationKey() {
        if (activationKey != null) {
            return activationKey;
        }
        Optional<String> fromEnvironment = environment.variable(CliEnvironment.ACTIVATION_KEY_VARIABLE);
        if (fromEnvironment.isPresent()) {
            return fromEnvironment.get();
        }
        return environment.prompt().flatMap(prompt -> prompt.read("Activation key"))
                .orElseThrow(() -> new InvalidInputException("activation key", "is required: give --activation-key, set "
                        + CliEnvironment.ACTIVATION_KEY_VARIABLE + " or run on a terminal to be asked"));
    }
}
