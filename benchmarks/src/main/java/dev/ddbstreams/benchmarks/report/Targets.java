package dev.ddbstreams.benchmarks.report;

import dev.ddbstreams.benchmarks.clients.ClientKind;
import dev.ddbstreams.benchmarks.fixtures.Fixtures;
import dev.ddbstreams.benchmarks.jmh.JmhRow;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The targets, as ratios of ours to the SDK measured in the same run. Each is judged against the SDK's
 * default HTTP client in this SDK version (apache5-client) and against apache-client, the default the targets were
 * written for; a target is met only when it is met against both. url-connection-client is shown for information.
 */
public final class Targets {

    /** The SDK configurations ratios are computed against, in report order. */
    public static final List<ClientKind> SDK_KINDS =
            List.of(ClientKind.SDK_APACHE5, ClientKind.SDK_APACHE, ClientKind.SDK_URL_CONNECTION);

    private static final List<ClientKind> JUDGED_AGAINST = List.of(ClientKind.SDK_APACHE5, ClientKind.SDK_APACHE);

    /**
     * One target's outcome.
     *
     * @param ratios ours divided by the SDK's, by SDK configuration id; absent where not measured
     * @param atLeast whether the ratio must be at least (else at most) the threshold
     */
    public record Outcome(String name, String goal, double threshold, boolean atLeast, Map<String, Double> ratios) {

        public boolean met() {
            return JUDGED_AGAINST.stream().allMatch(kind -> {
                Double ratio = ratios.get(kind.id());
                return ratio != null && (atLeast ? ratio >= threshold : ratio <= threshold);
            });
        }
    }

    private Targets() {}

    public static List<Outcome> evaluate(Results results) {
        return List.of(
                outcome("1000-record GetRecords: records/s", "≥ 4×", 4, true,
                        kind -> ratio(results.endToEnd("ours", Fixtures.RECORDS_1000),
                                results.endToEnd(kind.id(), Fixtures.RECORDS_1000), JmhRow::opsPerSecond)),
                outcome("1000-record GetRecords: bytes allocated per page", "≤ 0.4×", 0.4, false,
                        kind -> ratio(results.endToEnd("ours", Fixtures.RECORDS_1000),
                                results.endToEnd(kind.id(), Fixtures.RECORDS_1000), JmhRow::bytesPerOp)),
                outcome("10-record GetRecords: calls/s", "≥ 8×", 8, true,
                        kind -> ratio(results.endToEnd("ours", Fixtures.RECORDS_10),
                                results.endToEnd(kind.id(), Fixtures.RECORDS_10), JmhRow::opsPerSecond)),
                outcome("Cold start to first record", "≤ 0.3×", 0.3, false,
                        kind -> results.coldStart("ours").flatMap(ours -> results.coldStart(kind.id())
                                .map(sdk -> ours.firstRecordMs() / sdk.firstRecordMs()))),
                outcome("Runtime classpath bytes", "≤ 0.5×", 0.5, false,
                        kind -> results.footprint("ours").flatMap(ours -> results.footprint(kind.id())
                                .map(sdk -> (double) ours.bytes() / sdk.bytes()))));
    }

    private static Outcome outcome(String name, String goal, double threshold, boolean atLeast,
                                   Function<ClientKind, Optional<Double>> ratio) {
        Map<String, Double> ratios = new LinkedHashMap<>();
        for (ClientKind kind : SDK_KINDS) {
            ratio.apply(kind).ifPresent(value -> ratios.put(kind.id(), value));
        }
        return new Outcome(name, goal, threshold, atLeast, ratios);
    }

    private static Optional<Double> ratio(Optional<JmhRow> ours, Optional<JmhRow> sdk,
                                          java.util.function.ToDoubleFunction<JmhRow> value) {
        return ours.flatMap(o -> sdk.map(s -> value.applyAsDouble(o) / value.applyAsDouble(s)));
    }
}
