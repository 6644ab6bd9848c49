package io.github.devpayls.ls.simulator;

import io.github.devpayls.ls.internal.LicenseServiceFacts;
import io.github.devpayls.ls.internal.XmlLimits;
import io.github.devpayls.ls.internal.contract.AmazonLSPortType;

import org.apache.cxf.Bus;
import org.apache.cxf.BusFactory;
import org.apache.cxf.bus.extension.ExtensionManagerBus;
import org.apache.cxf.jaxws.JaxWsServerFactoryBean;
import org.apache.cxf.transport.servlet.CXFNonSpringServlet;
import org.eclipse.jetty.ee11.servlet.ServletContextHandler;
import org.eclipse.jetty.ee11.servlet.ServletHolder;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.xml.namespace.QName;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

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
 * <p>Request signatures (SOAP WS-Security or AWS signatures) are not checked.
 */
public final class LicenseServiceSimulator implements AutoCloseable {

    private final LicenseServiceModel model;
    private final SeededFaultInjector faults;
    private final CountDownLatch closing;
    private final Server server;
    private final Bus bus;
    private final FaultInjectingHandler faultHandler;
    private final GracefulHandler requestsInFlight;
    private final URI endpoint;
    private final Optional<Path> caCertificatePem;
    private final Optional<KeyStore> trustStore;
    private final Optional<Path> temporaryStateDirectory;
    private boolean closed;

    private LicenseServiceSimulator(Started started) {
        this.model = started.model;
        this.faults = started.faults;
        this.closing = started.closing;
        this.server = started.server;
        this.bus = started.bus;
        this.faultHandler = started.faultHandler;
        this.requestsInFlight = started.requestsInFlight;
        this.endpoint = started.endpoint;
        this.caCertificatePem = started.caCertificatePem;
        this.trustStore = started.trustStore;
        this.temporaryStateDirectory = started.temporaryStateDirectory;
    }

    /** @return a builder with the defaults: ephemeral port, HTTPS, default seed, system UTC clock */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the SOAP endpoint, e.g. {@code https://127.0.0.1:40123/} */
    public URI endpoint() {
        return endpoint;
    }

    /** @return the endpoint's WSDL address ({@code ?wsdl}); its XSD is resolvable from it */
    public URI wsdlUrl() {
        return URI.create(endpoint + "?wsdl");
    }

    /** @return the PEM file of the throwaway CA; empty in plain-HTTP mode */
    public Optional<Path> caCertificatePem() {
        return caCertificatePem;
    }

    /** @return an in-memory PKCS12 key store trusting the throwaway CA; empty in plain-HTTP mode */
    public Optional<KeyStore> trustStore() {
        return trustStore;
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

    /** @return how many SOAP requests (HTTP POSTs) reached the simulator, faulted ones included */
    public int requestCount() {
        return faultHandler.requestCount();
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
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        closing.countDown();
        try {
            awaitRequestsInFlight();
            server.stop();
        } catch (Exception e) {
            throw new IllegalStateException("cannot stop the simulator", e);
        } finally {
            server.destroy();
            bus.shutdown(true);
            temporaryStateDirectory.ifPresent(LicenseServiceSimulator::deleteRecursively);
        }
    }

    /**
     * Lets requests in flight finish before the server stops (injected waits end at once when
     * closing), so CXF is never cut off writing an answer its client already has. Idle
     * keep-alive connections are not waited for.
     */
    private void awaitRequestsInFlight() {
        try {
            requestsInFlight.shutdown().get(SimulatorFacts.STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            // A request that will not finish is cut off by the stop that follows.
        }
    }

    /** @return the endpoint, for logs */
    @Override
    public String toString() {
        return "LicenseServiceSimulator[" + endpoint + "]";
    }

    /** Configures and starts a simulator. Not thread-safe; {@link #start()} may be called once per configuration. */
    public static final class Builder {

        private int port;
        private boolean plainHttp;
        private long seed = SimulatorFixtures.DEFAULT_SEED;
        private Clock clock = Clock.systemUTC();
        private Duration vettingDelay = SimulatorFacts.DEFAULT_VETTING_DELAY;
        private Path stateDirectory;
        private InetAddress bindAddress = InetAddress.getLoopbackAddress();

        private Builder() {
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
            Started started = new Started();
            try {
                started.start(this);
                return new LicenseServiceSimulator(started);
            } catch (Exception | Error e) {
                started.abandon();
                if (e instanceof RuntimeException runtime) {
                    throw runtime;
                }
                if (e instanceof Error error) {
                    throw error;
                }
                throw new IllegalStateException("cannot start the simulator", e);
            }
        }
    }

    /** What start-up has built so far, so a failed start can undo it. */
    private static final class Started {
        private LicenseServiceModel model;
        private SeededFaultInjector faults;
        private final CountDownLatch closing = new CountDownLatch(1);
        private Server server;
        private Bus bus;
        private FaultInjectingHandler faultHandler;
        private GracefulHandler requestsInFlight;
        private URI endpoint;
        private Optional<Path> caCertificatePem = Optional.empty();
        private Optional<KeyStore> trustStore = Optional.empty();
        private Optional<Path> temporaryStateDirectory = Optional.empty();

        void start(Builder settings) throws Exception {
            model = new LicenseServiceModel(settings.seed, settings.clock, settings.vettingDelay);
            faults = new SeededFaultInjector(new SeededValues(settings.seed ^ SimulatorFacts.FAULT_SEED_SALT));

            QueuedThreadPool threads = new QueuedThreadPool(SimulatorFacts.MAX_THREADS, SimulatorFacts.MIN_THREADS);
            threads.setName("devpay-ls-simulator");
            threads.setDaemon(true);
            server = new Server(threads);
            ServerConnector connector = settings.plainHttp ? plainConnector() : tlsConnector(settings.stateDirectory);
            connector.setHost(settings.bindAddress.getHostAddress());
            connector.setPort(settings.port);
            connector.setIdleTimeout(SimulatorFacts.IDLE_TIMEOUT.toMillis());
            server.addConnector(connector);

            // A private bus, never the JVM-wide default one, so closing it affects nothing else.
            ExtensionManagerBus privateBus = new ExtensionManagerBus();
            privateBus.initialize();
            bus = privateBus;
            CXFNonSpringServlet servlet = new CXFNonSpringServlet();
            servlet.setBus(bus);
            ServletContextHandler context = new ServletContextHandler("/");
            context.addServlet(new ServletHolder(servlet), "/*");
            faultHandler = new FaultInjectingHandler(context, faults, model, closing);
            requestsInFlight = new GracefulHandler(faultHandler);
            server.setHandler(requestsInFlight);
            server.start();
            publish();

            String scheme = settings.plainHttp ? "http" : "https";
            endpoint = URI.create(scheme + "://" + hostForUri(settings.bindAddress) + ":" + connector.getLocalPort() + "/");
        }

        private ServerConnector plainConnector() {
            return new ServerConnector(server, new HttpConnectionFactory(httpConfiguration()));
        }

        /** HTTPS with a fresh throwaway CA, whose certificate is written to the state directory. */
        private ServerConnector tlsConnector(Path stateDirectory) throws GeneralSecurityException, IOException {
            ThrowawayCertificates certificates = ThrowawayCertificates.create(Instant.now());
            Path directory = stateDirectory;
            if (directory == null) {
                directory = Files.createTempDirectory("devpay-ls-simulator-");
                temporaryStateDirectory = Optional.of(directory);
            } else {
                Files.createDirectories(directory);
            }
            Path pem = directory.resolve(SimulatorFacts.CA_CERTIFICATE_FILE);
            Files.writeString(pem, certificates.caCertificatePem(), StandardCharsets.US_ASCII);
            caCertificatePem = Optional.of(pem);
            trustStore = Optional.of(certificates.trustStore());

            // The key store lives only in memory, so its password protects nothing; it is random anyway.
            char[] password = Long.toHexString(new SecureRandom().nextLong()).toCharArray();
            KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keyManagers.init(certificates.serverKeyStore(password), password);
            SSLContext sslContext = SSLContext.getInstance("TLS");
            sslContext.init(keyManagers.getKeyManagers(), null, null);

            SslContextFactory.Server tls = new SslContextFactory.Server();
            tls.setSslContext(sslContext);
            tls.setIncludeProtocols(SimulatorFacts.TLS_PROTOCOLS.toArray(String[]::new));
            HttpConfiguration https = httpConfiguration();
            // Clients reach the server by IP, which carries no SNI; the certificate covers the IP.
            https.addCustomizer(new SecureRequestCustomizer(false, false, -1, false));
            return new ServerConnector(server, new SslConnectionFactory(tls, "http/1.1"), new HttpConnectionFactory(https));
        }

        /** The simulator stands in for an AWS endpoint, so it does not announce Jetty. */
        private static HttpConfiguration httpConfiguration() {
            HttpConfiguration configuration = new HttpConfiguration();
            configuration.setSendServerVersion(false);
            configuration.setSendXPoweredBy(false);
            return configuration;
        }

        private void publish() {
            Bus previous = BusFactory.getThreadDefaultBus(false);
            BusFactory.setThreadDefaultBus(bus);
            try {
                JaxWsServerFactoryBean factory = new JaxWsServerFactoryBean();
                factory.setBus(bus);
                factory.setServiceClass(AmazonLSPortType.class);
                factory.setServiceBean(new SimulatedLicenseService(model));
                factory.setAddress("/");
                factory.setWsdlLocation("classpath:" + LicenseServiceFacts.WSDL_CLASSPATH_LOCATION);
                factory.setServiceName(new QName(LicenseServiceFacts.NAMESPACE, LicenseServiceFacts.SERVICE_NAME));
                factory.setEndpointName(new QName(LicenseServiceFacts.NAMESPACE, LicenseServiceFacts.PORT_NAME));
                factory.setProperties(new HashMap<>(XmlLimits.asCxfProperties()));
                factory.getInInterceptors().add(new BodyElementDispatch());
                factory.getOutFaultInterceptors().add(new AwsFaultInterceptor(model));
                factory.create();
            } finally {
                BusFactory.setThreadDefaultBus(previous);
            }
        }

        void abandon() {
            closing.countDown();
            if (server != null) {
                try {
                    server.stop();
                } catch (Exception ignored) {
                    // Start-up already failed; that failure is the one to report.
                }
                server.destroy();
            }
            if (bus != null) {
                bus.shutdown(true);
            }
            temporaryStateDirectory.ifPresent(LicenseServiceSimulator::deleteRecursively);
        }
    }

    /** The host clients should use: the bind address, or loopback when bound to every interface. */
    private static String hostForUri(InetAddress address) {
        String host = address.isAnyLocalAddress()
                ? InetAddress.getLoopbackAddress().getHostAddress() : address.getHostAddress();
        return host.contains(":") ? "[" + host + "]" : host;
    }

    private static void deleteRecursively(Path directory) {
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + directory, e);
        }
    }
}
