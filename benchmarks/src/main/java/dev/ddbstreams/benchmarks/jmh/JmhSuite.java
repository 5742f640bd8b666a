package dev.ddbstreams.benchmarks.jmh;

import dev.ddbstreams.benchmarks.clients.ClientKind;
import dev.ddbstreams.benchmarks.fixtures.Fixtures;
import dev.ddbstreams.benchmarks.unmarshal.DecoderKind;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * The JMH part of the comparison: the GetRecords pages end to end with every client; DescribeStream
 * and ListStreams end to end with ours and the SDK's default (they add little beyond the per-call overhead the
 * 10-record page already shows, and time is limited); the transport floor under the GetRecords calls; and
 * unmarshalling alone with every decoder.
 */
public final class JmhSuite {

    public static final String END_TO_END = "end-to-end";
    public static final String UNMARSHAL = "unmarshal";
    public static final String TRANSPORT_FLOOR = "transport-floor";
    /** The subject name of the floor's rows. */
    public static final String NO_CLIENT = "no-client";

    private final JmhSettings settings;
    private final String baseUri;
    private final long serverPid;
    private final Path outputDirectory;

    /**
     * @param baseUri the fixture server, passed to every fork
     * @param serverPid its process id, so forks can measure the CPU it spends per call
     * @param outputDirectory where JMH's own JSON results go
     */
    public JmhSuite(JmhSettings settings, String baseUri, long serverPid, Path outputDirectory) {
        this.settings = settings;
        this.baseUri = baseUri;
        this.serverPid = serverPid;
        this.outputDirectory = outputDirectory;
    }

    public List<JmhRow> run() throws RunnerException {
        List<JmhRow> rows = new ArrayList<>();
        // One JMH run per fixture, every subject inside it back to back: the machine is shared, and subjects
        // compared in a ratio should see the same load, not whatever load comes minutes later.
        for (String fixture : List.of(Fixtures.RECORDS_10, Fixtures.RECORDS_1000, Fixtures.RECORDS_NESTED)) {
            rows.addAll(run(END_TO_END, EndToEndBenchmark.class, "jmh-end-to-end-" + fixture + ".json", Map.of(
                    "client", fixture.equals(Fixtures.RECORDS_10) ? ClientKind.ids() : ClientKind.comparedIds(),
                    "fixture", List.of(fixture))));
        }
        for (String fixture : List.of(Fixtures.DESCRIBE_STREAM, Fixtures.LIST_STREAMS)) {
            rows.addAll(run(END_TO_END, EndToEndBenchmark.class, "jmh-end-to-end-" + fixture + ".json", Map.of(
                    "client", List.of(ClientKind.OURS.id(), ClientKind.SDK_APACHE5.id()),
                    "fixture", List.of(fixture))));
        }
        rows.addAll(run(TRANSPORT_FLOOR, TransportFloorBenchmark.class, "jmh-transport-floor.json", Map.of(
                "fixture", List.of(Fixtures.RECORDS_10, Fixtures.RECORDS_1000))));
        for (String fixture : Fixtures.NAMES) {
            rows.addAll(run(UNMARSHAL, UnmarshalBenchmark.class, "jmh-unmarshal-" + fixture + ".json", Map.of(
                    "decoder", DecoderKind.ids(), "fixture", List.of(fixture))));
        }
        return rows;
    }

    private List<JmhRow> run(String benchmark, Class<?> benchmarkClass, String resultFile,
                             Map<String, List<String>> params) throws RunnerException {
        ChainedOptionsBuilder options = new OptionsBuilder()
                .include("^" + Pattern.quote(benchmarkClass.getName()) + "\\.")
                .forks(settings.forks())
                .threads(1)
                .warmupIterations(settings.warmupIterations())
                .warmupTime(settings.warmupTime())
                .measurementIterations(settings.measurementIterations())
                .measurementTime(settings.measurementTime())
                .addProfiler(GCProfiler.class)
                .addProfiler(CpuTimeProfiler.class)
                .jvmArgsAppend("-D" + BenchmarkEndpoint.PROPERTY + "=" + baseUri,
                        "-D" + CpuTimeProfiler.SERVER_PID + "=" + serverPid)
                .resultFormat(ResultFormatType.JSON)
                .result(outputDirectory.resolve(resultFile).toString());
        params.forEach((name, values) -> options.param(name, values.toArray(String[]::new)));
        Collection<RunResult> results = new Runner(options.build()).run();
        String subjectParam = params.containsKey("client") ? "client" : params.containsKey("decoder") ? "decoder" : null;
        List<JmhRow> rows = new ArrayList<>();
        for (RunResult result : results) {
            Result<?> primary = result.getPrimaryResult();
            rows.add(new JmhRow(benchmark, subjectParam == null ? NO_CLIENT : result.getParams().getParam(subjectParam),
                    result.getParams().getParam("fixture"), primary.getScore(), primary.getScoreError(),
                    secondary(result, "gc.alloc.rate.norm"), secondary(result, "cpu.caller"),
                    secondary(result, "cpu.client"),
                    secondary(result, "cpu.server")));
        }
        return rows;
    }

    private static double secondary(RunResult result, String name) {
        return result.getSecondaryResults().entrySet().stream()
                .filter(entry -> entry.getKey().endsWith(name))
                .mapToDouble(entry -> entry.getValue().getScore())
                .findFirst()
                .orElse(Double.NaN);
    }
}
