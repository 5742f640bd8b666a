package dev.ddbstreams.benchmarks.jmh;

import dev.ddbstreams.benchmarks.fixtures.Fixture;

/**
 * Warm-up measured in work rather than seconds, run in each trial's setup before JMH's own timed warm-up. On a
 * machine shared with other builds, a few seconds of warm-up can leave the JIT compilers starved and the slower
 * client still half interpreted when measurement starts; a fixed amount of work puts every client through the
 * same number of records first, however busy the machine is.
 */
final class Prewarm {

    /** Items (records, shards, streams) every subject processes before timing starts. */
    static final int ITEMS = 25_000;

    private Prewarm() {}

    /** How many calls on {@code fixture} make up the warm-up. */
    static int calls(Fixture fixture) {
        return Math.max(20, ITEMS / Math.max(1, fixture.items()));
    }

    /** Runs {@code operation} the warm-up's number of times for {@code fixture}. */
    static void run(Fixture fixture, Operation operation) throws Exception {
        for (int i = calls(fixture); i > 0; i--) {
            operation.run();
        }
    }

    @FunctionalInterface
    interface Operation {
        void run() throws Exception;
    }
}
