package io.github.devpayls.ls.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import java.net.http.HttpResponse;
import java.util.List;
import io.github.devpayls.ls.simulator.junit.WithLicenseServiceSimulator;
import org.junit.jupiter.api.Test;

/**
 * Requests the simulator cannot read (issue 15 item 8) are answered with the decided client code
 * ({@code SimulatorFacts.MALFORMED_REQUEST_CODE}, not {@code InvalidAction}) and logged as one
 * DEBUG line without a stack trace; so are the model's refusals (issue 12, quiet in a consumer).
 */
@WithLicenseServiceSimulator
class SimulatorBadRequestsIT {

    private static final String MALFORMED_FAULT = ">aws:Client.InvalidParameterValue</faultcode>";

    private final LicenseServiceSimulator simulator;
    private final FixtureProduct product;

    SimulatorBadRequestsIT(LicenseServiceSimulator simulator) {
        this.simulator = simulator;
        this.product = simulator.fixtures().products().get(0);
    }

    private record Outcome(HttpResponse<String> response, List<ILoggingEvent> events, List<ILoggingEvent> loud,
                           List<String> stackTraces) {
    }

    private Outcome post(String body) throws Exception {
        try (CapturedLogs logs = new CapturedLogs()) {
            HttpResponse<String> response = SimulatorClients.post(simulator, body);
            return new Outcome(response, logs.projectEvents(), logs.infoOrAbove(), logs.withStackTrace());
        }
    }

    private static void assertOneConciseDebugLine(Outcome outcome, String faultCode) {
        assertThat(outcome.loud()).as("events at INFO or above").isEmpty();
        assertThat(outcome.stackTraces()).as("events with a stack trace, any logger, any level").isEmpty();
        assertThat(outcome.events()).as("the project's events").hasSize(1);
        ILoggingEvent line = outcome.events().get(0);
        assertThat(line.getLevel()).isEqualTo(Level.DEBUG);
        assertThat(line.getFormattedMessage()).contains(faultCode).doesNotContain("\n");
    }

    @Test
    void doctypeRequest_isAnsweredInvalidParameterValue_andLoggedOnce() throws Exception {
        Outcome outcome = post("<?xml version=\"1.0\"?><!DOCTYPE e [<!ENTITY x \"y\">]>"
                + SimulatorClients.activateDesktopProduct("&x;", product.productToken()));

        assertThat(outcome.response().statusCode()).isEqualTo(500);
        assertThat(outcome.response().body()).contains(MALFORMED_FAULT).doesNotContain("InvalidAction");
        assertOneConciseDebugLine(outcome, "Client.InvalidParameterValue");
    }

    @Test
    void overDeepRequest_isAnsweredInvalidParameterValue_andLoggedOnce() throws Exception {
        String deep = "<ls:x>".repeat(40) + "</ls:x>".repeat(40);
        Outcome outcome = post(SimulatorClients.envelope("ActivateDesktopProduct",
                "<ls:ActivationKey>" + product.activationKey() + "</ls:ActivationKey>" + deep));

        assertThat(outcome.response().statusCode()).isEqualTo(500);
        assertThat(outcome.response().body()).contains(MALFORMED_FAULT).doesNotContain("InvalidAction");
        assertOneConciseDebugLine(outcome, "Client.InvalidParameterValue");
    }

    @Test
    void garbageRequest_isAnsweredInvalidParameterValue_andLoggedOnce() throws Exception {
        Outcome outcome = post("this is not a SOAP request {\"at\": \"all\"} <<<");

        assertThat(outcome.response().statusCode()).isEqualTo(500);
        assertThat(outcome.response().body()).contains(MALFORMED_FAULT);
        assertOneConciseDebugLine(outcome, "Client.InvalidParameterValue");
    }

    @Test
    void unknownBodyElement_staysInvalidAction_andIsLoggedOnce() throws Exception {
        Outcome outcome = post(SimulatorClients.envelope("DescribeEverything", ""));

        assertThat(outcome.response().body()).contains(">aws:Client.InvalidAction</faultcode>");
        assertOneConciseDebugLine(outcome, "Client.InvalidAction");
    }

    @Test
    void refusedActivation_isLoggedAsOneDebugLine_withoutStackTraceOrSecrets() throws Exception {
        Outcome outcome = post(SimulatorClients.activateDesktopProduct(product.expiredActivationKey(),
                product.productToken()));

        assertThat(outcome.response().body()).contains(">aws:Client.ExpiredActivationKey</faultcode>");
        assertOneConciseDebugLine(outcome, "Client.ExpiredActivationKey");
        assertThat(outcome.events().get(0).getFormattedMessage())
                .doesNotContain(product.expiredActivationKey()).doesNotContain(product.productToken());
    }
}
