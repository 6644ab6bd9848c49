package io.github.devpayls.ls.soapui;

import io.github.devpayls.ls.simulator.FixtureCustomer;
import io.github.devpayls.ls.simulator.FixtureProduct;
import io.github.devpayls.ls.simulator.LicenseServiceSimulator;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.opentest4j.AssertionFailedError;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Runs every test case of soapui/AmazonLS-soapui-project.xml against the simulator over HTTPS, one
 * JUnit test per SoapUI test case, named after its suite and case. The endpoint and the fixture
 * values (minted when the simulator starts) override the project's properties, as SoapUI's
 * {@code -P} would; the simulator's throwaway CA is trusted, with hostname verification on. The
 * future-contract project runs the same way against a second simulator, in future-contract mode.
 */
class AmazonLsSoapUiSuitesIT {

    private static LicenseServiceSimulator simulator;
    private static LicenseServiceSimulator futureContract;

    @BeforeAll
    static void startSimulator() {
        simulator = LicenseServiceSimulator.builder().start();
        futureContract = LicenseServiceSimulator.builder().futureContract(true).start();
    }

    @AfterAll
    static void stopSimulator() {
        simulator.close();
        futureContract.close();
    }

    @TestFactory
    Stream<DynamicNode> soapUiProject() {
        return runnerAgainst(AmazonLsSoapUiProject.FILE, simulator).testSuites();
    }

    @TestFactory
    Stream<DynamicNode> futureContractProject_againstAGrownSimulator() {
        return runnerAgainst(AmazonLsSoapUiProject.FUTURE_CONTRACT_FILE, futureContract).testSuites();
    }

    @Test
    void futureContractProject_againstThePlainSimulator_failsOnTheGrownResultAssertion() {
        assertThatThrownBy(() -> runnerAgainst(AmazonLsSoapUiProject.FUTURE_CONTRACT_FILE, simulator)
                .run("Future contract", "activate: grown answer still carries the credentials"))
                .isInstanceOf(AssertionFailedError.class)
                .hasMessageContaining("grown result");
    }

    private static SoapUiRunner runnerAgainst(Path project, LicenseServiceSimulator target) {
        return SoapUiRunner.forProject(project)
                .projectProperties(projectProperties(target))
                .sslContext(target.clientSslContext().orElseThrow())
                .build();
    }

    @Test
    void restCase_withAnotherSecretKey_failsOnTheSimulatorsSignatureCheck() {
        Map<String, String> properties = new java.util.HashMap<>(projectProperties(simulator));
        properties.put("subscribedSecretAccessKey", "0000000000wrongSecretAccessKey0000000000");
        SoapUiRunner runner = SoapUiRunner.forProject(AmazonLsSoapUiProject.FILE).projectProperties(properties)
                .sslContext(simulator.clientSslContext().orElseThrow()).build();

        assertThatThrownBy(() -> runner.run("REST-Query", "verify: subscribed customer is subscribed"))
                .isInstanceOf(AssertionFailedError.class)
                .hasMessageContaining("HTTP 403")
                .hasMessageContaining("SignatureDoesNotMatch");
    }

    /** The project properties that depend on the simulator: its endpoint and its fixtures. */
    static Map<String, String> projectProperties(LicenseServiceSimulator simulator) {
        FixtureProduct product = simulator.fixtures().products().get(0);
        FixtureProduct otherProduct = simulator.fixtures().products().get(1);
        FixtureCustomer subscribed = simulator.fixtures().subscribedCustomer();
        FixtureCustomer pending = simulator.fixtures().pendingCustomer();
        String endpoint = simulator.endpoint().toString();
        return Map.ofEntries(
                Map.entry("endpoint", endpoint),
                // The REST service's resource path "/" follows its endpoint.
                Map.entry("restEndpoint", endpoint.substring(0, endpoint.length() - 1)),
                Map.entry("productCode", product.productCode()),
                Map.entry("productToken", product.productToken()),
                Map.entry("activationKey", product.activationKey()),
                Map.entry("expiredActivationKey", product.expiredActivationKey()),
                Map.entry("incorrectActivationKey", otherProduct.activationKey()),
                Map.entry("subscribedAccessKeyId", subscribed.accessKeyId()),
                Map.entry("subscribedSecretAccessKey", subscribed.secretAccessKey()),
                Map.entry("subscribedUserToken", subscribed.userToken()),
                Map.entry("pendingAccessKeyId", pending.accessKeyId()),
                Map.entry("pendingSecretAccessKey", pending.secretAccessKey()),
                Map.entry("pendingUserToken", pending.userToken()));
    }
}
