package dev.ddbstreams.benchmarks;

import dev.ddbstreams.benchmarks.clients.ClientKind;
import dev.ddbstreams.benchmarks.coldstart.BaselineProbe;
import dev.ddbstreams.benchmarks.coldstart.ColdStartRunner;
import dev.ddbstreams.benchmarks.coldstart.ColdStartSummary;
import dev.ddbstreams.benchmarks.coldstart.OursProbe;
import dev.ddbstreams.benchmarks.coldstart.SdkProbe;
import dev.ddbstreams.benchmarks.fixtures.Fixtures;
import dev.ddbstreams.benchmarks.footprint.Footprint;
import dev.ddbstreams.benchmarks.jmh.JmhRow;
import dev.ddbstreams.benchmarks.jmh.JmhSettings;
import dev.ddbstreams.benchmarks.jmh.JmhSuite;
import dev.ddbstreams.benchmarks.report.JsonReport;
import dev.ddbstreams.benchmarks.report.MachineInfo;
import dev.ddbstreams.benchmarks.report.MarkdownReport;
import dev.ddbstreams.benchmarks.report.Results;
import dev.ddbstreams.benchmarks.report.SvgChart;
import dev.ddbstreams.benchmarks.server.ServerProcess;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs the whole comparison in one go (benchmarks/run.sh calls it): starts the fixture server JVM, runs JMH, the
 * cold-start processes and the footprint count, and writes results.md, results.json and chart.svg.
 */
public final class Harness {

    private Harness() {}

    public static void main(String[] args) throws Exception {
        HarnessOptions options = HarnessOptions.parse(args);
        Files.createDirectories(options.out());
        long start = System.nanoTime();
        String startedAt = OffsetDateTime.now(ZoneOffset.UTC).withNano(0).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
        MachineInfo machine = MachineInfo.detect();
        String loadBefore = MachineInfo.loadAverage();
        System.out.println("Machine: " + machine.summary());
        System.out.println("Load average before: " + loadBefore);

        String ownClasspath = System.getProperty("java.class.path");
        String probeClasses = Path.of(Harness.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                .toString();
        JmhSettings settings = options.quick() ? JmhSettings.quick() : JmhSettings.standard();

        List<JmhRow> jmh = List.of();
        String loadAfterJmh;
        List<ColdStartSummary> coldStart = new ArrayList<>();
        try (ServerProcess server = ServerProcess.start(ownClasspath, options.out().resolve("fixture-server.log"))) {
            System.out.println("Fixture server (pid " + server.pid() + ") at " + server.baseUri());
            if (!options.skipJmh()) {
                jmh = new JmhSuite(settings, server.baseUri(), server.pid(), options.out()).run();
            }
            loadAfterJmh = MachineInfo.loadAverage();

            List<ColdStartRunner.Variant> variants = List.of(
                    new ColdStartRunner.Variant(ClientKind.OURS.id(), ClientKind.OURS.label(),
                            OursProbe.class.getName(), classpath(probeClasses, options.oursClasspath())),
                    sdkVariant(ClientKind.SDK_APACHE5, options, probeClasses),
                    sdkVariant(ClientKind.SDK_APACHE, options, probeClasses),
                    sdkVariant(ClientKind.SDK_URL_CONNECTION, options, probeClasses),
                    new ColdStartRunner.Variant("baseline", "JVM alone (baseline)", BaselineProbe.class.getName(),
                            probeClasses));
            System.out.println("Cold start: " + options.coldStartRounds() + " interleaved rounds of "
                    + variants.size() + " variants");
            List<ColdStartRunner.Run> runs = new ColdStartRunner(server.baseUri(), Fixtures.RECORDS_1000,
                    options.out().resolve("cold-start-stderr.log")).run(variants, options.coldStartRounds());
            for (ColdStartRunner.Variant variant : variants) {
                coldStart.add(ColdStartSummary.of(variant, runs));
            }
        }

        List<Footprint> footprints = List.of(
                Footprint.of(ClientKind.OURS.id(), ClientKind.OURS.label(), options.oursClasspath()),
                Footprint.of(ClientKind.SDK_APACHE5.id(), "SDK v2 default (apache5 + netty)",
                        sdkClasspathFile(options, ClientKind.SDK_APACHE5)),
                Footprint.of(ClientKind.SDK_APACHE.id(), ClientKind.SDK_APACHE.label(),
                        sdkClasspathFile(options, ClientKind.SDK_APACHE)),
                Footprint.of(ClientKind.SDK_URL_CONNECTION.id(), ClientKind.SDK_URL_CONNECTION.label(),
                        sdkClasspathFile(options, ClientKind.SDK_URL_CONNECTION)));

        Results results = new Results(machine, startedAt, (System.nanoTime() - start) / 1e9, options.quick(),
                loadBefore, loadAfterJmh, MachineInfo.loadAverage(),
                options.skipJmh() ? "not run" : settings.describe(), Fixtures.all(), jmh,
                options.coldStartRounds(), coldStart, footprints);
        String markdown = MarkdownReport.render(results);
        Files.writeString(options.out().resolve("results.md"), markdown);
        JsonReport.write(results, options.out().resolve("results.json"));
        Files.writeString(options.out().resolve("chart.svg"), SvgChart.render(results));
        System.out.println();
        System.out.println(markdown);
        System.out.println("Wrote " + options.out().resolve("results.md") + ", results.json and chart.svg in "
                + String.format("%.0f s", results.durationSeconds()));
    }

    private static ColdStartRunner.Variant sdkVariant(ClientKind kind, HarnessOptions options, String probeClasses)
            throws java.io.IOException {
        return new ColdStartRunner.Variant(kind.id(), kind.label(), SdkProbe.class.getName(),
                classpath(probeClasses, sdkClasspathFile(options, kind)));
    }

    private static Path sdkClasspathFile(HarnessOptions options, ClientKind kind) {
        return options.sdkClasspaths().resolve(kind.id()).resolve("target").resolve("classpath.txt");
    }

    // The probe classes first, then exactly the client's runtime jars.
    private static String classpath(String probeClasses, Path classpathFile) throws java.io.IOException {
        List<String> entries = new ArrayList<>();
        entries.add(probeClasses);
        entries.addAll(Footprint.classpath(classpathFile));
        return String.join(File.pathSeparator, entries);
    }
}
