package io.github.devpayls.ls.benchmarks;

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
 * One successful ActivateDesktopProduct against the simulator on loopback, three ways: the facade,
 * a raw CXF proxy with CXF's defaults, and the hand-written floor. Each trial (one benchmark, one
 * scheme, one fork) starts its own simulator in a separate JVM, and one client shared by every
 * benchmark thread. Mode and thread count come from the command line (src/jmh/run-benchmarks.sh):
 * average time at one thread, throughput at eight.
 */
@Fork(value = 2, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 10, time = 2)
@Measurement(iterations = 5, time = 2)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class ActivationBenchmark {

    /** The simulator of the trial. */
    @State(Scope.Benchmark)
    public static class Simulator {

        /** {@code https} (the service's only scheme) or {@code http} (loopback only). */
        @Param({"https", "http"})
        public String scheme;

        SimulatorProcess process;

        /** @throws Exception when the simulator does not start */
        @Setup(Level.Trial)
        public void start() throws Exception {
            process = SimulatorProcess.start("https".equals(scheme));
        }

        /** @throws InterruptedException when interrupted while it stops */
        @TearDown(Level.Trial)
        public void stop() throws InterruptedException {
            process.close();
        }
    }

    /** The facade, built as docs/client.md shows, shared by all threads. */
    @State(Scope.Benchmark)
    public static class Facade {
        FacadeCaller caller;

        /**
         * @param simulator the trial's simulator
         * @throws Exception when the first activation fails
         */
        @Setup(Level.Trial)
        public void open(Simulator simulator) throws Exception {
            caller = new FacadeCaller(simulator.process.target());
            caller.activateOnceOrFail();
        }

        /** Closes the client. */
        @TearDown(Level.Trial)
        public void close() {
            caller.close();
        }
    }

    /** A raw CXF proxy with CXF's defaults, shared by all threads. */
    @State(Scope.Benchmark)
    public static class RawCxf {
        RawCxfCaller caller;

        /**
         * @param simulator the trial's simulator
         * @throws Exception when the first activation fails
         */
        @Setup(Level.Trial)
        public void open(Simulator simulator) throws Exception {
            caller = new RawCxfCaller(simulator.process.target());
            caller.activateOnceOrFail();
            System.out.println("raw CXF conduit: " + caller.conduitName());
        }

        /** Destroys the proxy's client. */
        @TearDown(Level.Trial)
        public void close() {
            caller.close();
        }
    }

    /** Bare CXF: the generated proxy on CXF's URLConnection conduit and nothing else, shared by all threads. */
    @State(Scope.Benchmark)
    public static class BareCxf {
        RawCxfCaller caller;

        /**
         * @param simulator the trial's simulator
         * @throws Exception when the first activation fails
         */
        @Setup(Level.Trial)
        public void open(Simulator simulator) throws Exception {
            caller = new RawCxfCaller(simulator.process.target(), true);
            caller.activateOnceOrFail();
            System.out.println("bare CXF conduit: " + caller.conduitName());
        }

        /** Destroys the proxy's client. */
        @TearDown(Level.Trial)
        public void close() {
            caller.close();
        }
    }

    /** The hand-written floor. */
    @State(Scope.Benchmark)
    public static class Floor {
        HandWrittenCaller caller;

        /**
         * @param simulator the trial's simulator
         * @throws Exception when the first activation fails
         */
        @Setup(Level.Trial)
        public void open(Simulator simulator) throws Exception {
            caller = new HandWrittenCaller(simulator.process.target());
            caller.activateOnceOrFail();
        }
    }

    /**
     * @param facade the shared facade client
     * @return the result, for the blackhole
     */
    @Benchmark
    public Object facade(Facade facade) {
        return facade.caller.activate();
    }

    /**
     * @param raw the shared raw CXF proxy
     * @return the response, for the blackhole
     */
    @Benchmark
    public Object rawCxf(RawCxf raw) {
        return raw.caller.activate();
    }

    /**
     * @param bare the shared bare CXF proxy
     * @return the response, for the blackhole
     */
    @Benchmark
    public Object bareCxf(BareCxf bare) {
        return bare.caller.activate();
    }

    /**
     * @param floor the hand-written client
     * @return the three values, for the blackhole
     * @throws Exception when the call fails
     */
    @Benchmark
    public Object floor(Floor floor) throws Exception {
        return floor.caller.activate();
    }
}
