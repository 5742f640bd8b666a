package dev.ddbstreams.benchmarks.jmh;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
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
 * CPU time per operation: of the benchmark thread ({@code cpu.caller}: all three clients call synchronously, so
 * this thread builds, signs, sends, reads and parses), of the whole benchmark JVM ({@code cpu.client}: adds GC,
 * the JIT and any HTTP client threads) and of the fixture server JVM ({@code cpu.server}). On a machine others
 * share, throughput swings with their load, but the CPU the caller spends per operation hardly does: it is the
 * load-robust companion of the ops/s numbers.
 */
public final class CpuTimeProfiler implements InternalProfiler {

    /** The system property naming the fixture server's process id, set by the harness. */
    static final String SERVER_PID = "ddbstreams.bench.serverPid";

    private final com.sun.management.OperatingSystemMXBean os =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    private final java.lang.management.ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private final Path serverStat = serverStat();
    private final java.util.Map<Long, Long> callerStart = new java.util.HashMap<>();
    private long clientStart;
    private long serverStart;

    @Override
    public String getDescription() {
        return "CPU time per operation of the benchmark JVM and the fixture server";
    }

    @Override
    public void beforeIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams) {
        callerStart.clear();
        for (long id : workerThreadIds()) {
            callerStart.put(id, threads.getThreadCpuTime(id));
        }
        clientStart = os.getProcessCpuTime();
        serverStart = serverCpuNanos();
    }

    @Override
    public Collection<? extends Result> afterIteration(BenchmarkParams benchmarkParams,
                                                       IterationParams iterationParams, IterationResult result) {
        long client = os.getProcessCpuTime() - clientStart;
        long server = serverCpuNanos() - serverStart;
        long caller = 0;
        for (long id : workerThreadIds()) {
            long now = threads.getThreadCpuTime(id);
            if (now >= 0) {
                caller += now - callerStart.getOrDefault(id, 0L);
            }
        }
        long ops = result.getMetadata().getAllOps();
        List<Result> results = new ArrayList<>();
        if (ops > 0) {
            results.add(new ScalarResult("cpu.caller", caller / 1e3 / ops, "µs/op", AggregationPolicy.AVG));
            results.add(new ScalarResult("cpu.client", client / 1e3 / ops, "µs/op", AggregationPolicy.AVG));
            if (serverStat != null) {
                results.add(new ScalarResult("cpu.server", server / 1e3 / ops, "µs/op", AggregationPolicy.AVG));
            }
        }
        return results;
    }

    // JMH names the threads that run the benchmark method "<benchmark>-jmh-worker-<n>".
    private static List<Long> workerThreadIds() {
        List<Long> ids = new ArrayList<>();
        for (Thread thread : Thread.getAllStackTraces().keySet()) {
            if (thread.getName().contains("jmh-worker")) {
                ids.add(thread.getId());
            }
        }
        return ids;
    }

    private static Path serverStat() {
        String pid = System.getProperty(SERVER_PID);
        return pid == null ? null : Path.of("/proc", pid, "stat");
    }

    // utime + stime of the whole server process from /proc/<pid>/stat, in clock ticks (1/100 s on Linux): coarse,
    // but it keeps the time of threads that have ended, which per-thread counters lose. Over an iteration of many
    // calls, averaged over iterations, the tick is small enough.
    private long serverCpuNanos() {
        if (serverStat == null) {
            return 0;
        }
        try {
            String stat = Files.readString(serverStat);
            // Fields after the command name, which is in parentheses and may hold spaces.
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
            return ticks * 10_000_000L;
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }
}
