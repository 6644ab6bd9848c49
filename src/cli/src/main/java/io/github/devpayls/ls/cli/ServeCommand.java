package io.github.devpayls.ls.cli;

import io.github.devpayls.ls.simulator.FixtureCustomer;
import io.github.devpayls.ls.simulator.FixtureProduct;
import io.github.devpayls.ls.simulator.LicenseServiceSimulator;
import io.github.devpayls.ls.simulator.SimulatorFixtures;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/**
 * {@code devpay-ls serve}: starts the License Service simulator on loopback, prints where it is
 * and its demo fixtures, one {@code name: value} per line, and serves until interrupted.
 */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Runs the License Service simulator on 127.0.0.1 until interrupted.",
            "Prints the endpoint, the WSDL address, the CA certificate file and, per demo",
            "product, its product token, a valid activation key and an expired one, then the",
            "fixture customers whose key pairs sign REST-Query calls (one subscribed, one pending).",
            "Activations with the printed keys become subscribed after --vetting-delay, or never",
            "with --decline-card."})
final class ServeCommand implements Callable<Integer> {

    /** How long {@code serve} keeps the simulator running once it has printed its details. */
    @FunctionalInterface
    interface Lifetime {
        /**
         * Returns when the simulator should stop; it is closed afterwards.
         *
         * @param simulator the running simulator
         * @throws InterruptedException when interrupted while waiting
         */
        void await(LicenseServiceSimulator simulator) throws InterruptedException;
    }

    @Spec
    private CommandSpec spec;

    @Option(names = "--port", paramLabel = "N", description = "TCP port on 127.0.0.1 (default: an ephemeral port).")
    private int port;

    @Option(names = "--http", description = "Serve plain HTTP instead of HTTPS (loopback only).")
    private boolean http;

    @Option(names = "--seed", paramLabel = "S",
            description = "Seed of the demo products, tokens and keys (default: ${DEFAULT-VALUE}).")
    private long seed = SimulatorFixtures.DEFAULT_SEED;

    @Option(names = "--state-dir", paramLabel = "DIR",
            description = "Directory for ca-certificate.pem, kept on exit (default: a temporary directory).")
    private Path stateDirectory;

    @Option(names = "--vetting-delay", paramLabel = "DURATION", converter = TokenExpirationConverter.class,
            description = "How long after activation a subscription becomes active, e.g. 30s, 15m (default: 0s).")
    private Duration vettingDelay = Duration.ZERO;

    @Option(names = "--decline-card",
            description = "Decline the card of the customer the printed activation keys belong to: "
                    + "activation succeeds, the subscription never becomes active.")
    private boolean declineCard;

    @Option(names = "--future-contract",
            description = "Answer every success with elements and attributes a newer service could add "
                    + "(in the result, ResponseMetadata, the SOAP header, a foreign namespace), as "
                    + "soapui/AmazonLS-future-contract-soapui-project.xml expects.")
    private boolean futureContract;

    private final Lifetime lifetime;

    ServeCommand(Lifetime lifetime) {
        this.lifetime = lifetime;
    }

    /** Serves until the JVM shuts down (Ctrl-C, SIGTERM); the shutdown hook closes the simulator. */
    static Lifetime untilShutdown() {
        return simulator -> {
            CountDownLatch stopped = new CountDownLatch(1);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                simulator.close();
                stopped.countDown();
            }, "devpay-ls-serve-shutdown"));
            stopped.await();
        };
    }

    @Override
    public Integer call() throws InterruptedException {
        LicenseServiceSimulator.Builder builder = LicenseServiceSimulator.builder().port(port).plainHttp(http).seed(seed)
                .vettingDelay(vettingDelay).futureContract(futureContract);
        if (stateDirectory != null) {
            builder.stateDirectory(stateDirectory);
        }
        try (LicenseServiceSimulator simulator = builder.start()) {
            if (declineCard) {
                simulator.subscriptions().decline(simulator.fixtures().activationCustomerId());
            }
            PrintWriter out = spec.commandLine().getOut();
            out.println("endpoint: " + simulator.endpoint());
            out.println("wsdl: " + simulator.wsdlUrl());
            simulator.caCertificatePem().ifPresent(pem -> out.println("ca-certificate: " + pem.toAbsolutePath()));
            for (FixtureProduct product : simulator.fixtures().products()) {
                String code = product.productCode();
                out.println("product-token[" + code + "]: " + product.productToken());
                out.println("activation-key[" + code + "]: " + product.activationKey());
                out.println("expired-activation-key[" + code + "]: " + product.expiredActivationKey());
            }
            // Simulator fixtures, not real credentials: printed like the activation keys above, so a
            // REST-Query client or SoapUI can sign with them.
            printCustomer(out, "subscribed-customer", simulator.fixtures().subscribedCustomer());
            printCustomer(out, "pending-customer", simulator.fixtures().pendingCustomer());
            out.println("subscriptions: " + (declineCard ? "card declined, activations never become subscribed"
                    : "activations become subscribed " + vettingDelay.toSeconds() + "s after activation")
                    + " (--vetting-delay, --decline-card)");
            out.flush();
            lifetime.await(simulator);
        }
        return 0;
    }

    private static void printCustomer(PrintWriter out, String label, FixtureCustomer customer) {
        out.println(label + ".access-key-id: " + customer.accessKeyId());
        out.println(label + ".secret-access-key: " + customer.secretAccessKey());
        out.println(label + ".user-token: " + customer.userToken());
    }
}
