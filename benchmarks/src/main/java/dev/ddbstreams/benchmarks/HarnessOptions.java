package dev.ddbstreams.benchmarks;

import java.nio.file.Path;

/**
 * The harness's command line.
 *
 * @param out where results.md, results.json, chart.svg and the raw JMH files go; by default benchmarks/results,
 *     or benchmarks/target/quick-results for a quick run
 * @param oursClasspath the classpath file of our client's runtime dependencies (written by the Maven build)
 * @param sdkClasspaths the directory whose {@code <sdk-kind>/target/classpath.txt} list the SDK's
 * @param quick tiny JMH settings and few cold-start runs: proves the harness works, measures nothing
 * @param coldStartRounds timed cold-start runs per variant
 * @param skipJmh leave out JMH (cold start and footprint only), to iterate on those
 */
record HarnessOptions(Path out, Path oursClasspath, Path sdkClasspaths, boolean quick, int coldStartRounds,
                      boolean skipJmh) {

    static HarnessOptions parse(String[] args) {
        Path out = null;
        Path oursClasspath = Path.of("benchmarks/target/classpath-ours.txt");
        Path sdkClasspaths = Path.of("benchmarks/classpaths");
        boolean quick = false;
        Integer coldStartRounds = null;
        boolean skipJmh = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--out" -> out = Path.of(args[++i]);
                case "--ours-classpath" -> oursClasspath = Path.of(args[++i]);
                case "--sdk-classpaths" -> sdkClasspaths = Path.of(args[++i]);
                case "--quick" -> quick = true;
                case "--cold-start-rounds" -> coldStartRounds = Integer.parseInt(args[++i]);
                case "--skip-jmh" -> skipJmh = true;
                default -> throw new IllegalArgumentException("Unknown option " + args[i] + "; options: --out DIR "
                        + "--ours-classpath FILE --sdk-classpaths DIR --quick --cold-start-rounds N --skip-jmh");
            }
        }
        int rounds = coldStartRounds != null ? coldStartRounds : quick ? 2 : 10;
        // A quick run must never overwrite the published results that docs/benchmarks.md shows.
        if (out == null) {
            out = Path.of(quick ? "benchmarks/target/quick-results" : "benchmarks/results");
        }
        return new HarnessOptions(out, oursClasspath, sdkClasspaths, quick, rounds, skipJmh);
    }
}
