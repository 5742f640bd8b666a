package dev.ddbstreams.benchmarks.jmh;

import org.openjdk.jmh.runner.options.TimeValue;

/**
 * How long JMH runs each benchmark. The standard settings keep the whole comparison under ten minutes on two
 * cores; the quick ones only prove the harness works and give numbers to ignore.
 */
public record JmhSettings(int forks, int warmupIterations, TimeValue warmupTime, int measurementIterations,
                          TimeValue measurementTime) {

    public static JmhSettings standard() {
        return new JmhSettings(1, 2, TimeValue.seconds(1), 4, TimeValue.seconds(1));
    }

    public static JmhSettings quick() {
        return new JmhSettings(1, 1, TimeValue.milliseconds(200), 1, TimeValue.milliseconds(300));
    }

    /** As the report states it. */
    public String describe() {
        return forks + " fork, a warm-up of " + Prewarm.ITEMS + " items, then " + warmupIterations + " warm-up iterations of " + warmupTime + ", "
                + measurementIterations + " measurement iterations of " + measurementTime
                + ", one thread, throughput mode, -prof gc, CPU time per op";
    }
}
