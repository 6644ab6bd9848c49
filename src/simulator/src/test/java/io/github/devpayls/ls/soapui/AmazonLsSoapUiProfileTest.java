package io.github.devpayls.ls.soapui;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.devpayls.ls.simulator.FixtureProduct;
import io.github.devpayls.ls.simulator.LicenseServiceSimulator;
import io.github.devpayls.ls.simulator.SimulatorFixtures;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

/**
 * The {@code soapui} Maven profile passes fixed fixture values to SmartBear's plugin; they must be
 * the ones the simulator derives from its default seed, equal the project's own defaults, and name
 * properties the project declares. The plugin and its repository appear only inside the profile.
 */
class AmazonLsSoapUiProfileTest {

    private static final String POM_NS = "http://maven.apache.org/POM/4.0.0";

    private final Element pom = parsePom();
    private final Element profile = soapUiProfile();

    @Test
    void fixtureProperties_areTheFixturesOfTheSeedTheProfileStartsTheSimulatorWith() {
        Map<String, String> properties = profileProperties();
        long seed = Long.parseLong(properties.get("soapui.simulator.seed"));
        SimulatorFixtures fixtures;
        try (LicenseServiceSimulator simulator = LicenseServiceSimulator.builder().seed(seed).plainHttp(true).start()) {
            fixtures = simulator.fixtures();
        }
        FixtureProduct product = fixtures.products().get(0);
        FixtureProduct otherProduct = fixtures.products().get(1);

        assertThat(seed).isEqualTo(SimulatorFixtures.DEFAULT_SEED);
        assertThat(properties).containsEntry("soapui.fixture.productCode", product.productCode())
                .containsEntry("soapui.fixture.productToken", product.productToken())
                .containsEntry("soapui.fixture.activationKey", product.activationKey())
                .containsEntry("soapui.fixture.expiredActivationKey", product.expiredActivationKey())
                .containsEntry("soapui.fixture.incorrectActivationKey", otherProduct.activationKey())
                .containsEntry("soapui.fixture.subscribedAccessKeyId", fixtures.subscribedCustomer().accessKeyId())
                .containsEntry("soapui.fixture.subscribedSecretAccessKey", fixtures.subscribedCustomer().secretAccessKey())
                .containsEntry("soapui.fixture.subscribedUserToken", fixtures.subscribedCustomer().userToken())
                .containsEntry("soapui.fixture.pendingAccessKeyId", fixtures.pendingCustomer().accessKeyId())
                .containsEntry("soapui.fixture.pendingSecretAccessKey", fixtures.pendingCustomer().secretAccessKey())
                .containsEntry("soapui.fixture.pendingUserToken", fixtures.pendingCustomer().userToken());
    }

    @Test
    void projectDefaults_equalTheProfilesFixtures_soTheProjectRunsAsIsAgainstServe() {
        Map<String, String> profile = profileProperties();
        Map<String, String> project = SoapUiProjectReader.read(AmazonLsSoapUiProject.FILE).properties();

        assertThat(project.get("endpoint")).isEqualTo("http://127.0.0.1:" + profile.get("soapui.simulator.port") + "/");
        assertThat(project.get("restEndpoint")).isEqualTo("http://127.0.0.1:" + profile.get("soapui.simulator.port"));
        for (String name : List.of("productCode", "productToken", "activationKey", "expiredActivationKey",
                "incorrectActivationKey", "subscribedAccessKeyId", "subscribedSecretAccessKey", "subscribedUserToken",
                "pendingAccessKeyId", "pendingSecretAccessKey", "pendingUserToken")) {
            assertThat(project.get(name)).as(name).isEqualTo(profile.get("soapui.fixture." + name));
        }
    }

    @Test
    void pluginProjectProperties_allExistInTheSoapUiProject() {
        SoapUiProject project = SoapUiProjectReader.read(AmazonLsSoapUiProject.FILE);
        List<String> names = XmlDocuments.children(child(soapUiPlugin(), "configuration"), POM_NS, "projectProperties")
                .stream().flatMap(p -> XmlDocuments.children(p, POM_NS, "value").stream())
                .map(v -> v.getTextContent().substring(0, v.getTextContent().indexOf('='))).toList();

        assertThat(names).contains("endpoint", "activationKey", "incorrectActivationKey", "restEndpoint",
                "subscribedAccessKeyId", "pendingUserToken");
        assertThat(project.properties().keySet()).containsAll(names);
    }

    @Test
    void futureContractExecution_runsItsProjectAgainstTheFutureContractSimulator_withPropertiesItDeclares() {
        SoapUiProject project = SoapUiProjectReader.read(AmazonLsSoapUiProject.FUTURE_CONTRACT_FILE);
        Element execution = XmlDocuments.children(child(soapUiPlugin(), "executions"), POM_NS, "execution").stream()
                .filter(e -> child(e, "id").getTextContent().equals("soapui-future-contract")).findFirst().orElseThrow();
        Element configuration = child(execution, "configuration");
        List<String> names = XmlDocuments.children(child(configuration, "projectProperties"), POM_NS, "value").stream()
                .map(v -> v.getTextContent().substring(0, v.getTextContent().indexOf('='))).toList();
        Map<String, String> profile = profileProperties();

        assertThat(child(configuration, "projectFile").getTextContent())
                .endsWith("soapui/AmazonLS-future-contract-soapui-project.xml");
        assertThat(names).contains("endpoint", "restEndpoint");
        assertThat(project.properties().keySet()).containsAll(names);
        assertThat(project.properties().get("endpoint"))
                .isEqualTo("http://127.0.0.1:" + profile.get("soapui.future.port") + "/");
        assertThat(pom.getTextContent()).contains("--future-contract");
    }

    @Test
    void smartBearPluginAndRepository_areDeclaredOnlyInTheProfile() {
        assertThat(XmlDocuments.child(pom, POM_NS, "pluginRepositories")).isEmpty();
        String mainBuild = child(pom, "build").getTextContent();
        assertThat(mainBuild).doesNotContain("soapui-maven-plugin");
        assertThat(child(child(profile, "pluginRepositories"), "pluginRepository").getTextContent())
                .contains("https://www.soapui.org/repository/maven2/");
        assertThat(soapUiPlugin()).isNotNull();
    }

    private Map<String, String> profileProperties() {
        Map<String, String> properties = new HashMap<>();
        XmlDocuments.children(child(profile, "properties")).forEach(p -> properties.put(p.getLocalName(),
                p.getTextContent()));
        return properties;
    }

    private Element soapUiPlugin() {
        return XmlDocuments.children(child(child(profile, "build"), "plugins"), POM_NS, "plugin").stream()
                .filter(p -> child(p, "artifactId").getTextContent().equals("soapui-maven-plugin"))
                .findFirst().orElseThrow();
    }

    private Element soapUiProfile() {
        return XmlDocuments.children(child(pom, "profiles"), POM_NS, "profile").stream()
                .filter(p -> child(p, "id").getTextContent().equals("soapui")).findFirst().orElseThrow();
    }

    private static Element child(Element parent, String name) {
        return XmlDocuments.child(parent, POM_NS, name).orElseThrow(() ->
                new AssertionError("src/cli/pom.xml: no <" + name + "> in <" + parent.getLocalName() + ">"));
    }

    private static Element parsePom() {
        try {
            return XmlDocuments.parse(AmazonLsSoapUiProject.TOP.resolve("src/cli/pom.xml")).getDocumentElement();
        } catch (Exception e) {
            throw new IllegalStateException("cannot read src/cli/pom.xml", e);
        }
    }
}
