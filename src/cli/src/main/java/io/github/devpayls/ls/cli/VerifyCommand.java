package io.github.devpayls.ls.cli;

import io.github.devpayls.ls.SubscriptionResult;
import io.github.devpayls.ls.store.DesktopActivation;
import io.github.devpayls.ls.store.ProductKey;
import io.github.devpayls.ls.store.SubscriptionCheck;
import picocli.CommandLine.Command;

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
final class VerifyCommand extends StoredSetCommand {

    VerifyCommand(CliEnvironment environment) {
        super(environment);
    }

    @Override
    int run(ProductKey productKey, DesktopActivation activation) {
        SubscriptionCheck check = activation.verify();
        boolean answered = check instanceof SubscriptionCheck.Verified verified
                && !(verified.answer() instanceof SubscriptionResult.Rejected);
        print(Report.verification(productKey.value(), check), answered);
        return check.isReadyForS3() ? ExitCodes.OK : ExitCodes.ACTION_NEEDED;
    }
}
