package io.github.devpayls.ls.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.devpayls.ls.LicenseServiceClient;
import io.github.devpayls.ls.contract.generated.AmazonLSPortType;
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
