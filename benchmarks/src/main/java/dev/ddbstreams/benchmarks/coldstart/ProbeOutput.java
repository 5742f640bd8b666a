package dev.ddbstreams.benchmarks.coldstart;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What a cold-start probe tells the harness, one line at a time on standard output: {@code FIRST} the moment it
 * holds the first record (the harness timestamps the line's arrival), then {@code STATS} with what only the
 * process itself can see.
 */
final class ProbeOutput {

    static final String FIRST = "FIRST";
    static final String STATS = "STATS";

    private ProbeOutput() {}

    static void firstRecord(String eventId) {
        System.out.println(FIRST + " " + eventId);
        System.out.flush();
    }

    /**
     * Peak RSS so far (read first, before the management classes below add to it) and the classes loaded, which
     * includes the few hundred that java.lang.management itself needs: the baseline probe pays the same, so
     * differences between probes are exact.
     */
    static void stats() throws IOException {
        long peakRssKb = peakRssKb();
        long classes = ManagementFactory.getClassLoadingMXBean().getTotalLoadedClassCount();
        System.out.println(STATS + " peakRssKb=" + peakRssKb + " classes=" + classes);
        System.out.flush();
    }

    private static long peakRssKb() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmHWM:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        return -1;
    }
}
