package io.github.devpayls.ls.simulator.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import io.github.devpayls.ls.simulator.InjectedFault;
import io.github.devpayls.ls.simulator.LicenseServiceSimulator;
import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

/**
 * The extension seen from outside: the nested classes below are test classes that use it, run here
 * through the JUnit Platform launcher, and what they were given is checked after they finished.
 */
class LicenseServiceSimulatorExtensionIT {

    /** What the example classes saw, in order. */
    static final List<Object> SEEN = new CopyOnWriteArrayList<>();

    private static TestExecutionSummary run(Class<?>... testClasses) {
        SEEN.clear();
        SummaryGeneratingListener listener = new SummaryGeneratingListener();
        LauncherFactory.create().execute(LauncherDiscoveryRequestBuilder.request()
                .selectors(Arrays.stream(testClasses).map(c -> selectClass(c)).toList()).build(), listener);
        return listener.getSummary();
    }

    private static void assertAllPassed(TestExecutionSummary summary, int tests) {
        assertThat(summary.getFailures()).extracting(f -> f.getException().toString()).isEmpty();
        assertThat(summary.getTestsSucceededCount()).isEqualTo(tests);
    }

    private static boolean accepts(URI endpoint) {
        try {
            new Socket(endpoint.getHost(), endpoint.getPort()).close();
            return true;
        } catch (IOException refused) {
            return false;
        }
    }

    @ExtendWith(LicenseServiceSimulatorExtension.class)
    static class InjectedIntoConstructorAndMethods {
        private final LicenseServiceSimulator fromConstructor;

        InjectedIntoConstructorAndMethods(LicenseServiceSimulator simulator) {
            this.fromConstructor = simulator;
        }

        @Test
        void first(LicenseServiceSimulator simulator) {
            SEEN.add(fromConstructor);
            SEEN.add(simulator);
        }

        @Test
        void second(LicenseServiceSimulator simulator) {
            SEEN.add(simulator);
        }
    }

    @ExtendWith(LicenseServiceSimulatorExtension.class)
    static class AnotherClass {
        @Test
        void only(LicenseServiceSimulator simulator) {
            SEEN.add(simulator);
        }
    }

    @WithLicenseServiceSimulator(seed = 7, plainHttp = true, vettingDelay = "PT10M")
    static class Annotated {
        @Test
        void configured(LicenseServiceSimulator simulator) {
            SEEN.add(simulator.fixtures().seed());
            SEEN.add(simulator.endpoint().getScheme());
        }
    }

    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    static class WithClockAndFaultScript {
        static final ManualClock CLOCK = ManualClock.startingAt(Instant.parse("2026-03-01T08:00:00Z"));

        @RegisterExtension
        static final LicenseServiceSimulatorExtension SIM = LicenseServiceSimulatorExtension.builder()
                .clock(CLOCK).faults(f -> f.injectNext(1, InjectedFault.dropConnection())).build();

        @Test
        @Order(1)
        void addsItsOwnFault(LicenseServiceSimulator simulator) {
            simulator.faults().injectNext(5, InjectedFault.hang());
        }

        @Test
        @Order(2)
        void seesTheConfiguredScriptOnly_andTheManualClock(LicenseServiceSimulator simulator) throws Exception {
            // The key expires one hour after creation by the simulator's clock: the manual one.
            String key = simulator.mintActivationKey(simulator.fixtures().products().get(0).productCode());
            CLOCK.advance(Duration.ofHours(2));
            SEEN.add(key);
            SEEN.add(SimulatorRawPost.status(simulator)); // the configured drop, not the test's hang
        }
    }

    @ExtendWith(LicenseServiceSimulatorExtension.class)
    static class WithAClient {
        @Test
        void first(RecordingClientFactory.RecordingClient client, LicenseServiceSimulator simulator) {
            SEEN.add(client);
            SEEN.add(simulator);
        }

        @Test
        void second(RecordingClientFactory.RecordingClient client) {
            SEEN.add(client);
        }
    }

    @Test
    void extendWith_injectsOneStartedHttpsSimulatorPerClass_intoConstructorAndMethods_andStopsItAfter() {
        assertAllPassed(run(InjectedIntoConstructorAndMethods.class), 2);

        assertThat(SEEN).hasSize(3);
        LicenseServiceSimulator simulator = (LicenseServiceSimulator) SEEN.get(0);
        assertThat(SEEN).allMatch(seen -> seen == simulator);
        assertThat(simulator.endpoint().getScheme()).isEqualTo("https");
        assertThat(simulator.endpoint().getHost()).isEqualTo("127.0.0.1");
        assertThat(accepts(simulator.endpoint())).as("the port is free after the class").isFalse();
    }

    @Test
    void eachTestClass_getsItsOwnSimulator() {
        assertAllPassed(run(InjectedIntoConstructorAndMethods.class, AnotherClass.class), 3);

        assertThat(SEEN).hasSize(4);
        assertThat(SEEN.stream().distinct().count()).as("distinct simulators").isEqualTo(2);
    }

    @Test
    void annotation_configuresSeedAndTransport() {
        assertAllPassed(run(Annotated.class), 1);

        assertThat(SEEN).containsExactly(7L, "http");
    }

    @Test
    void builder_configuresClockAndFaultScript_andEachTestStartsFromTheConfiguredScript() {
        assertAllPassed(run(WithClockAndFaultScript.class), 2);

        assertThat(SEEN).hasSize(2);
        assertThat(SEEN.get(1)).as("status seen by the second test").isEqualTo(SimulatorRawPost.DROPPED);
    }

    @Test
    void registeredClientFactory_injectsOneClientPerClass_forTheSimulator_andClosesIt() {
        assertAllPassed(run(WithAClient.class), 2);

        List<Object> clients = SEEN.stream().filter(RecordingClientFactory.RecordingClient.class::isInstance).toList();
        assertThat(clients).hasSize(2);
        assertThat(clients.get(1)).as("one client per class").isSameAs(clients.get(0));
        var client = (RecordingClientFactory.RecordingClient) clients.get(0);
        var simulator = (LicenseServiceSimulator) SEEN.stream().filter(LicenseServiceSimulator.class::isInstance)
                .findFirst().orElseThrow();
        assertThat(client.endpoint()).isEqualTo(simulator.endpoint());
        assertThat(client.trustStore()).isPresent();
        assertThat(client.closed()).as("closed after the class").isTrue();
    }

    @Test
    void vettingDelayThatIsNoDuration_failsTheClassNamingTheAttribute() {
        TestExecutionSummary summary = run(BadAnnotation.class);

        assertThat(summary.getTestsSucceededCount()).isZero();
        assertThat(summary.getFailures()).isNotEmpty();
        assertThat(summary.getFailures().get(0).getException()).hasMessageContaining("vettingDelay")
                .hasMessageContaining("ISO-8601");
    }

    @WithLicenseServiceSimulator(vettingDelay = "ten minutes")
    static class BadAnnotation {
        @Test
        void never(LicenseServiceSimulator simulator) {
            SEEN.add(simulator);
        }
    }

    @Test
    void manualClock_movesOnlyWhenTold_andRefusesToGoBack() {
        ManualClock clock = ManualClock.startingAt(Instant.EPOCH);

        assertThat(clock.instant()).isEqualTo(Instant.EPOCH);
        assertThat(clock.advance(Duration.ofSeconds(5))).isEqualTo(Instant.ofEpochSecond(5));
        assertThat(clock.withZone(java.time.ZoneId.of("Europe/Paris")).instant()).isEqualTo(Instant.ofEpochSecond(5));
        assertThatThrownBy(() -> clock.advance(Duration.ofSeconds(-1))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("duration");
    }
}
