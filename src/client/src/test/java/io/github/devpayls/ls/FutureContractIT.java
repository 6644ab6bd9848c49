package io.github.devpayls.ls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.github.devpayls.ls.simulator.ContractAddition;
import io.github.devpayls.ls.simulator.CredentialPart;
import io.github.devpayls.ls.simulator.FixtureProduct;
import io.github.devpayls.ls.simulator.InjectedFault;
import io.github.devpayls.ls.simulator.LicenseServiceSimulator;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.slf4j.LoggerFactory;

/**
 * A 2008-04-28 client against a newer service: the simulator over HTTPS grows its success answers
 * the way the service grew its answers (spec, "Contract evolution"), for each operation the client
 * calls — ActivateDesktopProduct over SOAP, VerifyProductSubscriptionByTokens and RefreshUserToken
 * over REST-Query. The client reads them, logs at DEBUG what it skipped, and still refuses a
 * success whose credentials are missing, empty or misshapen.
 */
class FutureContractIT {

    /** The one logger of what tolerant reading skipped. */
    static final String EVOLUTION_LOGGER = "io.github.devpayls.ls.contract.evolution";

    /** The operations the client calls, each giving the kind of outcome it read. */
    enum Operation {
        ACTIVATE_SOAP(credentials -> activateAgainst(client, sim).getClass()),
        VERIFY_REST(credentials -> client.verifySubscription(credentials, SimulatorBackedClients.token(product))
                .getClass()),
        REFRESH_REST(credentials -> client.refreshUserToken(credentials, SimulatorBackedClients.token(product))
                .getClass());

        final Function<DesktopCredentials, Object> call;

        Operation(Function<DesktopCredentials, Object> call) {
            this.call = call;
        }
    }

    private static LicenseServiceSimulator sim;
    private static LicenseServiceSimulator future;
    private static LicenseServiceClient client;
    private static LicenseServiceClient futureClient;
    private static FixtureProduct product;

    private final Logger evolution = (Logger) LoggerFactory.getLogger(EVOLUTION_LOGGER);
    private final ListAppender<ILoggingEvent> logged = new ListAppender<>();
    private Level previousLevel;

    @BeforeAll
    static void start() {
        sim = LicenseServiceSimulator.builder().start();
        future = LicenseServiceSimulator.builder().futureContract(true).start();
        client = SimulatorBackedClients.trusting(sim).retryPolicy(RetryPolicy.none()).build();
        futureClient = SimulatorBackedClients.trusting(future).retryPolicy(RetryPolicy.none()).build();
        product = sim.fixtures().products().get(0);
    }

    @AfterAll
    static void stop() {
        client.close();
        futureClient.close();
        sim.close();
        future.close();
    }

    @BeforeEach
    void captureTheEvolutionLog() {
        sim.faults().clear();
        future.faults().clear();
        previousLevel = evolution.getLevel();
        evolution.setLevel(Level.DEBUG);
        logged.start();
        evolution.addAppender(logged);
    }

    @AfterEach
    void restoreTheLog() {
        evolution.detachAppender(logged);
        evolution.setLevel(previousLevel);
    }

    static DesktopCredentials activateAgainst(LicenseServiceClient caller, LicenseServiceSimulator simulator) {
        ActivationResult result = caller.activateDesktopProduct(SimulatorBackedClients.freshKey(simulator, product),
                SimulatorBackedClients.token(product));
        assertThat(result).isInstanceOf(ActivationResult.Activated.class);
        return ((ActivationResult.Activated) result).credentials();
    }

    /** Every position for every operation; REST-Query answers have no SOAP header to grow. */
    static Stream<Arguments> positions() {
        List<Arguments> all = new ArrayList<>();
        for (Operation operation : Operation.values()) {
            for (ContractAddition addition : ContractAddition.values()) {
                if (addition == ContractAddition.SOAP_HEADER && operation != Operation.ACTIVATE_SOAP) {
                    continue;
                }
                all.add(Arguments.of(operation, addition));
            }
        }
        return all.stream();
    }

    private List<String> debugLines() {
        return logged.list.stream().filter(e -> e.getLevel() == Level.DEBUG).map(ILoggingEvent::getFormattedMessage)
                .toList();
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("positions")
    void call_whenAnswerGrewAtOnePosition_succeedsAndLogsWhatItSkipped(Operation operation, ContractAddition addition) {
        DesktopCredentials credentials = activateAgainst(client, sim);
        Object asAnsweredToday = operation.call.apply(credentials);
        logged.list.clear();
        sim.faults().injectNext(1, InjectedFault.futureContract(EnumSet.of(addition)));

        Object asAnsweredGrown = operation.call.apply(credentials);

        assertThat(asAnsweredGrown).isEqualTo(asAnsweredToday);

        String expectedName = switch (addition) {
            case FOREIGN_NAMESPACE -> "Extension";
            case SOAP_HEADER -> "Trace";
            case UNKNOWN_ATTRIBUTES -> "since";
            default -> "FutureField";
        };
        assertThat(debugLines()).as("DEBUG lines of " + EVOLUTION_LOGGER)
                .anySatisfy(line -> assertThat(line).contains(expectedName));
    }

    @ParameterizedTest
    @EnumSource(Operation.class)
    void call_whenAnswerGrewEverywhereAtOnce_succeeds(Operation operation) {
        DesktopCredentials credentials = activateAgainst(futureClient, future);
        logged.list.clear();

        if (operation == Operation.ACTIVATE_SOAP) {
            activateAgainst(futureClient, future);
        } else if (operation == Operation.VERIFY_REST) {
            assertThat(futureClient.verifySubscription(credentials, SimulatorBackedClients.token(product)))
                    .isNotInstanceOf(SubscriptionResult.Rejected.class);
        } else {
            assertThat(futureClient.refreshUserToken(credentials, SimulatorBackedClients.token(product)))
                    .isInstanceOf(RefreshResult.Refreshed.class);
        }

        assertThat(debugLines()).anySatisfy(line -> assertThat(line).contains("FutureField"))
                .anySatisfy(line -> assertThat(line).contains("Extension"))
                .anySatisfy(line -> assertThat(line).contains("since"));
    }

    @ParameterizedTest
    @EnumSource(Operation.class)
    void call_whenAnswerGrewEverywhereAtOnce_logsOneSummaryLineWithWhatWasSkipped(Operation operation) {
        DesktopCredentials credentials = activateAgainst(client, sim);
        logged.list.clear();
        sim.faults().injectNext(1, InjectedFault.futureContract(EnumSet.allOf(ContractAddition.class)));

        operation.call.apply(credentials);

        Pattern summary = Pattern.compile("answer (\\w+) grew beyond the contract: (\\d+) unknown elements? skipped,"
                + " (\\d+) unknown attributes? ignored");
        List<Matcher> summaries = debugLines().stream().map(summary::matcher).filter(Matcher::matches).toList();
        assertThat(summaries).as("summary lines of " + EVOLUTION_LOGGER).hasSize(1);
        Matcher line = summaries.get(0);
        assertThat(line.group(1)).endsWith("Response");
        assertThat(Integer.parseInt(line.group(2))).isPositive();
        assertThat(Integer.parseInt(line.group(3))).isPositive();
    }

    @ParameterizedTest
    @EnumSource(Operation.class)
    void call_whenAnswerIsExactlyTheContract_logsNoSummaryLine(Operation operation) {
        DesktopCredentials credentials = activateAgainst(client, sim);
        logged.list.clear();

        operation.call.apply(credentials);

        assertThat(debugLines()).noneSatisfy(line -> assertThat(line).contains("grew beyond the contract"));
    }

    static Stream<Arguments> spoiledCredentials() {
        List<Arguments> all = new ArrayList<>();
        for (CredentialPart part : CredentialPart.values()) {
            all.add(Arguments.of("missing " + part.elementName(), InjectedFault.missingCredential(part), part));
            all.add(Arguments.of("empty " + part.elementName(), InjectedFault.emptyCredential(part), part));
            all.add(Arguments.of("malformed " + part.elementName(), InjectedFault.malformedCredential(part), part));
        }
        return all.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("spoiledCredentials")
    void activate_whenGrownAnswerHasASpoiledCredential_isRefusedNamingTheElementNotTheValue(String name,
            InjectedFault fault, CredentialPart part) {
        future.faults().injectNext(1, fault);

        assertThatThrownBy(() -> activateAgainst(futureClient, future))
                .isInstanceOfSatisfying(ProtocolFailureException.class, e -> assertNamesOnly(e, part));
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = Spoil.class)
    void refresh_whenGrownAnswerHasASpoiledUserToken_isRefusedNamingTheElementNotTheValue(Spoil spoil) {
        DesktopCredentials credentials = activateAgainst(futureClient, future);
        future.faults().injectNext(1, spoil.fault);

        assertThatThrownBy(() -> futureClient.refreshUserToken(credentials, SimulatorBackedClients.token(product)))
                .isInstanceOfSatisfying(ProtocolFailureException.class,
                        e -> assertNamesOnly(e, CredentialPart.USER_TOKEN));
    }

    /** The spoilings of RefreshUserToken's one credential. */
    enum Spoil {
        MISSING(InjectedFault.missingCredential(CredentialPart.USER_TOKEN)),
        EMPTY(InjectedFault.emptyCredential(CredentialPart.USER_TOKEN)),
        MALFORMED(InjectedFault.malformedCredential(CredentialPart.USER_TOKEN));

        final InjectedFault fault;

        Spoil(InjectedFault fault) {
            this.fault = fault;
        }
    }

    @Test
    void activate_inFutureContractMode_issuesTheSameShapeOfCredentials() {
        DesktopCredentials credentials = activateAgainst(futureClient, future);

        assertThat(credentials.userToken().reveal()).startsWith("{UserToken}").doesNotContainAnyWhitespaces();
        assertThat(credentials.accessKeyId()).hasSize(20);
        assertThat(credentials.secretAccessKey().reveal()).hasSize(40);
    }

    private static void assertNamesOnly(ProtocolFailureException e, CredentialPart part) {
        assertThat(e.getMessage()).contains(part.elementName())
                .doesNotContain("{UserToken}")
                .doesNotContainPattern("[A-Z0-9]{20}")
                .doesNotContainPattern("[A-Za-z0-9+/]{40}");
    }
}
