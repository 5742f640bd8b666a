package dev.ddbstreams.benchmarks.flink;

import com.sun.management.OperatingSystemMXBean;
import dev.ddbstreams.benchmarks.report.MachineInfo;
import dev.ddbstreams.benchmarks.report.SvgChart;
import dev.ddbstreams.benchmarks.server.ServerProcess;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.runtime.minicluster.MiniCluster;
import org.apache.flink.runtime.minicluster.MiniClusterConfiguration;

/**
 * Reads one simulated stream (64 closed shards × 10,000 records by default, served over HTTP on loopback by
 * {@link SimulatedStreamServerMain} in its own JVM) to its end, several ways in turn: a hand-written loop over the
 * AWS SDK for Java v2, {@code StreamReader} (its defaults, and a thread per shard as the loop has), and the Flink source in a MiniCluster at parallelism 1, 2 and 4. For
 * each: records per second (wall time from start to the last record) and the CPU time of this JVM per record (the
 * server's is not in it). Rounds go round-robin over the ways; the last round is reported, every round is listed.
 * Writes {@code results.md} and {@code chart.svg} into the output folder.
 *
 * <pre>benchmarks/run-flink.sh [--shards 64] [--records 10000] [--rounds 3] [--out benchmarks/results/flink]</pre>
 */
public final class FlinkSourceBenchmark {

    private record Measurement(String subject, int round, long records, double seconds, double cpuSeconds) {
        double recordsPerSecond() {
            return records / seconds;
        }

        double cpuMicrosPerRecord() {
            return cpuSeconds * 1e6 / records;
        }
    }

    private FlinkSourceBenchmark() {}

    public static void main(String[] args) throws Exception {
        Map<String, String> options = options(args);
        int shards = Integer.parseInt(options.getOrDefault("shards", "64"));
        int records = Integer.parseInt(options.getOrDefault("records", "10000"));
        int rounds = Integer.parseInt(options.getOrDefault("rounds", "3"));
        Path out = Path.of(options.getOrDefault("out", "benchmarks/results/flink"));
        Files.createDirectories(out);

        MachineInfo machine = MachineInfo.detect();
        String loadBefore = MachineInfo.loadAverage();
        Instant started = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        List<Measurement> measurements = new ArrayList<>();
        String classpath = System.getProperty("java.class.path");
        try (ServerProcess server = ServerProcess.start(classpath, out.resolve("server.log"),
                SimulatedStreamServerMain.class.getName(), "3g", Integer.toString(shards), Integer.toString(records));
                MiniCluster cluster = new MiniCluster(new MiniClusterConfiguration.Builder()
                        .setConfiguration(new Configuration())
                        .setNumTaskManagers(1)
                        .setNumSlotsPerTaskManager(4)
                        .build())) {
            cluster.start();
            List<Subject> subjects = List.of(new SdkLoopSubject(), StreamReaderSubject.withDefaults(),
                    StreamReaderSubject.withConcurrentShards(shards),
                    new FlinkSourceSubject(cluster, 1), new FlinkSourceSubject(cluster, 2),
                    new FlinkSourceSubject(cluster, 4));
            for (int round = 1; round <= rounds; round++) {
                for (Subject subject : subjects) {
                    Measurement measurement = measure(subject, round, server.baseUri(), (long) shards * records);
                    measurements.add(measurement);
                    System.out.printf(Locale.ROOT, "round %d, %-26s %,10.0f records/s, %6.2f µs CPU per record%n",
                            round, subject.name() + ":", measurement.recordsPerSecond(),
                            measurement.cpuMicrosPerRecord());
                    // The service allows five calls a second per shard: let the last reader's calls age out.
                    Thread.sleep(500);
                }
            }
        }
        String loadAfter = MachineInfo.loadAverage();
        List<Measurement> reported = measurements.stream().filter(m -> m.round() == rounds).toList();
        String conditions = String.format(Locale.ROOT, "%d shards × %,d records; %s; load average (1, 5, 15 min) "
                + "before %s, after %s; run %s", shards, records, machine.summary(), loadBefore, loadAfter, started);
        Files.writeString(out.resolve("results.md"), markdown(conditions, reported, measurements));
        Files.writeString(out.resolve("chart.svg"), chart(shards, records, machine, loadBefore, loadAfter, started,
                reported));
        System.out.println("Wrote " + out.resolve("results.md") + " and chart.svg");
    }

    private static Measurement measure(Subject subject, int round, String endpoint, long expected) throws Exception {
        OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long cpuBefore = os.getProcessCpuTime();
        long start = System.nanoTime();
        long read = subject.readAll(endpoint);
        double seconds = (System.nanoTime() - start) / 1e9;
        double cpuSeconds = (os.getProcessCpuTime() - cpuBefore) / 1e9;
        if (read != expected) {
            throw new IllegalStateException(subject.name() + " read " + read + " records, not " + expected);
        }
        return new Measurement(subject.name(), round, read, seconds, cpuSeconds);
    }

    private static String markdown(String conditions, List<Measurement> reported, List<Measurement> all) {
        Measurement sdk = reported.get(0);
        StringBuilder md = new StringBuilder("# Reading a whole stream: the Flink source, StreamReader, an SDK loop\n\n");
        md.append(conditions).append(".\n\n");
        md.append("| Reader | Records/s | × the SDK loop | CPU µs per record | SDK loop's CPU ÷ this | Wall s |\n");
        md.append("| --- | ---: | ---: | ---: | ---: | ---: |\n");
        for (Measurement m : reported) {
            md.append(String.format(Locale.ROOT, "| %s | %,.0f | %.2f× | %.2f | %.2f× | %.1f |%n", m.subject(),
                    m.recordsPerSecond(), m.recordsPerSecond() / sdk.recordsPerSecond(), m.cpuMicrosPerRecord(),
                    sdk.cpuMicrosPerRecord() / m.cpuMicrosPerRecord(), m.seconds()));
        }
        md.append("\nEvery round (the table shows the last):\n\n| Round | Reader | Records/s | CPU µs per record |\n");
        md.append("| ---: | --- | ---: | ---: |\n");
        for (Measurement m : all) {
            md.append(String.format(Locale.ROOT, "| %d | %s | %,.0f | %.2f |%n", m.round(), m.subject(),
                    m.recordsPerSecond(), m.cpuMicrosPerRecord()));
        }
        return md.toString();
    }

    private static String chart(int shards, int records, MachineInfo machine, String loadBefore, String loadAfter,
            Instant started, List<Measurement> reported) {
        List<SvgChart.Bar> rates = new ArrayList<>();
        List<SvgChart.Bar> cpu = new ArrayList<>();
        for (Measurement m : reported) {
            String color = m.subject().startsWith("AWS SDK") ? SvgChart.SDK_APACHE5 : SvgChart.OURS;
            rates.add(new SvgChart.Bar(m.subject(), m.recordsPerSecond(), color));
            cpu.add(new SvgChart.Bar(m.subject(), m.cpuMicrosPerRecord(), color));
        }
        return SvgChart.renderPanels(
                String.format(Locale.ROOT, "Reading %d shards × %,d records: Flink source, StreamReader, SDK v2 loop",
                        shards, records),
                List.of("Machine: " + machine.cpus() + " CPUs (" + machine.cpuModel() + "), " + machine.memory()
                                + " RAM. JVM: " + machine.jvm() + ".",
                        "Run " + started + "; load average (1, 5, 15 min) before " + loadBefore + ", after "
                                + loadAfter + ".",
                        "Simulated service over HTTP on loopback, in its own JVM; CPU is the readers' JVM's."),
                List.of(new SvgChart.Panel("Records per second", "records/s", true, rates, null),
                        new SvgChart.Panel("CPU time per record (readers' JVM)", "µs", false, cpu, null)),
                "Blue: ours (StreamReader, the Flink source in a MiniCluster); red: a hand-written AWS SDK v2 loop.");
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("Options are --shards N, --records N, --rounds N, --out DIR: "
                        + String.join(" ", args));
            }
            options.put(args[i].substring(2), args[++i]);
        }
        return options;
    }
}
