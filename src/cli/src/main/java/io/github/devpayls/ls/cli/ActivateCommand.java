package io.github.devpayls.ls.cli;

import io.github.devpayls.ls.ActivationKey;
import io.github.devpayls.ls.ActivationResult;
import io.github.devpayls.ls.InvalidInputException;
import io.github.devpayls.ls.LicenseServiceClient;
import io.github.devpayls.ls.NoAnswerException;
import io.github.devpayls.ls.ProductToken;
import io.github.devpayls.ls.ServiceUnavailableException;
import io.github.devpayls.ls.contract.LicenseServiceFacts;
import io.github.devpayls.ls.internal.BoundedFiles;
import io.github.devpayls.ls.store.CredentialStore;
import io.github.devpayls.ls.store.CredentialStoreException;
import io.github.devpayls.ls.store.DesktopActivation;
import io.github.devpayls.ls.store.ProductKey;
import io.github.devpayls.ls.store.StoredCredentials;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
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

    @Option(names = "--endpoint", paramLabel = "URL", defaultValue = LicenseServiceFacts.DEFAULT_ENDPOINT,
            description = "The License Service endpoint (default: ${DEFAULT-VALUE}).")
    private String endpoint;

    @Option(names = "--ca-file", paramLabel = "PEM",
            description = "Trust only the CA certificates in this PEM file (default: the JDK's trusted CAs).")
    private Path caFile;

    @Option(names = "--allow-insecure-loopback",
            description = "Allow an http:// endpoint, on 127.0.0.0/8, ::1 or localhost only (a local simulator).")
    private boolean allowInsecureLoopback;

    @Option(names = "--activation-key", paramLabel = "KEY",
            description = "The customer's activation key (visible to ps; prefer the prompt or $"
                    + CliEnvironment.ACTIVATION_KEY_VARIABLE + ").")
    private String activationKey;

    @Option(names = "--product-token-file", paramLabel = "FILE",
            description = "File holding the product token (default: $" + CliEnvironment.PRODUCT_TOKEN_VARIABLE + ").")
    private Path productTokenFile;

    @Option(names = "--token-expiration", paramLabel = "DURATION", converter = TokenExpirationConverter.class,
            description = "Lifetime of the user token, e.g. 3600s, 90m, 12h, 30d or PT1H (default: never expires).")
    private Duration tokenExpiration;

    @Option(names = "--json", description = "Print the outcome as one JSON object on standard output.")
    private boolean json;

    @Option(names = "--verbose", description = "Log the SOAP exchange (secrets masked) and retries to standard error.")
    private boolean verbose;

    private final CliEnvironment environment;

    ActivateCommand(CliEnvironment environment) {
        this.environment = environment;
    }

    private InterruptGuard guard;

    @Override
    public Integer call() {
        guard = InterruptGuard.install(() -> print(Report.of("interrupted").put("stored", false).put("message",
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
            ProductToken productToken = ProductToken.of(productToken());
            ActivationKey key = ActivationKey.of(activationKey());
            CredentialStore credentialStore = store.open();
            try (LicenseServiceClient client = client()) {
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
                    // The set just written, read back: what the application will find there.
                    StoredCredentials stored = (StoredCredentials) activation.current();
                    if (guard.claimOutput()) {
                        Report.activated(activated, stored.entry(), store.location(productKey))
                                .print(spec.commandLine().getOut(), json);
                    }
                    return ExitCodes.OK;
                }
                print(Report.rejected(((ActivationResult.Rejected) result).error()));
                return ExitCodes.ACTION_NEEDED;
            }
        } catch (InvalidInputException e) {
            print(Report.invalidInput(e));
            return ExitCodes.INVALID_INPUT;
        } catch (NoAnswerException e) {
            print(Report.noAnswer(e));
            return e instanceof ServiceUnavailableException ? ExitCodes.SERVICE_UNAVAILABLE : ExitCodes.NO_ANSWER;
        } catch (CredentialStoreException e) {
            print(Report.of("store-failed").put("message", e.getMessage()));
            return ExitCodes.STORE_FAILED;
        }
    }

    /** Failures go to standard error as text, or to standard output as the one JSON object. */
    private void print(Report report) {
        if (report.isInterruption() || guard == null || guard.claimOutput()) {
            report.print(json ? spec.commandLine().getOut() : spec.commandLine().getErr(), json);
        }
    }

    private LicenseServiceClient client() {
        LicenseServiceClient.Builder builder = LicenseServiceClient.builder().endpoint(endpoint)
                .allowInsecureLoopback(allowInsecureLoopback).logSoapMessages(verbose);
        if (caFile != null) {
            try {
                builder.trustPemCertificates(caFile);
            } catch (InvalidInputException e) {
                throw new InvalidInputException("ca-file", e.rule()); // the option's name, not the builder's
            }
        }
        return builder.build();
    }

    private String productToken() {
        if (productTokenFile != null) {
            try {
                byte[] bytes = BoundedFiles.read(productTokenFile, BoundedFiles.PRODUCT_TOKEN_FILE_MAX_BYTES);
                return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString().strip();
            } catch (BoundedFiles.RefusedFileException e) {
                throw new InvalidInputException("product-token-file", e.rule());
            } catch (CharacterCodingException e) {
                throw new InvalidInputException("product-token-file", "must be UTF-8 text: " + productTokenFile
                        + " is not");
            }
        }
        return environment.variable(CliEnvironment.PRODUCT_TOKEN_VARIABLE).orElseThrow(() -> new InvalidInputException(
                "product token", "is required: give --product-token-file FILE or set "
                        + CliEnvironment.PRODUCT_TOKEN_VARIABLE));
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
