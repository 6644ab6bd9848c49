package io.github.devpayls.ls.soapui;

import io.github.devpayls.ls.simulator.FixtureProduct;
import io.github.devpayls.ls.simulator.LicenseServiceSimulator;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs every test case of soapui/AmazonLS-soapui-project.xml against the simulator over HTTPS, one
 * JUnit test per SoapUI test case, named after its suite and case. The endpoint and the fixture
 * values (minted when the simulator starts) override the project's properties, as SoapUI's
 * {@code -P} would; the simulator's throwaway CA is trusted, with hostname verification on.
 */
class AmazonLsSoapUiSuitesIT {

    private static LicenseServiceSimulator simulator;

    @BeforeAll
    static void startSimulator() {
        simulator = LicenseServiceSimulator.builder().start();
    }

    @AfterAll
    static void stopSimulator() {
        simulator.close();
    }

    @TestFactory
    Stream<DynamicNode> soapUiProject() {
        return SoapUiRunner.forProject(AmazonLsSoapUiProject.FILE)
                .projectProperties(projectProperties(simulator))
                .sslContext(simulator.clientSslContext().orElseThrow())
                .build()
                .testSuites();
    }

    /** The project properties that depend on the simulator: its endpoint and its fixtures. */
    static Map<String, String> projectProperties(LicenseServiceSimulator simulator) {
        FixtureProduct product = simulator.fixtures().products().get(0);
        FixtureProduct otherProduct = simulator.fixtures().products().get(1);
        return Map.of(
                "endpoint", simulator.endpoint().toString(),
                "productCode", product.productCode(),
                "productToken", product.productToken(),
                "activationKey", product.activationKey(),
                "expiredActivationKey", product.expiredActivationKey(),
                "incorrectActivationKey", otherProduct.activationKey());
    }
}
