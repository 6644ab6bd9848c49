package io.github.devpayls.ls.cli;

import io.github.devpayls.ls.store.DesktopActivation;
import io.github.devpayls.ls.store.ProductKey;
import io.github.devpayls.ls.store.TokenRefresh;
import picocli.CommandLine.Command;

/**
 * {@code devpay-ls refresh}: gets the latest version of the stored user token (RefreshUserToken,
 * signed with the stored keys) and replaces it in the store, the set kept a unit.
 */
@Command(name = "refresh", mixinStandardHelpOptions = true, sortOptions = false,
        header = "Gets the latest user token and stores it with the same keys.",
        description = {"Asks the License Service for the latest version of the stored user token and",
            "replaces it in the credential store, keeping the key pair (secrets masked in the output).",
            "Exit 3: rejected (e.g. the token is no longer valid: activate again) or no set stored."})
final class RefreshCommand extends StoredSetCommand {

    RefreshCommand(CliEnvironment environment) {
        super(environment);
    }

    @Override
    int run(ProductKey productKey, DesktopActivation activation) {
        TokenRefresh refresh = activation.refresh();
        boolean stored = refresh instanceof TokenRefresh.Refreshed || refresh instanceof TokenRefresh.Superseded;
        print(Report.refresh(productKey.value(), storeLocation(productKey), refresh), stored);
        return stored ? ExitCodes.OK : ExitCodes.ACTION_NEEDED;
    }
}
