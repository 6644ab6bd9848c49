package io.github.devpayls.ls.cli;

import io.github.devpayls.ls.InvalidInputException;
import io.github.devpayls.ls.store.CredentialLookup;
import io.github.devpayls.ls.store.ProductKey;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

/**
 * {@code devpay-ls status}: what the store holds for a product (secrets masked), whether the
 * product may use it and, if not, why. Reads only; never contacts the service.
 */
@Command(name = "status", mixinStandardHelpOptions = true, sortOptions = false,
        header = "Shows whether the stored credential set of a product is usable.",
        description = {"Shows what the credential store holds for a product (secrets masked), whether",
            "it is usable and, if not, why (exit 3: the product needs a new activation)."})
final class StatusCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private StoreOptions store;

    @Option(names = "--json", description = "Print the status as one JSON object on standard output.")
    private boolean json;

    @Override
    public Integer call() {
        try {
            ProductKey productKey = store.productKey();
            CredentialLookup lookup = store.open().read(productKey);
            Report.status(productKey.value(), store.location(productKey), lookup)
                    .print(spec.commandLine().getOut(), json);
            return lookup.isUsable() ? ExitCodes.OK : ExitCodes.ACTION_NEEDED;
        } catch (InvalidInputException e) {
            Report.invalidInput(e).print(json ? spec.commandLine().getOut() : spec.commandLine().getErr(), json);
            return ExitCodes.INVALID_INPUT;
        }
    }
}
