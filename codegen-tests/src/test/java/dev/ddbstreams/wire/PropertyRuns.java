package dev.ddbstreams.wire;

import org.quicktheories.QuickTheory;

/**
 * How the wire properties run. QuickTheories draws a fresh seed for every run and prints it on failure
 * ({@code Seed was 123...}); {@code -DQT_SEED=123...} replays that run exactly, and {@code -DQT_EXAMPLES=N} runs
 * every property with N examples instead of its CI count (see docs/testing.md).
 */
final class PropertyRuns {

    private PropertyRuns() {}

    /**
     * A theory checked on {@code examples} examples (unless {@code QT_EXAMPLES} says otherwise), allowed
     * {@code shrinkCycles} attempts to shrink a counterexample: enough to get a small one, few enough that a
     * failure is reported in seconds.
     */
    static QuickTheory qt(int examples, int shrinkCycles) {
        QuickTheory theory = QuickTheory.qt().withShrinkCycles(shrinkCycles);
        return System.getProperty("QT_EXAMPLES") == null ? theory.withExamples(examples) : theory;
    }
}
