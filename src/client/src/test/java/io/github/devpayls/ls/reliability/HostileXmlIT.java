package io.github.devpayls.ls.reliability;

import static io.github.devpayls.ls.SimulatorBackedClients.freshKey;
import static io.github.devpayls.ls.SimulatorBackedClients.token;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.devpayls.ls.ActivationKey;
import io.github.devpayls.ls.LicenseServiceClient;
import io.github.devpayls.ls.NoAnswerException;
import io.github.devpayls.ls.ProductToken;
import io.github.devpayls.ls.ProtocolFailureException;
import io.github.devpayls.ls.ScriptedPeer;
import io.github.devpayls.ls.SimulatorBackedClients;
import io.github.devpayls.ls.contract.LicenseServiceFacts;
import io.github.devpayls.ls.contract.XmlLimits;
import io.github.devpayls.ls.simulator.FixtureProduct;
import io.github.devpayls.ls.simulator.InjectedFault;
import io.github.devpayls.ls.simulator.LicenseServiceSimulator;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile responses: entity tricks, expansion bombs, huge and deep documents. Each must end in a
 * {@link ProtocolFailureException} after one attempt (refused, not timed out), with the calling thread
 * allocating far less than the hostile input would cost if read; no file is read and no outbound
 * connection is made. The limits are {@link XmlLimits} (docs/failure-handling.md).
 */
class HostileXmlIT {

    private static final Duration DEADLINE = Duration.ofSeconds(20);
    /** What one call may allocate on the calling thread; a buffered 10 MB body alone would cost more. */
    private static final long ALLOCATION_BOUND = 32L * 1024 * 1024;
    private static final String SOAP_ENVELOPE = "http://schemas.xmlsoap.org/soap/envelope/";

    private static LicenseServiceSimulator sim;
    private static FixtureProduct product;
    private static LicenseServiceClient client;

    private ServerSocket untouchable;
    private Path secretFile;
    private String marker;
    private CapturedLogs logs;

    @BeforeAll
    static void start() {
        sim = LicenseServiceSimulator.builder().start();
        product = sim.fixtures().products().get(0);
        client = SimulatorBackedClients.trusting(sim).retryPolicy(SimulatorBackedClients.quickRetries(3)).callDeadline(DEADLINE)
                .logSoapMessages(true).build();
        client.activateDesktopProduct(freshKey(sim, product), token(product));
    }

    @AfterAll
    static void stop() {
        client.close();
        sim.close();
    }

    @BeforeEach
    void prepare(@TempDir Path directory) throws IOException {
        sim.faults().clear();
        // Bound but never accepted from: a connection attempt would wait in its backlog.
        untouchable = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        marker = "XXE-MARKER-" + UUID.randomUUID();
        secretFile = Files.writeString(directory.resolve("secret.txt"), marker);
        logs = CapturedLogs.atTrace();
    }

    @AfterEach
    void release() throws IOException {
        logs.close();
        untouchable.close();
    }

    @Test
    void doctypeWithInternalEntity_isRefused() throws Exception {
        hostile("<!DOCTYPE soap:Envelope [<!ENTITY token \"{UserToken}" + marker + "\">]>"
                + success("&token;"));
        // The marker is in the body itself here (and so in the masked message log); only its
        // expansion into a result would be wrong, and expectRefusal already rules that out.
        assertNoOutboundConnection();
    }

    @Test
    void doctypeWithExternalFileEntity_isRefusedWithoutReadingTheFile() throws Exception {
        hostile("<!DOCTYPE soap:Envelope [<!ENTITY token SYSTEM \"" + secretFile.toUri() + "\">]>"
                + success("&token;"));
        assertNoLeak();
    }

    @Test
    void doctypeWithExternalHttpEntity_isRefusedWithoutAnyOutboundConnection() throws Exception {
        hostile("<!DOCTYPE soap:Envelope [<!ENTITY token SYSTEM \"" + untouchableUrl() + "\">]>" + success("&token;"));
        assertNoLeak();
    }

    @Test
    void externalDtdAndParameterEntity_areRefusedWithoutAnyOutboundConnection() throws Exception {
        hostile("<!DOCTYPE soap:Envelope SYSTEM \"" + untouchableUrl() + "\">" + success("{UserToken}AAAA"));
        hostile("<!DOCTYPE soap:Envelope [<!ENTITY % remote SYSTEM \"" + untouchableUrl() + "\"> %remote;]>"
                + success("{UserToken}AAAA"));
        assertNoLeak();
    }

    @Test
    void billionLaughsExpansion_isRefusedQuicklyWithBoundedMemory() throws Exception {
        StringBuilder bomb = new StringBuilder("<!DOCTYPE soap:Envelope [<!ENTITY lol0 \"lollollollollollollollollol\">");
        for (int i = 1; i <= 10; i++) {
            bomb.append("<!ENTITY lol").append(i).append(" \"")
                    .append(("&lol" + (i - 1) + ";").repeat(10)).append("\">");
        }
        bomb.append("]>");
        hostile(bomb + success("&lol10;"));
        assertNoLeak();
    }

    @Test
    void bodyOfTenMegabytes_isRefusedQuicklyWithBoundedMemory() throws Exception {
        hostileFault(InjectedFault.oversized(11 * 1024 * 1024));
        assertNoLeak();
    }

    @Test
    void nestingOneHundredThousandDeep_isRefusedQuicklyWithBoundedMemory() throws Exception {
        int depth = 100_000;
        hostileFault(InjectedFault.rawResponse(200, "text/xml; charset=UTF-8", "<soap:Envelope xmlns:soap=\""
                + SOAP_ENVELOPE + "\"><soap:Body>" + "<a>".repeat(depth) + "</a>".repeat(depth)
                + "</soap:Body></soap:Envelope>"));
        assertNoLeak();
    }

    /**
     * Streamed by a peer of the test's own, because a 50 MB text held as a String would need more
     * memory than the test JVM should spend. The peer counts what it managed to write before the
     * client hung up.
     */
    @Test
    void textNodeOfFiftyMegabytes_isRefusedQuicklyWithBoundedMemory_andTheRestIsNeverRead() throws Exception {
        long textBytes = 50L * 1024 * 1024;
        byte[] head = ("<soap:Envelope xmlns:soap=\"" + SOAP_ENVELOPE + "\"><soap:Body><ActivateDesktopProductResponse"
                + " xmlns=\"" + LicenseServiceFacts.NAMESPACE + "\"><ActivateDesktopProductResult><UserToken>{UserToken}")
                .getBytes(StandardCharsets.UTF_8);
        byte[] tail = "</UserToken></ActivateDesktopProductResult></ActivateDesktopProductResponse></soap:Body></soap:Envelope>"
                .getBytes(StandardCharsets.UTF_8);
        AtomicLong written = new AtomicLong();
        try (ScriptedPeer peer = ScriptedPeer.plain((socket, in, out) -> {
            ScriptedPeer.readRequest(in);
            ScriptedPeer.writeHead(out, 200, "text/xml; charset=UTF-8", head.length + textBytes + tail.length);
            out.write(head);
            streamText(out, textBytes, written);
            out.write(tail);
            out.flush();
        }); LicenseServiceClient plain = LicenseServiceClient.builder().endpoint(peer.endpoint())
                .allowInsecureLoopback(true).callDeadline(DEADLINE).build()) {
            expectRefusal(() -> plain.activateDesktopProduct(ActivationKey.of("HOSTILEKEYQ7DVLJTWHJ76MMBMQE"),
                    ProductToken.of("{ProductToken}aG9zdGlsZQ==")));
            assertThat(peer.awaitHandlers()).isTrue();
        }
        assertThat(written.get()).as("bytes of the text the peer could send before the client hung up")
                .isLessThan(textBytes / 2);
        assertNoLeak();
    }

    private void hostile(String body) throws IOException {
        hostileFault(InjectedFault.doctype(body));
    }

    private void hostileFault(InjectedFault fault) throws IOException {
        sim.faults().injectNext(1, fault);
        int before = sim.requestCount();
        ActivationKey key = freshKey(sim, product);
        ProductToken productToken = token(product);
        expectRefusal(() -> client.activateDesktopProduct(key, productToken));
        assertThat(sim.requestCount() - before).as("requests sent: a hostile answer is not retried").isEqualTo(1);
    }

    private void expectRefusal(Runnable call) throws IOException {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long allocatedBefore = threads.getCurrentThreadAllocatedBytes();
        NoAnswerException failure = null;
        try {
            call.run();
        } catch (NoAnswerException e) {
            failure = e;
        }
        long allocated = threads.getCurrentThreadAllocatedBytes() - allocatedBefore;

        assertThat(failure).as("outcome").isInstanceOf(ProtocolFailureException.class);
        assertThat(((ProtocolFailureException) failure).attempts()).isEqualTo(1);
        // Refused, not timed out: a ProtocolFailureException after one attempt, no TIMEOUT.
        assertThat(allocated).as("bytes allocated by the calling thread").isLessThan(ALLOCATION_BOUND);
        assertThat(CapturedLogs.describe(failure)).doesNotContain(marker);
    }

    private void assertNoLeak() throws IOException {
        assertNoOutboundConnection();
        assertThat(logs.size()).isPositive();
        assertThat(logs.text()).doesNotContain(marker.substring("XXE-MARKER-".length()));
    }

    private void assertNoOutboundConnection() throws IOException {
        untouchable.setSoTimeout(50);
        assertThatThrownBy(untouchable::accept).as("a connection to the loopback listener")
                .isInstanceOf(SocketTimeoutException.class);
    }

    private String untouchableUrl() {
        return "http://127.0.0.1:" + untouchable.getLocalPort() + "/evil.dtd";
    }

    private static String success(String userToken) {
        return "<soap:Envelope xmlns:soap=\"" + SOAP_ENVELOPE + "\"><soap:Body><ActivateDesktopProductResponse xmlns=\""
                + LicenseServiceFacts.NAMESPACE + "\"><ActivateDesktopProductResult><UserToken>" + userToken
                + "</UserToken><AWSAccessKeyId>AKIAHOSTILEEXAMPLE12</AWSAccessKeyId><SecretAccessKey>" + "h".repeat(40)
                + "</SecretAccessKey></ActivateDesktopProductResult><ResponseMetadata><RequestId>"
                + "0d7b3c1e-5f2a-4e8d-9b6c-1a2b3c4d5e6f</RequestId></ResponseMetadata></ActivateDesktopProductResponse>"
                + "</soap:Body></soap:Envelope>";
    }

    private static void streamText(OutputStream out, long bytes, AtomicLong written) throws IOException {
        byte[] chunk = new byte[64 * 1024];
        Arrays.fill(chunk, (byte) 'A');
        for (long sent = 0; sent < bytes; sent += chunk.length) {
            out.write(chunk, 0, (int) Math.min(chunk.length, bytes - sent));
            written.addAndGet(Math.min(chunk.length, bytes - sent));
        }
    }
}
