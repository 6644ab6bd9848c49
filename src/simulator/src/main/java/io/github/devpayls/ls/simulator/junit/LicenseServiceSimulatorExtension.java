package io.github.devpayls.ls.simulator.junit;

import io.github.devpayls.ls.contract.EndpointClientFactory;
import io.github.devpayls.ls.simulator.FaultInjector;
import io.github.devpayls.ls.simulator.LicenseServiceSimulator;
import java.time.Clock;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.function.Consumer;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * A JUnit 5 extension that starts one License Service simulator (HTTPS on an ephemeral loopback
 * port, a throwaway CA) per test class, injects it into test constructors and methods, and stops it
 * after the class. It also injects, per class, a client of any type for which an
 * {@link EndpointClientFactory} is registered: with {@code devpay-ls-client} on the class path a
 * {@code LicenseServiceClient} parameter gets a client that trusts the simulator's CA (and nothing
 * else), closed after the class. The simulator itself never depends on the client.
 *
 * <pre>{@code
 * @WithLicenseServiceSimulator
 * class ActivationTest {
 *     @Test
 *     void activates(LicenseServiceSimulator simulator, LicenseServiceClient client) { ... }
 * }
 *
 * // or, to configure a clock or a fault script:
 * @RegisterExtension
 * static LicenseServiceSimulatorExtension sim = LicenseServiceSimulatorExtension.builder()
 *         .seed(7).clock(clock).faults(f -> f.injectFraction(0.1, InjectedFault.throttle())).build();
 * }</pre>
 *
 * <p>Each test class gets fresh fixtures and state; nested classes share their outer class's
 * simulator. After each test the fault script is reset to the configured one, so faults a test
 * injects do not leak into the next; the request count is not reset (count relatively).
 */
public final class LicenseServiceSimulatorExtension implements BeforeAllCallback, AfterEachCallback,
        ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(LicenseServiceSimulatorExtension.class);
    private static final String SIMULATOR_KEY = "simulator";

    private final Optional<Builder> configured;

    /** For {@code @ExtendWith}: configured by {@link WithLicenseServiceSimulator} when present, else defaults. */
    public LicenseServiceSimulatorExtension() {
        this.configured = Optional.empty();
    }

    private LicenseServiceSimulatorExtension(Builder builder) {
        this.configured = Optional.of(builder);
    }

    /** @return a builder with the simulator's defaults */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        simulator(context);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        Running running = running(context);
        running.simulator().faults().clear();
        running.settings().faults.accept(running.simulator().faults());
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == LicenseServiceSimulator.class || factoryFor(type).isPresent();
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        if (type == LicenseServiceSimulator.class) {
            return simulator(context);
        }
        EndpointClientFactory<?> factory = factoryFor(type).orElseThrow(() ->
                new ParameterResolutionException("no EndpointClientFactory builds " + type.getName()));
        LicenseServiceSimulator simulator = simulator(context);
        // One client per class and type, closed with the class's store (before the simulator).
        ClientResource client = classStore(context).getOrComputeIfAbsent("client:" + type.getName(),
                key -> new ClientResource(factory.create(simulator.endpoint(), simulator.trustStore())),
                ClientResource.class);
        return client.client();
    }

    private LicenseServiceSimulator simulator(ExtensionContext context) {
        return running(context).simulator();
    }

    private Running running(ExtensionContext context) {
        return classStore(context).getOrComputeIfAbsent(SIMULATOR_KEY, key -> start(context), Running.class);
    }

    private Running start(ExtensionContext context) {
        Builder settings = configured.orElseGet(() -> fromAnnotation(context));
        LicenseServiceSimulator simulator = settings.simulator.start();
        settings.faults.accept(simulator.faults());
        return new Running(simulator, settings);
    }

    private static Builder fromAnnotation(ExtensionContext context) {
        Builder settings = new Builder();
        context.getTestClass()
                .flatMap(type -> AnnotationSupport.findAnnotation(type, WithLicenseServiceSimulator.class))
                .ifPresent(annotation -> {
                    settings.seed(annotation.seed()).plainHttp(annotation.plainHttp());
                    try {
                        settings.vettingDelay(Duration.parse(annotation.vettingDelay()));
                    } catch (DateTimeParseException | IllegalArgumentException e) {
                        throw new ExtensionConfigurationException("@WithLicenseServiceSimulator(vettingDelay = \""
                                + annotation.vettingDelay() + "\"): must be a non-negative ISO-8601 duration, e.g. PT10M", e);
                    }
                });
        return settings;
    }

    /** The store of the test class the context belongs to, so everything lives as long as the class. */
    private static ExtensionContext.Store classStore(ExtensionContext context) {
        ExtensionContext classContext = context;
        while (classContext.getTestMethod().isPresent() && classContext.getParent().isPresent()) {
            classContext = classContext.getParent().get();
        }
        return classContext.getStore(NAMESPACE);
    }

    private static Optional<EndpointClientFactory<?>> factoryFor(Class<?> type) {
        return Factories.ALL.stream().filter(factory -> factory.clientType() == type).findFirst();
    }

    /** The registered factories, looked up once. */
    private static final class Factories {
        static final List<EndpointClientFactory<?>> ALL = load();

        private static List<EndpointClientFactory<?>> load() {
            ClassLoader loader = Optional.ofNullable(Thread.currentThread().getContextClassLoader())
                    .orElse(LicenseServiceSimulatorExtension.class.getClassLoader());
            List<EndpointClientFactory<?>> factories = new ArrayList<>();
            for (EndpointClientFactory<?> factory : ServiceLoader.load(EndpointClientFactory.class, loader)) {
                factories.add(factory);
            }
            return List.copyOf(factories);
        }
    }

    /** A started simulator and the settings it was started with; stopped when the class's store closes. */
    private record Running(LicenseServiceSimulator simulator, Builder settings) implements AutoCloseable {
        @Override
        public void close() {
            simulator.close();
        }
    }

    /** An injected client; closed when the class's store closes. */
    private record ClientResource(AutoCloseable client) implements AutoCloseable {
        @Override
        public void close() {
            try {
                client.close();
            } catch (Exception e) {
                throw new IllegalStateException("cannot close the injected " + client.getClass().getName(), e);
            }
        }
    }

    /** Configures the simulator an extension starts. Not thread-safe; build once, in a static field. */
    public static final class Builder {

        // The simulator's own builder holds and checks the settings (one place for the rules); this
        // one adds the fault script. Its start() reads the settings only, so each class gets a fresh simulator.
        private final LicenseServiceSimulator.Builder simulator = LicenseServiceSimulator.builder();
        private Consumer<FaultInjector> faults = script -> { };

        private Builder() {
        }

        /**
         * @param seed the seed of the fixtures and of every generated value
         * @return this builder
         */
        public Builder seed(long seed) {
            simulator.seed(seed);
            return this;
        }

        /**
         * @param clock the clock of key expiry, token expiry and vetting, e.g. a {@link ManualClock}
         * @return this builder
         */
        public Builder clock(Clock clock) {
            simulator.clock(clock);
            return this;
        }

        /**
         * @param vettingDelay how long after the first activation a subscription becomes active; not negative
         * @return this builder
         */
        public Builder vettingDelay(Duration vettingDelay) {
            simulator.vettingDelay(vettingDelay);
            return this;
        }

        /**
         * @param plainHttp {@code true} for plain HTTP on loopback instead of HTTPS
         * @return this builder
         */
        public Builder plainHttp(boolean plainHttp) {
            simulator.plainHttp(plainHttp);
            return this;
        }

        /**
         * @param script the fault script applied at start and again after each test
         *               (e.g. {@code f -> f.injectFraction(0.1, InjectedFault.throttle())})
         * @return this builder
         */
        public Builder faults(Consumer<FaultInjector> script) {
            this.faults = Objects.requireNonNull(script, "script");
            return this;
        }

        /** @return the extension, for a {@code @RegisterExtension} field */
        public LicenseServiceSimulatorExtension build() {
            return new LicenseServiceSimulatorExtension(this);
        }
    }
}
