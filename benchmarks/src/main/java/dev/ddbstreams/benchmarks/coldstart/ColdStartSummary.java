package dev.ddbstreams.benchmarks.coldstart;

import java.util.Arrays;
import java.util.List;
import java.util.function.ToDoubleFunction;

/** The medians of one variant's cold-start runs. */
public record ColdStartSummary(String variant, String label, int runs, double wallMs, double firstRecordMs,
                               double peakRssMb, double classes, double minFirstRecordMs, double maxFirstRecordMs) {

    public static ColdStartSummary of(ColdStartRunner.Variant variant, List<ColdStartRunner.Run> allRuns) {
        List<ColdStartRunner.Run> runs = allRuns.stream().filter(run -> run.variant().equals(variant.id())).toList();
        double[] firstRecord = values(runs, ColdStartRunner.Run::firstRecordMs);
        return new ColdStartSummary(variant.id(), variant.label(), runs.size(),
                median(values(runs, ColdStartRunner.Run::wallMs)),
                median(firstRecord),
                median(values(runs, run -> run.peakRssKb() / 1024.0)),
                median(values(runs, run -> run.classes())),
                Arrays.stream(firstRecord).min().orElse(Double.NaN),
                Arrays.stream(firstRecord).max().orElse(Double.NaN));
    }

    private static double[] values(List<ColdStartRunner.Run> runs, ToDoubleFunction<ColdStartRunner.Run> value) {
        return runs.stream().mapToDouble(value).sorted().toArray();
    }

    private static double median(double[] sorted) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
}
