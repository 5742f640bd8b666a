package dev.ddbstreams.benchmarks.report;

import dev.ddbstreams.benchmarks.clients.ClientKind;
import dev.ddbstreams.benchmarks.coldstart.ColdStartSummary;
import dev.ddbstreams.benchmarks.fixtures.Fixtures;
import dev.ddbstreams.benchmarks.footprint.Footprint;
import dev.ddbstreams.benchmarks.jmh.JmhRow;
import dev.ddbstreams.benchmarks.unmarshal.DecoderKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * chart.svg: one bar panel per target, plus unmarshalling against its floor, drawn as plain SVG so no tool beyond
 * the JDK is needed. A dashed line on our bar marks where the target lies.
 */
public final class SvgChart {

    private static final int WIDTH = 1000;
    private static final int PANEL_WIDTH = 480;
    private static final int PANEL_HEIGHT = 205;
    private static final int HEADER = 96;
    private static final int LABEL_WIDTH = 200;
    private static final int BAR_AREA = 165;
    private static final int BAR_HEIGHT = 20;
    private static final int BAR_GAP = 8;

    /** Our bars' colour (a bar so coloured carries its panel's target line). */
    public static final String OURS = "#1f77b4";
    /** The AWS SDK's default configuration's colour. */
    public static final String SDK_APACHE5 = "#d62728";
    private static final String SDK_APACHE = "#ff7f0e";
    private static final String SDK_URL = "#8c8c8c";
    private static final String FLOOR = "#2ca02c";
    private static final String BASELINE = "#c7c7c7";

    /** One bar: its label, its value (NaN when not measured) and its colour. */
    public record Bar(String label, double value, String color) {}

    /** A panel; {@code target} is where our bar should reach (higher is better) or stay under, when there is one. */
    public record Panel(String title, String unit, boolean higherIsBetter, List<Bar> bars, Double target) {}

    private SvgChart() {}

    public static String render(Results results) {
        List<Panel> panels = List.of(
                endToEnd(results, "GetRecords, 1000-record page (≈1 MB): records/s", "records/s", true,
                        Fixtures.RECORDS_1000, row -> row.opsPerSecond() * 1000, 4.0),
                endToEnd(results, "GetRecords, 1000-record page: MB allocated per call", "MB", false,
                        Fixtures.RECORDS_1000, row -> row.bytesPerOp() / 1e6, 0.4),
                endToEnd(results, "GetRecords, 10-record page: calls/s", "calls/s", true,
                        Fixtures.RECORDS_10, JmhRow::opsPerSecond, 8.0),
                coldStart(results),
                footprint(results),
                unmarshal(results));
        MachineInfo machine = results.machine();
        return renderPanels("ddbstreams vs AWS SDK for Java v2 (2.57.8): DynamoDB Streams"
                        + (results.quick() ? " — QUICK RUN, NOT MEASUREMENTS" : ""),
                List.of("Machine: " + machine.cpus() + " CPUs (" + machine.cpuModel() + "), " + machine.memory()
                                + " RAM, " + machine.os() + ". JVM: " + machine.jvm() + ".",
                        "Run " + results.startedAt() + "; load average (1, 5, 15 min) before " + results.loadBefore()
                                + ", at the end " + results.loadAfter() + ".",
                        "JMH: " + results.jmhSettings() + "."),
                panels,
                "Dashed line on our bar: the target, as a ratio to the stricter of the SDK's two Apache configurations.");
    }

    /**
     * Panels of bars, two per row, under a title and up to three caption lines, with a footer line: the layout of
     * chart.svg, for other benchmarks' charts too.
     */
    public static String renderPanels(String title, List<String> captions, List<Panel> panels, String footer) {
        StringBuilder svg = new StringBuilder();
        int rows = (panels.size() + 1) / 2;
        int height = HEADER + rows * PANEL_HEIGHT + 30;
        svg.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
                + "viewBox=\"0 0 %d %d\" font-family=\"DejaVu Sans, Helvetica, Arial, sans-serif\">%n",
                WIDTH, height, WIDTH, height));
        svg.append(String.format(Locale.ROOT, "<rect width=\"%d\" height=\"%d\" fill=\"white\"/>%n", WIDTH, height));
        text(svg, 20, 30, 20, "bold", "start", title);
        for (int i = 0; i < captions.size() && i < 3; i++) {
            text(svg, 20, 50 + 16 * i, i < 2 ? 12 : 11, "normal", "start", captions.get(i));
        }
        for (int i = 0; i < panels.size(); i++) {
            panel(svg, panels.get(i), 20 + (i % 2) * (PANEL_WIDTH + 20), HEADER + (i / 2) * PANEL_HEIGHT);
        }
        text(svg, 20, height - 10, 11, "normal", "start", footer);
        svg.append("</svg>\n");
        return svg.toString();
    }

    private static Panel endToEnd(Results results, String title, String unit, boolean higherIsBetter, String fixture,
                                  Function<JmhRow, Double> value, double targetRatio) {
        List<Bar> bars = new ArrayList<>();
        for (ClientKind kind : ClientKind.values()) {
            results.endToEnd(kind.id(), fixture).ifPresent(row -> bars.add(new Bar(kind.label(), value.apply(row),
                    color(kind))));
        }
        Double target = strictest(higherIsBetter, targetRatio,
                results.endToEnd(ClientKind.SDK_APACHE5.id(), fixture).map(value),
                results.endToEnd(ClientKind.SDK_APACHE.id(), fixture).map(value));
        return new Panel(title, unit, higherIsBetter, bars, target);
    }

    private static Panel coldStart(Results results) {
        List<Bar> bars = new ArrayList<>();
        for (ColdStartSummary summary : results.coldStart()) {
            String color = summary.variant().equals("baseline") ? BASELINE : color(ClientKind.byId(summary.variant()));
            bars.add(new Bar(summary.label(), summary.firstRecordMs(), color));
        }
        Double target = strictest(false, 0.3,
                results.coldStart(ClientKind.SDK_APACHE5.id()).map(ColdStartSummary::firstRecordMs),
                results.coldStart(ClientKind.SDK_APACHE.id()).map(ColdStartSummary::firstRecordMs));
        return new Panel("Cold start: ms to first record (median, whole process)", "ms", false, bars, target);
    }

    private static Panel footprint(Results results) {
        List<Bar> bars = new ArrayList<>();
        for (Footprint footprint : results.footprints()) {
            bars.add(new Bar(footprint.label(), footprint.bytes() / 1e6, color(ClientKind.byId(footprint.id()))));
        }
        Double target = strictest(false, 0.5,
                results.footprint(ClientKind.SDK_APACHE5.id()).map(f -> f.bytes() / 1e6),
                results.footprint(ClientKind.SDK_APACHE.id()).map(f -> f.bytes() / 1e6));
        return new Panel("Runtime classpath: MB of jars", "MB", false, bars, target);
    }

    private static Panel unmarshal(Results results) {
        double megabytes = results.fixture(Fixtures.RECORDS_1000).body().length / 1e6;
        List<Bar> bars = new ArrayList<>();
        for (DecoderKind kind : DecoderKind.values()) {
            results.unmarshal(kind.id(), Fixtures.RECORDS_1000).ifPresent(row -> bars.add(new Bar(
                    switch (kind) {
                        case OURS -> "ddbstreams codecs";
                        case SDK -> "SDK v2 unmarshaller";
                        case JACKSON_TOKEN_WALK -> "floor: jackson-core tokens";
                    },
                    row.opsPerSecond() * megabytes,
                    switch (kind) {
                        case OURS -> OURS;
                        case SDK -> SDK_APACHE5;
                        case JACKSON_TOKEN_WALK -> FLOOR;
                    })));
        }
        return new Panel("Unmarshalling alone, 1000-record page: MB/s", "MB/s", true, bars, null);
    }

    private static Double strictest(boolean higherIsBetter, double ratio, Optional<Double> first,
                                    Optional<Double> second) {
        if (first.isEmpty() && second.isEmpty()) {
            return null;
        }
        double a = first.orElse(second.get());
        double b = second.orElse(a);
        return ratio * (higherIsBetter ? Math.max(a, b) : Math.min(a, b));
    }

    private static String color(ClientKind kind) {
        return switch (kind) {
            case OURS, OURS_OBSERVED -> OURS;
            case SDK_APACHE5 -> SDK_APACHE5;
            case SDK_APACHE -> SDK_APACHE;
            case SDK_URL_CONNECTION -> SDK_URL;
        };
    }

    private static void panel(StringBuilder svg, Panel panel, int x, int y) {
        svg.append(String.format(Locale.ROOT,
                "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"#fafafa\" stroke=\"#dddddd\"/>%n",
                x, y, PANEL_WIDTH, PANEL_HEIGHT - 12));
        text(svg, x + 10, y + 20, 13, "bold", "start", panel.title());
        text(svg, x + 10, y + 36, 11, "normal", "start", panel.higherIsBetter() ? "higher is better" : "lower is better");
        double max = panel.bars().stream().mapToDouble(Bar::value).filter(v -> !Double.isNaN(v)).max().orElse(1);
        if (panel.target() != null) {
            max = Math.max(max, panel.target());
        }
        int barY = y + 48;
        for (Bar bar : panel.bars()) {
            text(svg, x + LABEL_WIDTH, barY + 15, 11, "normal", "end", bar.label());
            double value = Double.isNaN(bar.value()) ? 0 : bar.value();
            int length = (int) Math.round(BAR_AREA * value / max);
            svg.append(String.format(Locale.ROOT,
                    "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"%s\"/>%n",
                    x + LABEL_WIDTH + 8, barY, Math.max(length, 1), BAR_HEIGHT, bar.color()));
            text(svg, x + LABEL_WIDTH + 14 + length, barY + 15, 11, "normal", "start", format(bar.value()) + " "
                    + panel.unit());
            if (panel.target() != null && bar.color().equals(OURS)) {
                int targetX = x + LABEL_WIDTH + 8 + (int) Math.round(BAR_AREA * panel.target() / max);
                svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"black\" "
                        + "stroke-width=\"2\" stroke-dasharray=\"4,3\"/>%n", targetX, barY - 3, targetX,
                        barY + BAR_HEIGHT + 3));
            }
            barY += BAR_HEIGHT + BAR_GAP;
        }
    }

    private static String format(double value) {
        if (Double.isNaN(value)) {
            return "n/a";
        }
        if (value >= 100) {
            return String.format(Locale.ROOT, "%,.0f", value);
        }
        return value >= 10 ? String.format(Locale.ROOT, "%.1f", value) : String.format(Locale.ROOT, "%.2f", value);
    }

    private static void text(StringBuilder svg, int x, int y, int size, String weight, String anchor, String text) {
        svg.append(String.format(Locale.ROOT,
                "<text x=\"%d\" y=\"%d\" font-size=\"%d\" font-weight=\"%s\" text-anchor=\"%s\">%s</text>%n",
                x, y, size, weight, anchor, escape(text)));
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
