package io.github.devpayls.ls.simulator;

import io.github.devpayls.ls.contract.LicenseServiceFacts;
import io.github.devpayls.ls.contract.XmlLimits;
import io.github.devpayls.ls.contract.generated.AmazonLSPortType;
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
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.xml.namespace.QName;
import org.apache.cxf.Bus;
import org.apache.cxf.BusFactory;
import org.apache.cxf.bus.extension.ExtensionManagerBus;
import org.apache.cxf.jaxws.JaxWsServerFactoryBean;
import org.apache.cxf.logging.FaultListener;
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

/**
 * The simulator's wiring: Jetty with its connector (HTTPS with a throwaway CA, or plain HTTP on
 * loopback), CXF's servlet on a private bus publishing the contract's endpoint, and the handlers in
 * front of it. {@link LicenseServiceSimulator} is the facade over it; nothing here is public.
 */
final class SimulatorServer implements AutoCloseable {

    /**
     * Where and how to listen.
     *
     * @param port           the TCP port, 0 for an ephemeral one
     * @param plainHttp      plain HTTP instead of HTTPS
     * @param bindAddress    the address to listen on
     * @param stateDirectory where the CA certificate is written; empty for a temporary directory
     */
    record Settings(int port, boolean plainHttp, InetAddress bindAddress, Optional<Path> stateDirectory,
            Set<ContractAddition> alwaysAdded) {
    }

    private final CountDownLatch closing = new CountDownLatch(1);
    private Server server;
    private Bus bus;
    private FaultInjectingHandler faultHandler;
    private GracefulHandler requestsInFlight;
    private URI endpoint;
    private Optional<Path> caCertificatePem = Optional.empty();
    private Optional<KeyStore> trustStore = Optional.empty();
    private Optional<Path> temporaryStateDirectory = Optional.empty();
    private boolean closed;

    private SimulatorServer() {
    }

    /**
     * @param settings where and how to listen
     * @param model    the service's state
     * @param faults   the injected faults
     * @return the started server
     * @throws IllegalStateException when it cannot start (e.g. the port is taken); whatever was
     *                               built is released
     */
    static SimulatorServer start(Settings settings, LicenseServiceModel model, SeededFaultInjector faults) {
        SimulatorServer started = new SimulatorServer();
        try {
            started.startUp(settings, model, faults);
            return started;
        } catch (Exception | Error e) {
            started.close();
            if (e instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException("cannot start the simulator", e);
        }
    }

    URI endpoint() {
        return endpoint;
    }

    Optional<Path> caCertificatePem() {
        return caCertificatePem;
    }

    Optional<KeyStore> trustStore() {
        return trustStore;
    }

    int requestCount() {
        return faultHandler.requestCount();
    }

    private void startUp(Settings settings, LicenseServiceModel model, SeededFaultInjector faults) throws Exception {
        QueuedThreadPool threads = new QueuedThreadPool(SimulatorFacts.MAX_THREADS, SimulatorFacts.MIN_THREADS);
        threads.setName("devpay-ls-simulator");
        threads.setDaemon(true);
        server = new Server(threads);
        ServerConnector connector = settings.plainHttp() ? plainConnector() : tlsConnector(settings.stateDirectory());
        connector.setHost(settings.bindAddress().getHostAddress());
        connector.setPort(settings.port());
        connector.setIdleTimeout(SimulatorFacts.IDLE_TIMEOUT.toMillis());
        connector.addBean(new PerAddressConnectionLimit(SimulatorFacts.MAX_CONNECTIONS_PER_ADDRESS));
        server.addConnector(connector);

        // A private bus, never the JVM-wide default one, so closing it affects nothing else.
        ExtensionManagerBus privateBus = new ExtensionManagerBus();
        privateBus.initialize();
        bus = privateBus;
        CXFNonSpringServlet servlet = new CXFNonSpringServlet();
        servlet.setBus(bus);
        ServletContextHandler context = new ServletContextHandler("/");
        context.addServlet(new ServletHolder(servlet), "/*");
        // REST-Query sits inside the fault injection, so injected faults spoil its answers too.
        RestQueryHandler restQuery = new RestQueryHandler(context, new RestQueryService(model));
        faultHandler = new FaultInjectingHandler(restQuery, faults, model, closing, settings.alwaysAdded());
        requestsInFlight = new GracefulHandler(faultHandler);
        server.setHandler(requestsInFlight);
        server.start();
        publish(model);

        String scheme = settings.plainHttp() ? "http" : "https";
        endpoint = URI.create(scheme + "://" + hostForUri(settings.bindAddress()) + ":" + connector.getLocalPort() + "/");
    }

    private ServerConnector plainConnector() {
        return new ServerConnector(server, new HttpConnectionFactory(httpConfiguration()));
    }

    /** HTTPS with a fresh throwaway CA, whose certificate is written to the state directory. */
    private ServerConnector tlsConnector(Optional<Path> stateDirectory) throws GeneralSecurityException, IOException {
        ThrowawayCertificates certificates = ThrowawayCertificates.create(Instant.now());
        Path directory;
        if (stateDirectory.isEmpty()) {
            directory = Files.createTempDirectory("devpay-ls-simulator-");
            temporaryStateDirectory = Optional.of(directory);
        } else {
            directory = Files.createDirectories(stateDirectory.get());
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
        tls.setIncludeProtocols(LicenseServiceFacts.TLS_PROTOCOLS.toArray(String[]::new));
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

    private void publish(LicenseServiceModel model) {
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
            Map<String, Object> properties = new HashMap<>(XmlLimits.asCxfProperties());
            properties.put(FaultListener.class.getName(), new RefusalLogging());
            factory.setProperties(properties);
            factory.getInInterceptors().add(new BodyElementDispatch());
            factory.getOutFaultInterceptors().add(new AwsFaultInterceptor(model));
            factory.create();
        } finally {
            BusFactory.setThreadDefaultBus(previous);
        }
    }

    /**
     * Stops the server, releases hanging connections, frees the port and deletes temporary files;
     * also undoes a start that failed half-way. Closing twice is harmless.
     */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        closing.countDown();
        try {
            if (server != null) {
                awaitRequestsInFlight();
                server.stop();
            }
        } catch (Exception e) {
            throw new IllegalStateException("cannot stop the simulator", e);
        } finally {
            if (server != null) {
                server.destroy();
            }
            if (bus != null) {
                bus.shutdown(true);
            }
            temporaryStateDirectory.ifPresent(SimulatorServer::deleteRecursively);
        }
    }

    /**
     * Lets requests in flight finish before the server stops (injected waits end at once when
     * closing), so CXF is never cut off writing an answer its client already has. Idle
     * keep-alive connections are not waited for.
     */
    private void awaitRequestsInFlight() {
        if (requestsInFlight == null || !server.isStarted()) {
            return;
        }
        try {
            requestsInFlight.shutdown().get(SimulatorFacts.STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            // A request that will not finish is cut off by the stop that follows.
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
