package dev.ddbstreams.runtime.retry;

import java.time.Duration;

/** Waits between attempts. Tests pass one that records the delays and advances a fake clock instead of waiting. */
@FunctionalInterface
public interface Sleeper {

    /** Blocks the calling thread for {@code duration}. */
    void sleep(Duration duration) throws InterruptedException;

    /** The sleeper that really waits, with {@link Thread#sleep(long, int)}. */
    static Sleeper system() {
        return duration -> {
            if (!duration.isNegative() && !duration.isZero()) {
                Thread.sleep(duration.toMillis(), duration.toNanosPart() % 1_000_000);
            }
        };
    }
}
