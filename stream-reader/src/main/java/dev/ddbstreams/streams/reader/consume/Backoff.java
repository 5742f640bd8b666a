package dev.ddbstreams.streams.reader.consume;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;

/**
 * Exponential backoff with jitter: the n-th retry in a row waits between half and all of
 * {@code min(max, base * 2^(n-1))}. The jitter spreads the retries of shards that failed together; the lower half
 * keeps them from retrying at once.
 */
public final class Backoff {

    private final Duration base;
    private final Duration max;
    private final DoubleSupplier random;

    public Backoff(Duration base, Duration max) {
        this(base, max, () -> ThreadLocalRandom.current().nextDouble());
    }

    /** With {@code random} in {@code [0, 1)}, so tests can choose the jitter. */
    public Backoff(Duration base, Duration max, DoubleSupplier random) {
        this.base = Objects.requireNonNull(base, "base");
        this.max = Objects.requireNonNull(max, "max");
        this.random = Objects.requireNonNull(random, "random");
    }

    /** The pause before retry number {@code attempt} (1 for the first retry). */
    public Duration delay(int attempt) {
        if (attempt < 1) {
            throw new IllegalArgumentException("attempts count from 1: " + attempt);
        }
        long capMillis = max.toMillis();
        long exponential = base.toMillis();
        // Doubling stops at the cap, so this never overflows however many attempts there were.
        for (int i = 1; i < attempt && exponential < capMillis; i++) {
            exponential *= 2;
        }
        long ceiling = Math.min(capMillis, exponential);
        long half = ceiling / 2;
        return Duration.ofMillis(half + (long) (random.getAsDouble() * (ceiling - half)));
    }
}
