package dev.ddbstreams.wire;

import org.quicktheories.QuickTheory;

/**
 * How the wire properties run. On a developer's machine QuickTheories draws a fresh seed for every run and prints
 * it on failure ({@code Seed was 123...}); {@code -DQT_SEED=123...} replays that run exactly, and
 * {@code -DQT_EXAMPLES=N} runs every property with N examples instead of its CI count (see docs/testing.md).
 * In CI (environment {@code CI=true}) the seed is fixed, so that whether a submission lands never depends on the
 * draw; the fresh seeds of everyday runs are what explore further.
 */
final class PropertyRuns {

    private static final long CI_SEED = 20261126L;

    private PropertyRuns() {}

    /**
     * A theory checked on {@code examples} examples (unless {@code QT_EXAMPLES} says otherwise), allowed
     * {@code shrinkCycles} attempts to shrink a counterexample: enough to get a small one, few enough that a
     * failure is reported in seconds.
     */
    static QuickTheory qt(int examples, int shrinkCycles) {
        QuickTheory theory = QuickTheory.qt().withShrinkCycles(shrinkCycles);
        if (System.getProperty("QT_SEED") == null && "true".equals(System.getenv("CI"))) {
            theory = theory.withFixedSeed(CI_SEED);
        }
        return System.getProperty("QT_EXAMPLES") == null ? theory.withExamples(examples) : theory;
    }

}
