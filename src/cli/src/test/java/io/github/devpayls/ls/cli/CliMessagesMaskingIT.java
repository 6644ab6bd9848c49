package io.github.devpayls.ls.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.devpayls.ls.simulator.FixtureProduct;
import io.github.devpayls.ls.simulator.InjectedFault;
import io.github.devpayls.ls.simulator.LicenseServiceSimulator;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every message the CLI prints masks what is shaped like a token or a key, whoever wrote it. */
class CliMessagesMaskingIT {

    private static LicenseServiceSimulator simulator;
    private static FixtureProduct product;

    @TempDir
    Path directory;

    @BeforeAll
    static void start() {
        simulator = LicenseServiceSimulator.builder().start();
        product = simulator.fixtures().products().get(0);
    }

    @AfterAll
    static void stop() {
        simulator.close();
    }

    private static String tokenBody() {
        return product.productToken().substring("{ProductToken}".length());
    }

    @Test
    void unknownOption_carryingTheProductToken_isReportedWithTheTokenMasked() {
        CommandRun run = CommandRun.run(Map.of(), "activate", "--product", product.productCode(),
                "--product-token", product.productToken());

        assertThat(run.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(run.err()).contains("Unknown option").contains("'--product-token'").contains("{ProductToken}****")
                .contains("Possible solutions: ");
        assertThat(run.all()).doesNotContain(tokenBody().substring(0, 40));
    }

    @Test
    void strayArgument_shapedLikeAnActivationKey_isReportedMasked() {
        CommandRun run = CommandRun.run(Map.of(), "activate", "--product", product.productCode(),
                product.activationKey().toLowerCase(Locale.ROOT));

        assertThat(run.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(run.err()).contains("Unmatched argument").contains("****");
        assertThat(run.all().toLowerCase(Locale.ROOT)).doesNotContain(product.activationKey().toLowerCase(Locale.ROOT));
    }

    @Test
    void aPeerEchoingTheKeyInLowercase_isShownMasked() {
        String echoed = product.activationKey().toLowerCase(Locale.ROOT);
        simulator.faults().injectNext(1, InjectedFault.rawResponse(500, "text/xml; charset=UTF-8",
                "<soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\"><soap:Body><soap:Fault"
                        + " xmlns:aws=\"http://webservices.amazon.com/AWSFault/2005-15-09\">"
                        + "<faultcode>aws:Client.InvalidActivationKey</faultcode>"
                        + "<faultstring>the key " + echoed + " is not valid</faultstring>"
                        + "</soap:Fault></soap:Body></soap:Envelope>"));

        for (boolean json : new boolean[] {false, true}) {
            if (json) {
                simulator.faults().injectNext(1, InjectedFault.rawResponse(500, "text/xml; charset=UTF-8",
                        "<soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\"><soap:Body>"
                                + "<soap:Fault><faultcode>soap:Client</faultcode><faultstring>the key " + echoed
                                + " is not valid</faultstring></soap:Fault></soap:Body></soap:Envelope>"));
            }
            CommandRun run = CommandRun.run(Map.of(CliEnvironment.PRODUCT_TOKEN_VARIABLE, product.productToken()),
                    "activate", "--endpoint", simulator.endpoint().toString(),
                    "--ca-file", simulator.caCertificatePem().orElseThrow().toString(),
                    "--product", product.productCode(), "--store", directory.toString(),
                    "--activation-key", product.activationKey(), json ? "--json" : "--verbose");

            assertThat(run.exitCode()).as(run.all()).isEqualTo(ExitCodes.ACTION_NEEDED);
            assertThat(run.all()).contains("the key **** is not valid");
            assertThat(run.all().toLowerCase(Locale.ROOT)).doesNotContain(echoed);
        }
    }
}
