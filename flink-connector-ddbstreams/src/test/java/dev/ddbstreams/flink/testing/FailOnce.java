package dev.ddbstreams.flink.testing;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.flink.api.common.functions.MapFunction;

/**
 * Passes values on, and fails the task once, on the n-th value after it is armed: a task failure injected mid-run.
 * Static, so in one JVM (a MiniCluster) only.
 */
public final class FailOnce implements MapFunction<String, String> {

    private static final long serialVersionUID = 1L;

    private static final AtomicInteger COUNTDOWN = new AtomicInteger(Integer.MAX_VALUE);
    private static final AtomicBoolean FAILED = new AtomicBoolean();

    /** Fails the task that sees the {@code after}-th value from now (once). */
    public static void arm(int after) {
        FAILED.set(false);
        COUNTDOWN.set(after);
    }

    /** Never fails. */
    public static void disarm() {
        COUNTDOWN.set(Integer.MAX_VALUE);
    }

    /** Whether the failure was injected. */
    public static boolean failed() {
        return FAILED.get();
    }

    @Override
    public String map(String value) {
        if (COUNTDOWN.decrementAndGet() == 0 && FAILED.compareAndSet(false, true)) {
            throw new IllegalStateException("Task failure injected by the test, at " + value);
        }
        return value;
    }
}
