package io.github.devpayls.ls.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.devpayls.ls.LicenseServiceClient;
import io.github.devpayls.ls.contract.generated.AmazonLSPortType;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import org.apache.cxf.Bus;
import org.apache.cxf.BusFactory;
import org.apache.cxf.jaxws.JaxWsProxyFactoryBean;
import org.junit.jupiter.api.Test;

/**
 * A library must not write to its consumer's log just because it was set up: building a client
 * logs nothing at INFO or above, while every logger of the JVM is at TRACE (so a line CXF logs at
 * INFO would be captured). Other CXF users in the same JVM keep CXF's own lines.
 */
class QuietConstructionTest {

    /** The logger CXF writes "Creating Service {…} from WSDL: …" to when it builds a service model. */
    private static final String SERVICE_MODEL_LOGGER = "org.apache.cxf.wsdl.service.factory.ReflectionServiceFactoryBean";

    @Test
    void buildingAClient_logsNothingAtInfoOrAbove() {
        try (CapturedLogs logs = CapturedLogs.atTrace()) {
            for (int i = 0; i < 2; i++) { // the first build and a later one (the shared bus already exists)
                try (LicenseServiceClient client = LicenseServiceClient.builder().build()) {
                    assertThat(client).isNotNull();
                }
            }
            assertThat(logs.size()).as("TRACE reached the capture at all").isPositive();
            assertThat(logs.infoOrAbove()).isEmpty();
        }
    }

    @Test
    void buildingAClient_withoutAnSlf4jBackend_writesNothingToStandardError() throws Exception {
        // A consumer with the SLF4J API alone: CXF then logs through java.util.logging, whose
        // default handler prints INFO to standard error.
        String classPath = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> !Path.of(entry).getFileName().toString().contains("logback"))
                .collect(Collectors.joining(File.pathSeparator));
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx64m",
                "-cp", classPath, QuietConstructionChild.class.getName()).start();
        CompletableFuture<String> stdout = CompletableFuture.supplyAsync(() -> read(child.getInputStream()));
        String stderr = read(child.getErrorStream());

        assertThat(child.waitFor()).as("exit status; stderr: " + stderr).isZero();
        assertThat(stdout.get()).contains("built https://ls.amazonaws.com/");
        // SLF4J's own "no providers" notice is the consumer's setup speaking, not this library.
        assertThat(stderr.lines().filter(line -> !line.startsWith("SLF4J"))).isEmpty();
    }

    private static String read(InputStream stream) {
        try (stream) {
            return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void anotherCxfServiceBuiltInTheSameJvm_stillLogsCxfsLine() {
        try (LicenseServiceClient client = LicenseServiceClient.builder().build();
             CapturedLogs logs = CapturedLogs.atTrace()) {
            assertThat(client).isNotNull();
            Bus previousDefaultBus = BusFactory.getDefaultBus(false);
            Bus previousThreadBus = BusFactory.getThreadDefaultBus(false);
            Bus bus = BusFactory.newInstance().createBus();
            try {
                JaxWsProxyFactoryBean other = new JaxWsProxyFactoryBean();
                other.setBus(bus);
                other.setServiceClass(AmazonLSPortType.class);
                other.setAddress("https://127.0.0.1:9/");
                other.create(AmazonLSPortType.class);
            } finally {
                bus.shutdown(true);
                // A new bus makes itself the JVM's default when there is none; leave no trace for other tests.
                BusFactory.setDefaultBus(previousDefaultBus);
                BusFactory.setThreadDefaultBus(previousThreadBus);
            }
            assertThat(logs.infoOrAbove()).anySatisfy(line -> assertThat(line)
                    .startsWith("INFO " + SERVICE_MODEL_LOGGER + ": Creating Service"));
        }
    }
}
