package io.github.devpayls.ls.simulator;

import io.github.devpayls.ls.contract.generated.ActivateDesktopProduct;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** HTTPS by a throwaway CA, the served WSDL and XSD, plain HTTP on loopback only, and clean closing. */
class SimulatorTlsIT {

    private static LicenseServiceSimulator simulator;

    @BeforeAll
    static void start() {
        simulator = LicenseServiceSimulator.builder().start();
    }

    @AfterAll
    static void stop() {
        simulator.close();
    }

    private static SSLSocket handshake(LicenseServiceSimulator target, String host, String... protocols) throws Exception {
        SSLSocket socket = (SSLSocket) SimulatorClients.sslContext(target).getSocketFactory()
                .createSocket(host, target.endpoint().getPort());
        SSLParameters parameters = socket.getSSLParameters();
        parameters.setEndpointIdentificationAlgorithm("HTTPS");
        if (protocols.length > 0) {
            parameters.setProtocols(protocols);
        }
        socket.setSSLParameters(parameters);
        socket.startHandshake();
        return socket;
    }

    @Test
    void endpoint_isHttpsOnLoopback() {
        URI endpoint = simulator.endpoint();

        assertThat(endpoint.getScheme()).isEqualTo("https");
        assertThat(endpoint.getHost()).isEqualTo("127.0.0.1");
        assertThat(endpoint.getPort()).isPositive();
        assertThat(endpoint.getPath()).isEqualTo("/");
        assertThat(simulator.wsdlUrl()).isEqualTo(URI.create(endpoint + "?wsdl"));
    }

    @Test
    void caCertificatePem_holdsTheCaThatSignedTheServerCertificate() throws Exception {
        Path pem = simulator.caCertificatePem().orElseThrow();
        assertThat(pem.getFileName()).hasToString("ca-certificate.pem");
        assertThat(Files.readString(pem)).startsWith("-----BEGIN CERTIFICATE-----");
        X509Certificate ca;
        try (InputStream in = Files.newInputStream(pem)) {
            ca = (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        }
        assertThat(ca.getBasicConstraints()).isGreaterThanOrEqualTo(0);

        try (SSLSocket socket = handshake(simulator, "127.0.0.1")) {
            X509Certificate server = (X509Certificate) socket.getSession().getPeerCertificates()[0];
            server.verify(ca.getPublicKey());
            List<String> names = server.getSubjectAlternativeNames().stream().map(name -> String.valueOf(name.get(1))).toList();
            assertThat(names).containsExactlyInAnyOrder("127.0.0.1", "localhost");
        }
    }

    @Test
    void tls_negotiatesVersion12OrNewer_andAcceptsOnly12() throws Exception {
        try (SSLSocket socket = handshake(simulator, "127.0.0.1")) {
            assertThat(socket.getSession().getProtocol()).isIn("TLSv1.3", "TLSv1.2");
        }
        try (SSLSocket socket = handshake(simulator, "127.0.0.1", "TLSv1.2")) {
            assertThat(socket.getSession().getProtocol()).isEqualTo("TLSv1.2");
        }
    }

    @Test
    void tls_withHostnameVerification_acceptsLocalhostToo() throws Exception {
        try (SSLSocket socket = handshake(simulator, "localhost")) {
            assertThat(socket.getSession().getPeerHost()).isEqualTo("localhost");
        }
    }

    @Test
    void tls_isRefusedByAClientThatDoesNotTrustTheCa() {
        HttpClient untrusting = HttpClient.newHttpClient();

        assertThatThrownBy(() -> untrusting.send(HttpRequest.newBuilder(simulator.wsdlUrl()).build(),
                HttpResponse.BodyHandlers.ofString())).isInstanceOf(SSLHandshakeException.class);
    }

    @Test
    void wsdl_isServedWithTheSimulatorAsAddress_andItsXsdIsFetchable() throws Exception {
        HttpResponse<String> wsdl = SimulatorClients.get(simulator, simulator.wsdlUrl());

        assertThat(wsdl.statusCode()).isEqualTo(200);
        assertThat(wsdl.body()).contains("<soap:address location=\"" + simulator.endpoint() + "\"");
        Matcher schemaLocation = Pattern.compile("schemaLocation=\"([^\"]+)\"").matcher(wsdl.body());
        assertThat(schemaLocation.find()).isTrue();
        URI xsdUrl = URI.create(schemaLocation.group(1));
        assertThat(xsdUrl.getAuthority()).isEqualTo(simulator.endpoint().getAuthority());

        HttpResponse<String> xsd = SimulatorClients.get(simulator, xsdUrl);
        assertThat(xsd.statusCode()).isEqualTo(200);
        assertThat(xsd.body()).contains("targetNamespace=\"http://ls.amazonaws.com/doc/2008-04-28/\"")
                .contains("name=\"ActivateDesktopProduct\"");
    }

    @Test
    void plainHttp_onLoopback_servesTheSameService() {
        try (LicenseServiceSimulator plain = LicenseServiceSimulator.builder().plainHttp(true).start()) {
            FixtureProduct product = plain.fixtures().products().get(0);
            ActivateDesktopProduct request = new ActivateDesktopProduct();
            request.setActivationKey(product.activationKey());
            request.setProductToken(product.productToken());

            assertThat(plain.endpoint().getScheme()).isEqualTo("http");
            assertThat(plain.endpoint().getHost()).isEqualTo("127.0.0.1");
            assertThat(plain.caCertificatePem()).isEmpty();
            assertThat(plain.trustStore()).isEmpty();
            assertThat(SimulatorClients.proxy(plain).activateDesktopProduct(request)
                    .getActivateDesktopProductResult().getUserToken()).startsWith("{UserToken}");
        }
    }

    @Test
    void plainHttp_offLoopback_isRefusedBeforeBinding() throws Exception {
        for (InetAddress address : List.of(InetAddress.getByName("0.0.0.0"), InetAddress.getByName("192.0.2.1"))) {
            assertThatThrownBy(() -> LicenseServiceSimulator.builder().plainHttp(true).bindAddress(address).start())
                    .as(address.toString())
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("loopback");
        }
    }

    @Test
    void stateDirectory_keepsTheCaCertificateAfterClose(@TempDir Path directory) {
        Path state = directory.resolve("state");
        Path pem;
        try (LicenseServiceSimulator own = LicenseServiceSimulator.builder().stateDirectory(state).start()) {
            pem = own.caCertificatePem().orElseThrow();
            assertThat(pem).isEqualTo(state.resolve("ca-certificate.pem"));
        }
        assertThat(pem).exists();
    }

    @Test
    void defaultStateDirectory_isDeletedOnClose() {
        Path pem;
        try (LicenseServiceSimulator own = LicenseServiceSimulator.builder().start()) {
            pem = own.caCertificatePem().orElseThrow();
            assertThat(pem).exists();
        }
        assertThat(pem.getParent()).doesNotExist();
    }

    @Test
    void close_freesThePort_forAChosenPortAgain_andIsIdempotent() throws Exception {
        // An ephemeral port bound by the first simulator itself, never probed and released first.
        LicenseServiceSimulator first = LicenseServiceSimulator.builder().start();
        int port = first.endpoint().getPort();
        first.close();
        first.close();

        try (LicenseServiceSimulator second = LicenseServiceSimulator.builder().port(port).start()) {
            assertThat(second.endpoint().getPort()).isEqualTo(port);
            assertThat(SimulatorClients.get(second, second.wsdlUrl()).statusCode()).isEqualTo(200);
        }
    }

    @Test
    void start_onATakenPort_failsAndLeavesNothingRunning() throws Exception {
        long threadsBefore = SimulatorClients.simulatorThreads();
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            assertThatThrownBy(() -> LicenseServiceSimulator.builder().port(taken.getLocalPort()).start())
                    .isInstanceOf(IllegalStateException.class);
        }
        assertThat(SimulatorClients.simulatorThreads()).isLessThanOrEqualTo(threadsBefore);
    }


    @Test
    void trustStore_isAnInMemoryStoreWithTheCaOnly() throws Exception {
        var store = simulator.trustStore().orElseThrow();

        assertThat(store.size()).isEqualTo(1);
        String alias = store.aliases().nextElement();
        assertThat(store.isCertificateEntry(alias)).isTrue();
        assertThat(store.getType()).isEqualTo("PKCS12");
    }
}
