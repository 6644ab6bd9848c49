package io.github.devpayls.ls.simulator;

import java.net.InetAddress;
import java.net.URI;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * A running License Service simulator: the SOAP endpoint of the contract on loopback, over HTTPS
 * with a throwaway CA (or plain HTTP when asked), answering from a seeded in-memory model.
 * Close it to stop the server, release hanging connections, free the port and delete its
 * temporary files.
 *
 * <pre>{@code
 * try (LicenseServiceSimulator sim = LicenseServiceSimulator.builder().start()) {
 *     FixtureProduct product = sim.fixtures().products().get(0);
 *     // call sim.endpoint() trusting sim.trustStore(), with product.activationKey() ...
 * }
 * }</pre>
 *
 * <p>The same endpoint speaks REST-Query (GET, or POST with the query in the URL or a form body)
 * for ActivateDesktopProduct, VerifyProductSubscriptionByTokens and RefreshUserToken, answering
 * with the contract's elements or an {@code ErrorResponse}. The two signed calls are checked for
 * real (signature version 1, against the key pairs this simulator issued, expiry by its clock);
 * SOAP requests are not signed and not checked. Subscriptions follow the vetting delay and can be
 * driven with {@link #subscriptions()}.
 */
public final class LicenseServiceSimulator implements AutoCloseable {

    private final LicenseServiceModel model;
    private final SeededFaultInjector faults;
    private final SimulatorServer server;

    private LicenseServiceSimulator(LicenseServiceModel model, SeededFaultInjector faults, SimulatorServer server) {
        this.model = model;
        this.faults = faults;
        this.server = server;
    }

    /** @return a builder with the defaults: ephemeral port, HTTPS, default seed, system UTC clock */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the SOAP endpoint, e.g. {@code https://127.0.0.1:40123/} */
    public URI endpoint() {
        return server.endpoint();
    }

    /** @return the endpoint's WSDL address ({@code ?wsdl}); its XSD is resolvable from it */
    public URI wsdlUrl() {
        return URI.create(server.endpoint() + "?wsdl");
    }

    /** @return the PEM file of the throwaway CA; empty in plain-HTTP mode */
    public Optional<Path> caCertificatePem() {
        return server.caCertificatePem();
    }

    /** @return an in-memory PKCS12 key store trusting the throwaway CA; empty in plain-HTTP mode */
    public Optional<KeyStore> trustStore() {
        return server.trustStore();
    }

    /**
     * A TLS context for test clients that trusts this simulator's throwaway CA and nothing else,
     * for clients that take an {@link SSLContext} (host names are still verified by the client).
     *
     * @return the context; empty in plain-HTTP mode
     */
    public Optional<SSLContext> clientSslContext() {
        return server.trustStore().map(store -> {
            try {
                TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
                trust.init(store);
                SSLContext context = SSLContext.getInstance("TLS");
                context.init(null, trust.getTrustManagers(), null);
                return context;
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("cannot build a TLS context trusting the simulator's CA", e);
            }
        });
    }

    /** @return the demo products and keys made at start, the same for the same seed */
    public SimulatorFixtures fixtures() {
        return model.fixtures();
    }

    /**
     * Creates a fresh activation key for a product, created now by the simulator's clock, for the
     * same demo customer as the fixtures' keys.
     *
     * @param productCode a fixture product's code
     * @return the key, valid for one hour of the clock
     * @throws IllegalArgumentException when no product has that code
     */
    public String mintActivationKey(String productCode) {
        return model.mintActivationKey(Objects.requireNonNull(productCode, "productCode"));
    }

    /** @return the fault script of this simulator */
    public FaultInjector faults() {
        return faults;
    }

    /** @return the subscriptions of the simulated customers, to decline, activate or cancel from a test */
    public Subscriptions subscriptions() {
        return new Subscriptions(model);
    }

    /**
     * @return how many calls reached the simulator, faulted ones included: every HTTP POST (SOAP or
     *         REST-Query) and every REST-Query GET; fetching the WSDL or XSD does not count
     */
    public int requestCount() {
        return server.requestCount();
    }

    /**
     * @param requestId the request id of an {@code ActivateDesktopProduct} success
     * @return the credential set that response carried; empty for any other request id
     */
    public Optional<IssuedCredentials> issuedFor(String requestId) {
        return model.issuedFor(Objects.requireNonNull(requestId, "requestId"));
    }

    /** Stops the server, releases hanging connections, frees the port and deletes temporary files. */
    @Override
    public void close() {
        server.close();
    }

    /** @return the endpoint, for logs */
    @Override
    public String toString() {
        return "LicenseServiceSimulator[" + server.endpoint() + "]";
    }

    /** Configures and starts a simulator. Not thread-safe; {@link #start()} may be called once per configuration. */
    public static final class Builder {

        private int port;
        private boolean plainHttp;
        private long seed = SimulatorFixtures.DEFAULT_SEED;
        private Clock clock = Clock.systemUTC();
        private Duration vettingDelay = SimulatorFacts.DEFAULT_VETTING_DELAY;
        private Duration refreshGracePeriod = SimulatorFacts.DEFAULT_REFRESH_GRACE_PERIOD;
        private Path stateDirectory;
        private InetAddress bindAddress = InetAddress.getLoopbackAddress();
        private boolean futureContract;

        private Builder() {
        }

        /**
         * @param futureContract {@code true} to grow every success answer, SOAP and REST-Query, by
         *                       every {@link ContractAddition} — the answers of a newer service a
         *                       2008-04-28 client must still read; faults and error bodies stay as
         *                       they are, and injected faults still apply
         * @return this builder
         */
        public Builder futureContract(boolean futureContract) {
            this.futureContract = futureContract;
            return this;
        }

        /**
         * @param port the TCP port, 0 (the default) for an ephemeral one
         * @return this builder
         */
        public Builder port(int port) {
            if (port < 0 || port > 65_535) {
                throw new IllegalArgumentException("not a port: " + port);
            }
            this.port = port;
            return this;
        }

        /**
         * @param plainHttp {@code true} to serve plain HTTP instead of HTTPS (loopback only)
         * @return this builder
         */
        public Builder plainHttp(boolean plainHttp) {
            this.plainHttp = plainHttp;
            return this;
        }

        /**
         * @param seed the seed of the fixtures and of every generated value
         * @return this builder
         */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /**
         * @param clock the clock of key expiry, token expiry and vetting
         * @return this builder
         */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * @param vettingDelay how long after the first activation a subscription becomes active
         * @return this builder
         */
        public Builder vettingDelay(Duration vettingDelay) {
            Objects.requireNonNull(vettingDelay, "vettingDelay");
            if (vettingDelay.isNegative()) {
                throw new IllegalArgumentException("vettingDelay must not be negative: " + vettingDelay);
            }
            this.vettingDelay = vettingDelay;
            return this;
        }

        /**
         * @param refreshGracePeriod how long a user token keeps working after RefreshUserToken issued
         *                           a newer version; 15 minutes by default
         * @return this builder
         */
        public Builder refreshGracePeriod(Duration refreshGracePeriod) {
            Objects.requireNonNull(refreshGracePeriod, "refreshGracePeriod");
            if (refreshGracePeriod.isNegative()) {
                throw new IllegalArgumentException("refreshGracePeriod must not be negative: " + refreshGracePeriod);
            }
            this.refreshGracePeriod = refreshGracePeriod;
            return this;
        }

        /**
         * @param stateDirectory where {@code ca-certificate.pem} is written (created if needed, kept
         *                       on close); by default a temporary directory deleted on close
         * @return this builder
         */
        public Builder stateDirectory(Path stateDirectory) {
            this.stateDirectory = Objects.requireNonNull(stateDirectory, "stateDirectory");
            return this;
        }

        /**
         * @param bindAddress the address to listen on; loopback by default. Plain HTTP refuses any
         *                    other; the certificate names only {@code 127.0.0.1} and {@code localhost}.
         * @return this builder
         */
        public Builder bindAddress(InetAddress bindAddress) {
            this.bindAddress = Objects.requireNonNull(bindAddress, "bindAddress");
            return this;
        }

        /**
         * Starts the simulator: makes the fixtures and (for HTTPS) the certificates, binds the
         * port and publishes the endpoint.
         *
         * @return the running simulator
         * @throws IllegalArgumentException when plain HTTP is asked for on a non-loopback address
         * @throws IllegalStateException    when the server cannot start (e.g. the port is taken)
         */
        public LicenseServiceSimulator start() {
            if (plainHttp && !bindAddress.isLoopbackAddress()) {
                throw new IllegalArgumentException(
                        "plain HTTP is served on loopback only, not on " + bindAddress.getHostAddress());
            }
            LicenseServiceModel model = new LicenseServiceModel(seed, clock, vettingDelay, refreshGracePeriod);
            SeededFaultInjector faults = new SeededFaultInjector(new SeededValues(seed ^ SimulatorFacts.FAULT_SEED_SALT));
            SimulatorServer server = SimulatorServer.start(
                    new SimulatorServer.Settings(port, plainHttp, bindAddress, Optional.ofNullable(stateDirectory),
                            futureContract ? ContractAddition.all() : Set.of()),
                    model, faults);
            return new LicenseServiceSimulator(model, faults, server);
        }
    }

}
