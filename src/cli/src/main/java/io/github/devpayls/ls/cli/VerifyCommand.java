package io.github.devpayls.ls.cli;

import io.github.devpayls.ls.LicenseServiceClient;
import io.github.devpayls.ls.store.DesktopActivation;
import io.github.devpayls.ls.store.ProductKey;
import io.github.devpayls.ls.store.SubscriptionCheck;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code devpay-ls verify}: asks the service whether the customer of the stored set is subscribed
 * (VerifyProductSubscriptionByTokens, signed with the stored keys) and records the answer in the
 * store. Exit 0 only when subscribed: the gate a product passes before using S3.
 */
@Command(name = "verify", mixinStandardHelpOptions = true, sortOptions = false,
        header = "Checks whether the customer is subscribed; records the answer.",
        description = {"Asks the License Service whether the customer of the stored credential set is",
            "subscribed to the product (the gate before using Amazon S3) and records the answer",
            "with the set. Exit 0: subscribed; exit 3: not (yet) subscribed, rejected, or no set stored."})
final class VerifyCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private StoreOptions store;

    @Mixin
    private ServiceOptions service;

    @Option(names = "--json", description = "Print the outcome as one JSON object on standard output.")
    private boolean json;

    private final CliEnvironment environment;

    VerifyCommand(CliEnvironment environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() {
        try {
            ProductKey productKey = store.productKey();
            DesktopActivation.Builder lifecycle = DesktopActivation.builder().store(store.open()).productKey(productKey)
                    .productToken(service.productToken(environment));
            try (LicenseServiceClient client = service.client()) {
                SubscriptionCheck check = lifecycle.client(client).build().verify();
                Report report = Report.verification(productKey.value(), check);
                boolean answered = check instanceof SubscriptionCheck.Verified verified
                        && !(verified.answer() instanceof io.github.devpayls.ls.SubscriptionResult.Rejected);
                report.print(json || answered ? spec.commandLine().getOut() : spec.commandLine().getErr(), json);
                return check.isReadyForS3() ? ExitCodes.OK : ExitCodes.ACTION_NEEDED;
            }
        } catch (RuntimeException e) {
            return CommandFailures.report(e, this::printFailure);
        }
    }

    private void printFailure(Report report) {
        report.print(json ? spec.commandLine().getOut() : spec.commandLine().getErr(), json);
    }
}
