package dev.ddbstreams.benchmarks.report;

import dev.ddbstreams.benchmarks.clients.ClientKind;
import dev.ddbstreams.benchmarks.coldstart.ColdStartSummary;
import dev.ddbstreams.benchmarks.fixtures.Fixture;
import dev.ddbstreams.benchmarks.fixtures.Fixtures;
import dev.ddbstreams.benchmarks.footprint.Footprint;
import dev.ddbstreams.benchmarks.jmh.JmhRow;
import dev.ddbstreams.benchmarks.jmh.JmhSuite;
import dev.ddbstreams.benchmarks.unmarshal.DecoderKind;
import java.util.Locale;
import java.util.Optional;

/** results.md: every number of a run in tables, the targets first, the machine and JVM named at the top. */
public final class MarkdownReport {

    private final Results results;
    private final StringBuilder out = new StringBuilder();

    private MarkdownReport(Results results) {
        this.results = results;
    }

    public static String render(Results results) {
        return new MarkdownReport(results).render();
    }

    private String render() {
        MachineInfo machine = results.machine();
        line("# Benchmark results: ddbstreams vs AWS SDK for Java v2");
        line("");
        if (results.quick()) {
            line("**Quick run: numbers only show that the harness works; do not quote them.**");
            line("");
        }
        line("- Run: " + results.startedAt() + ", " + String.format(Locale.ROOT, "%.0f", results.durationSeconds())
                + " s in all");
        line("- Machine: " + machine.cpus() + " CPUs (" + machine.cpuModel() + "), " + machine.memory() + " RAM, "
                + machine.os());
        line("- JVM: `" + machine.javaVersion().replace("\n", "` / `") + "`");
        line("- Load average (1, 5, 15 min): before " + results.loadBefore() + "; after JMH "
                + results.loadAfterJmh() + "; at the end " + results.loadAfter());
        line("- JMH: " + results.jmhSettings());
        line("- Cold start: median of " + results.coldStartRounds() + " interleaved runs per variant, after one "
                + "untimed round");
        line("");
        targets();
        endToEnd();
        transportFloor();
        unmarshal();
        coldStart();
        footprint();
        return out.toString();
    }

    private void targets() {
        line("## Targets (ratio ours / SDK, same run)");
        line("");
        line("| Target | Goal | vs SDK default (apache5-client) | vs SDK apache-client | vs SDK url-connection-client | Met |");
        line("|---|---|---|---|---|---|");
        for (Targets.Outcome outcome : Targets.evaluate(results)) {
            StringBuilder row = new StringBuilder("| " + outcome.name() + " | " + outcome.goal());
            for (ClientKind kind : Targets.SDK_KINDS) {
                Double ratio = outcome.ratios().get(kind.id());
                row.append(" | ").append(ratio == null ? "–" : ratio(ratio));
            }
            row.append(" | ").append(outcome.met() ? "yes" : "**no**").append(" |");
            line(row.toString());
        }
        line("");
        line("A target counts as met only when it is met against both Apache configurations: apache5-client is what "
                + "this SDK version uses by default, apache-client the default the targets were written against.");
        line("");
        line("Load-robust cross-check of the two speed targets: the SDK's CPU per call on the calling thread over "
                + "ours, measured in the same iterations. The last column is the most any client built on jackson-core "
                + "could reach: the SDK default's CPU per call over the CPU of a bare jackson-core token walk of the "
                + "same body plus the transport floor's.");
        line("");
        line("| Fixture | Goal | vs SDK default (apache5-client) | vs SDK apache-client | vs SDK url-connection-client | ceiling for a jackson-core client, vs SDK default |");
        line("|---|---|---|---|---|---|");
        for (String[] check : new String[][] {{Fixtures.RECORDS_1000, "≥ 4×"}, {Fixtures.RECORDS_10, "≥ 8×"}}) {
            Optional<JmhRow> ours = results.endToEnd(ClientKind.OURS.id(), check[0]);
            StringBuilder row = new StringBuilder("| " + check[0] + " | " + check[1]);
            for (ClientKind kind : Targets.SDK_KINDS) {
                row.append(" | ").append(ours.flatMap(o -> results.endToEnd(kind.id(), check[0])
                        .map(sdk -> ratio(sdk.callerCpuMicros() / o.callerCpuMicros()))).orElse("–"));
            }
            Optional<JmhRow> sdkDefault = results.endToEnd(ClientKind.SDK_APACHE5.id(), check[0]);
            Optional<JmhRow> walk = results.unmarshal(DecoderKind.JACKSON_TOKEN_WALK.id(), check[0]);
            Optional<JmhRow> floor = results.transportFloor(check[0]);
            row.append(" | ").append(sdkDefault.flatMap(sdk -> walk.flatMap(w -> floor.map(f -> ratio(
                    sdk.callerCpuMicros() / (w.callerCpuMicros() + f.callerCpuMicros()))))).orElse("–"));
            line(row.append(" |").toString());
        }
        line("");
    }

    private void endToEnd() {
        line("## End to end (JMH, one call = request, sign, send, receive, CRC32, parse)");
        line("");
        line("| Fixture | Client | calls/s | ± (99.9%) | items/s | allocated per call | CPU per call: caller thread / client JVM / server | ours ÷ this: speed | ours ÷ this: allocation | this ÷ ours: caller CPU |");
        line("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|");
        for (String fixtureName : Fixtures.NAMES) {
            Fixture fixture = results.fixture(fixtureName);
            Optional<JmhRow> ours = results.endToEnd(ClientKind.OURS.id(), fixtureName);
            for (ClientKind kind : ClientKind.values()) {
                results.endToEnd(kind.id(), fixtureName).ifPresent(row -> line("| " + fixture.name() + " | "
                        + kind.label() + " | " + number(row.opsPerSecond()) + " | " + number(row.opsError()) + " | "
                        + number(row.opsPerSecond() * fixture.items()) + " | " + bytes(row.bytesPerOp()) + " | "
                        + micros(row.callerCpuMicros()) + " / " + micros(row.clientCpuMicros()) + " / "
                        + micros(row.serverCpuMicros()) + " | "
                        + (kind.isSdk() ? ours.map(o -> ratio(o.opsPerSecond() / row.opsPerSecond())).orElse("–") : "")
                        + " | "
                        + (kind.isSdk() ? ours.map(o -> ratio(o.bytesPerOp() / row.bytesPerOp())).orElse("–") : "")
                        + " | "
                        + (kind.isSdk() ? ours.map(o -> ratio(row.callerCpuMicros() / o.callerCpuMicros())).orElse("–") : "")
                        + " |"));
            }
        }
        line("");
        line("CPU per call is measured over the same iterations: the benchmark thread (every client here calls "
                + "synchronously, so it does the building, signing, sending, reading and parsing), the whole benchmark "
                + "JVM (adds GC and JIT) and the server JVM. The caller's CPU hardly moves with other load on the "
                + "machine, so its ratio is the cross-check on the speed ratio.");
        line("");
    }

    private void transportFloor() {
        line("## Transport floor (JMH, the same server and fixtures with no client: a raw socket, no signing, no parsing)");
        line("");
        line("| Fixture | floor calls/s | SDK default calls/s | ceiling on ours ÷ SDK default | ours ÷ SDK default, measured | floor's share of our call |");
        line("|---|---:|---:|---:|---:|---:|");
        for (String fixtureName : Fixtures.NAMES) {
            results.transportFloor(fixtureName).ifPresent(floor -> {
                Optional<JmhRow> sdk = results.endToEnd(ClientKind.SDK_APACHE5.id(), fixtureName);
                Optional<JmhRow> ours = results.endToEnd(ClientKind.OURS.id(), fixtureName);
                line("| " + fixtureName + " | " + number(floor.opsPerSecond()) + " | "
                        + sdk.map(row -> number(row.opsPerSecond())).orElse("–") + " | "
                        + sdk.map(row -> ratio(floor.opsPerSecond() / row.opsPerSecond())).orElse("–") + " | "
                        + ours.flatMap(o -> sdk.map(row -> ratio(o.opsPerSecond() / row.opsPerSecond()))).orElse("–")
                        + " | " + ours.map(o -> String.format(Locale.ROOT, "%.0f%%",
                        100 * o.opsPerSecond() / floor.opsPerSecond())).orElse("–") + " |");
            });
        }
        line("");
        line("A client with no cost at all would make the floor's calls per second, so the ceiling column bounds any "
                + "speed-up over the SDK that this machine can show.");
        line("");
    }

    private void unmarshal() {
        line("## Unmarshalling alone (JMH, bytes in memory to objects)");
        line("");
        line("| Fixture | Decoder | parses/s | ± (99.9%) | MB/s | allocated per parse | CPU per parse | ours ÷ SDK: speed | SDK ÷ ours: CPU |");
        line("|---|---|---:|---:|---:|---:|---:|---:|---:|");
        for (String fixtureName : Fixtures.NAMES) {
            Fixture fixture = results.fixture(fixtureName);
            Optional<JmhRow> ours = results.unmarshal(DecoderKind.OURS.id(), fixtureName);
            Optional<JmhRow> sdk = results.unmarshal(DecoderKind.SDK.id(), fixtureName);
            for (DecoderKind kind : DecoderKind.values()) {
                results.unmarshal(kind.id(), fixtureName).ifPresent(row -> line("| " + fixture.name() + " | "
                        + kind.id() + " | " + number(row.opsPerSecond()) + " | " + number(row.opsError()) + " | "
                        + number(row.opsPerSecond() * fixture.body().length / 1e6) + " | " + bytes(row.bytesPerOp())
                        + " | " + micros(row.callerCpuMicros())
                        + " | " + (kind == DecoderKind.OURS
                        ? sdk.map(s -> ratio(row.opsPerSecond() / s.opsPerSecond())).orElse("–") : "")
                        + " | " + (kind == DecoderKind.OURS
                        ? sdk.map(s -> ratio(s.callerCpuMicros() / row.callerCpuMicros())).orElse("–") : "") + " |"));
            }
        }
        line("");
    }

    private void coldStart() {
        line("## Cold start (fresh JVM: build the client, one GetRecords of the 1000-record page)");
        line("");
        line("| Variant | runs | time to first record, median (min–max) | wall time to exit | peak RSS | classes loaded |");
        line("|---|---:|---:|---:|---:|---:|");
        for (ColdStartSummary summary : results.coldStart()) {
            line("| " + summary.label() + " | " + summary.runs() + " | "
                    + String.format(Locale.ROOT, "%.0f ms (%.0f–%.0f)", summary.firstRecordMs(),
                    summary.minFirstRecordMs(), summary.maxFirstRecordMs())
                    + " | " + String.format(Locale.ROOT, "%.0f ms", summary.wallMs())
                    + " | " + String.format(Locale.ROOT, "%.0f MB", summary.peakRssMb())
                    + " | " + String.format(Locale.ROOT, "%.0f", summary.classes()) + " |");
        }
        line("");
        line("Classes loaded include the JDK's and the few hundred that reading the count takes; the baseline JVM "
                + "shows that floor.");
        line("");
    }

    private void footprint() {
        line("## Footprint (runtime classpath as Maven resolves it)");
        line("");
        line("| Client | jars | bytes | largest jars |");
        line("|---|---:|---:|---|");
        for (Footprint footprint : results.footprints()) {
            StringBuilder largest = new StringBuilder();
            footprint.jars().stream().limit(5).forEach(jar -> largest.append(largest.length() == 0 ? "" : ", ")
                    .append(jar.name()).append(" ").append(bytes(jar.bytes())));
            line("| " + footprint.label() + " | " + footprint.count() + " | " + bytes(footprint.bytes()) + " | "
                    + largest + " |");
        }
        line("");
    }

    private void line(String text) {
        out.append(text).append('\n');
    }

    static String ratio(double ratio) {
        return String.format(Locale.ROOT, "%.2f×", ratio);
    }

    static String number(double value) {
        if (Double.isNaN(value)) {
            return "–";
        }
        return value >= 100 ? String.format(Locale.ROOT, "%,.0f", value) : String.format(Locale.ROOT, "%.1f", value);
    }

    static String micros(double micros) {
        if (Double.isNaN(micros)) {
            return "–";
        }
        return micros >= 1000 ? String.format(Locale.ROOT, "%.2f ms", micros / 1000)
                : String.format(Locale.ROOT, "%.0f µs", micros);
    }

    static String bytes(double bytes) {
        if (Double.isNaN(bytes)) {
            return "–";
        }
        if (bytes >= 1e6) {
            return String.format(Locale.ROOT, "%.2f MB", bytes / 1e6);
        }
        if (bytes >= 1e3) {
            return String.format(Locale.ROOT, "%.1f kB", bytes / 1e3);
        }
        return String.format(Locale.ROOT, "%.0f B", bytes);
    }
}
