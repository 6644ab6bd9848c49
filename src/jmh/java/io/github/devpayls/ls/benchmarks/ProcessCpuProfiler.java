package io.github.devpayls.ls.benchmarks;

import com.sun.management.OperatingSystemMXBean;
import java.lang.management.ManagementFactory;
import java.util.Collection;
import java.util.List;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.profile.InternalProfiler;
import org.openjdk.jmh.results.AggregationPolicy;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.ScalarResult;

/**
 * CPU time of the measured JVM per call, all its threads together ({@code cpu.time.norm}, µs/op).
 * Wall time per call includes the simulator's share of the two cores; this does not, so it shows
 * what the client itself costs. It counts work a client does on its own threads too (CXF's default
 * conduit reads responses on the JDK HTTP client's selector thread), plus JMH and GC.
 * Use with {@code -prof io.github.devpayls.ls.benchmarks.ProcessCpuProfiler}.
 */
public final class ProcessCpuProfiler implements InternalProfiler {

    private final OperatingSystemMXBean os = ManagementFactory.getPlatformMXBean(OperatingSystemMXBean.class);
    private long startNanos;

    @Override
    public String getDescription() {
        return "CPU time of the benchmark JVM (all threads) per operation";
    }

    @Override
    public void beforeIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams) {
        startNanos = os.getProcessCpuTime();
    }

    @Override
    public Collection<? extends Result> afterIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams,
                                                       IterationResult result) {
        long cpuNanos = os.getProcessCpuTime() - startNanos;
        long operations = result.getMetadata().getAllOps();
        double perCall = operations == 0 ? Double.NaN : cpuNanos / 1_000.0 / operations;
        return List.of(new ScalarResult("cpu.time.norm", perCall, "us/op", AggregationPolicy.AVG));
    }
}
