package dev.ddbstreams.benchmarks.coldstart;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs the cold-start probes as whole processes, interleaved (round r starts with variant r mod n, so no variant
 * always runs first after the others warmed the CPU caches or the page cache for it), after one untimed round that
 * puts every jar into the page cache.
 */
public final class ColdStartRunner {

    /** One way to start: a probe class on a classpath. */
    public record Variant(String id, String label, String mainClass, String classpath) {}

    /** One process: wall time to exit, time to first record (both from just before the process was started). */
    public record Run(String variant, double wallMs, double firstRecordMs, long peakRssKb, long classes) {}

    private final String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    private final String baseUri;
    private final String fixture;
    private final Path log;

    /**
     * @param baseUri the fixture server
     * @param fixture the fixture each probe reads
     * @param log where the probes' standard error goes
     */
    public ColdStartRunner(String baseUri, String fixture, Path log) {
        this.baseUri = baseUri;
        this.fixture = fixture;
        this.log = log;
    }

    /** {@code rounds} timed runs of each variant. */
    public List<Run> run(List<Variant> variants, int rounds) throws IOException, InterruptedException {
        for (Variant variant : variants) {
            runOnce(variant);
        }
        List<Run> runs = new ArrayList<>();
        for (int round = 0; round < rounds; round++) {
            for (int i = 0; i < variants.size(); i++) {
                runs.add(runOnce(variants.get((round + i) % variants.size())));
            }
        }
        return runs;
    }

    private Run runOnce(Variant variant) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(java, "-cp", variant.classpath(), variant.mainClass(), baseUri,
                fixture)
                .redirectError(ProcessBuilder.Redirect.appendTo(log.toFile()));
        long start = System.nanoTime();
        Process process = builder.start();
        long firstRecord = -1;
        long peakRssKb = -1;
        long classes = -1;
        try (BufferedReader out = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                if (line.startsWith(ProbeOutput.FIRST)) {
                    firstRecord = System.nanoTime();
                } else if (line.startsWith(ProbeOutput.STATS)) {
                    peakRssKb = field(line, "peakRssKb");
                    classes = field(line, "classes");
                }
            }
        }
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IOException(variant.id() + " did not exit within 60 s");
        }
        long end = System.nanoTime();
        if (process.exitValue() != 0 || firstRecord < 0 || classes < 0) {
            throw new IOException(variant.id() + " failed (exit " + process.exitValue() + "); see " + log);
        }
        return new Run(variant.id(), (end - start) / 1e6, (firstRecord - start) / 1e6, peakRssKb, classes);
    }

    private static long field(String line, String name) {
        for (String part : line.split(" ")) {
            if (part.startsWith(name + "=")) {
                return Long.parseLong(part.substring(name.length() + 1));
            }
        }
        throw new IllegalArgumentException("No " + name + " in " + line);
    }
}
