package org.qchat.bench.jmh;

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
 * CPU time of the whole benchmark JVM per operation: every thread's, not only the benchmark
 * thread's, so that work a store hands to threads of its own (RocksDB's compactions and flushes, the
 * garbage collector, H2's background writer) is counted too. Reported as the secondary result
 * {@code ·cpu}, nanoseconds per operation as the benchmark counts them ({@link Meter#count}).
 *
 * <p>A benchmark state measures with a {@link Meter} from its {@code @Setup(Level.Iteration)} to its
 * {@code @TearDown(Level.Iteration)}: JMH runs a trial's setup inside the first iteration and its
 * teardown inside the last, so a profiler's own before/after window would also count a store's
 * preload and its deletion. This profiler only carries the meter's figure into JMH's results. It also
 * counts JMH's own threads and the JIT compiler: a few percent at most once warm.
 *
 * <p>Use with {@code -prof org.qchat.bench.jmh.ProcessCpuProfiler} ({@link StoreBenchmark#main} adds it).
 */
public final class ProcessCpuProfiler implements InternalProfiler {

    private static final com.sun.management.OperatingSystemMXBean OS =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    /** The last iteration's figure, handed from the benchmark thread to the profiler. */
    private static volatile double lastNanosPerOperation = Double.NaN;

    /** One iteration's process CPU time and operations. Used by the benchmark thread only. */
    static final class Meter {
        private long cpuAtStart;
        private long operations;

        void start() {
            operations = 0;
            cpuAtStart = OS.getProcessCpuTime();
        }

        void count(long done) {
            operations += done;
        }

        void stop() {
            long cpu = OS.getProcessCpuTime() - cpuAtStart;
            lastNanosPerOperation = operations == 0 ? Double.NaN : (double) cpu / operations;
        }
    }

    @Override
    public String getDescription() {
        return "process CPU time (all JVM threads) per operation, as measured by the benchmark's state";
    }

    @Override
    public void beforeIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams) {
        lastNanosPerOperation = Double.NaN;
    }

    @Override
    @SuppressWarnings("rawtypes") // JMH's InternalProfiler declares the raw Result
    public Collection<? extends Result> afterIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams,
                                                       IterationResult result) {
        return List.of(new ScalarResult("cpu", lastNanosPerOperation, "ns/op", AggregationPolicy.AVG));
    }
}
