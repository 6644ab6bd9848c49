package io.github.devpayls.ls.cli;

import io.github.devpayls.ls.LicenseServiceClient;
import io.github.devpayls.ls.store.DesktopActivation;
import io.github.devpayls.ls.store.ProductKey;
import io.github.devpayls.ls.store.TokenRefresh;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code devpay-ls refresh}: gets the latest version of the stored user token (RefreshUserToken,
 * signed with the stored keys) and replaces it in the store, the set kept a unit.
 */
@Command(name = "refresh", mixinStandardHelpOptions = true, sortOptions = false,
        header = "Gets the latest user token and stores it with the same keys.",
        description = {"Asks the License Service for the latest version of the stored user token and",
            "replaces it in the credential store, keeping the key pair (secrets masked in the output).",
            "Exit 3: rejected (e.g. the token is no longer valid: activate again) or no set stored."})
final class RefreshCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private StoreOptions store;

    @Mixin
    private ServiceOptions service;

    @Option(names = "--json", description = "Print the outcome as one JSON object on standard output.")
    private boolean json;

    private final CliEnvironment environment;

    RefreshCommand(CliEnvironment environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() {
        try {
            ProductKey productKey = store.productKey();
            DesktopActivation.Builder lifecycle = DesktopActivation.builder().store(store.open()).productKey(productKey)
                    .productToken(service.productToken(environment));
            try (LicenseServiceClient client = service.client()) {
                TokenRefresh refresh = lifecycle.client(client).build().refresh();
                boolean stored = refresh instanceof TokenRefresh.Refreshed || refresh instanceof TokenRefresh.Superseded;
                Report.refresh(productKey.value(), store.location(productKey), refresh)
                        .print(json || stored ? spec.commandLine().getOut() : spec.commandLine().getErr(), json);
                return stored ? ExitCodes.OK : ExitCodes.ACTION_NEEDED;
            }
        } catch (RuntimeException e) {
            return CommandFailures.report(e, this::printFailure);
        }
    }

    private void printFailure(Report report) {
        report.print(json ? spec.commandLine().getOut() : spec.commandLine().getErr(), json);
    }
}
