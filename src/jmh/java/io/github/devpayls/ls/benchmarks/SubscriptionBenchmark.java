package io.github.devpayls.ls.benchmarks;

import io.github.devpayls.ls.ActivationKey;
import io.github.devpayls.ls.ActivationResult;
import io.github.devpayls.ls.DesktopCredentials;
import io.github.devpayls.ls.LicenseServiceClient;
import io.github.devpayls.ls.ProductToken;
import io.github.devpayls.ls.RefreshResult;
import io.github.devpayls.ls.SubscriptionResult;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The two REST-Query calls a desktop product makes with the customer's keys, the facade against the
 * hand-written floor ({@link HandWrittenRestCaller}), measured as {@link ActivationBenchmark} measures
 * activation: each trial starts its own simulator in a separate JVM; the set-up activates once
 * (with the facade) for the credential set both sides then use, and makes one call of each side,
 * which must succeed. Refreshing with the same token every time is what the service allows: the
 * replaced token keeps working for its grace period (15 minutes), far beyond a trial.
 */
@Fork(value = 2, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 10, time = 2)
@Measurement(iterations = 5, time = 2)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class SubscriptionBenchmark {

    /** The trial's simulator, a credential set it issued, and both callers holding it. */
    @State(Scope.Benchmark)
    public static class Callers {

        /** {@code https} (the service's only scheme) or {@code http} (loopback only). */
        @Param({"https", "http"})
        public String scheme;

        SimulatorProcess process;
        LicenseServiceClient client;
        DesktopCredentials credentials;
        ProductToken productToken;
        HandWrittenRestCaller floor;

        /** @throws Exception when the simulator does not start or a first call fails */
        @Setup(Level.Trial)
        public void start() throws Exception {
            process = SimulatorProcess.start("https".equals(scheme));
            Target target = process.target();
            LicenseServiceClient.Builder builder = LicenseServiceClient.builder().endpoint(target.endpoint());
            target.caCertificate().ifPresentOrElse(builder::trustPemCertificates, () -> builder.allowInsecureLoopback(true));
            client = builder.build();
            productToken = ProductToken.of(target.productToken());
            if (!(client.activateDesktopProduct(ActivationKey.of(target.activationKey()), productToken)
                    instanceof ActivationResult.Activated activated)) {
                throw new IllegalStateException("the set-up activation was not a success");
            }
            credentials = activated.credentials();
            floor = new HandWrittenRestCaller(target, credentials.userToken().reveal(), credentials.accessKeyId(),
                    credentials.secretAccessKey().reveal());
            if (client.verifySubscription(credentials, productToken) instanceof SubscriptionResult.Rejected rejected) {
                throw new IllegalStateException("the facade's verification was rejected: " + rejected);
            }
            if (!(client.refreshUserToken(credentials, productToken) instanceof RefreshResult.Refreshed)) {
                throw new IllegalStateException("the facade's refresh was not a success");
            }
            floor.verify();
            floor.refresh();
        }

        /** @throws InterruptedException when interrupted while the simulator stops */
        @TearDown(Level.Trial)
        public void stop() throws InterruptedException {
            client.close();
            process.close();
        }
    }

    /**
     * @param callers the trial's callers
     * @return the result, for the blackhole
     */
    @Benchmark
    public Object facadeVerify(Callers callers) {
        return callers.client.verifySubscription(callers.credentials, callers.productToken);
    }

    /**
     * @param callers the trial's callers
     * @return the {@code Subscribed} text, for the blackhole
     * @throws Exception when the call fails
     */
    @Benchmark
    public Object floorVerify(Callers callers) throws Exception {
        return callers.floor.verify();
    }

    /**
     * @param callers the trial's callers
     * @return the result, for the blackhole
     */
    @Benchmark
    public Object facadeRefresh(Callers callers) {
        return callers.client.refreshUserToken(callers.credentials, callers.productToken);
    }

    /**
     * @param callers the trial's callers
     * @return the new user token, for the blackhole
     * @throws Exception when the call fails
     */
    @Benchmark
    public Object floorRefresh(Callers callers) throws Exception {
        return callers.floor.refresh();
    }
}
