package io.github.devpayls.ls.cli;

import io.github.devpayls.ls.LicenseServiceClient;
import io.github.devpayls.ls.store.DesktopActivation;
import io.github.devpayls.ls.store.ProductKey;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The set-up the commands that act on a stored credential set share ({@code verify},
 * {@code refresh}): the store and service options and {@code --json}, the product's lifecycle on
 * a client built from those options and closed afterwards, and failures reported the one way
 * ({@link CommandFailures}). A subclass says only what it does with the lifecycle.
 */
abstract class StoredSetCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private StoreOptions store;

    @Mixin
    private ServiceOptions service;

    @Option(names = "--json", description = "Print the outcome as one JSON object on standard output.")
    private boolean json;

    private final CliEnvironment environment;

    StoredSetCommand(CliEnvironment environment) {
        this.environment = environment;
    }

    @Override
    public final Integer call() {
        try {
            ProductKey productKey = store.productKey();
            DesktopActivation.Builder lifecycle = DesktopActivation.builder().store(store.open()).productKey(productKey)
                    .productToken(service.productToken(environment));
            try (LicenseServiceClient client = service.client()) {
                return run(productKey, lifecycle.client(client).build());
            }
        } catch (RuntimeException e) {
            return CommandFailures.report(e, report -> print(report, false));
        }
    }

    /**
     * @param productKey the product whose set is stored
     * @param activation its lifecycle over the command's store and client
     * @return the exit code
     */
    abstract int run(ProductKey productKey, DesktopActivation activation);

    /** @return where the stored set of {@code productKey} lives, for the report */
    final String storeLocation(ProductKey productKey) {
        return store.location(productKey);
    }

    /**
     * Prints a report: with {@code --json} always on standard output; otherwise an outcome on
     * standard output and anything that needs the user's action on standard error.
     */
    final void print(Report report, boolean outcome) {
        PrintWriter target = json || outcome ? spec.commandLine().getOut() : spec.commandLine().getErr();
        report.print(target, json);
    }
}
