package dev.ddbstreams.streams.reader.testing;

import dev.ddbstreams.runtime.retry.Sleeper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A clock that only moves when told, shared by a reader and the simulated service; its {@link #sleeper()} moves it
 * instead of waiting, so a test never sleeps for real however long the reader pauses. A reader made
 * {@code deterministic} waits on one thread only, so the clock moves by exactly the pauses it asks for; readers on
 * several threads each move it up to the end of their own pause (never by the sum of pauses taken at once).
 */
public final class ManualClock extends Clock {

    private final Instant origin;
    private final AtomicLong nanos = new AtomicLong();

    public ManualClock(Instant origin) {
        this.origin = origin;
    }

    public ManualClock() {
        this(Instant.parse("2024-05-01T12:00:00Z"));
    }

    public void advance(Duration duration) {
        nanos.addAndGet(duration.toNanos());
    }

    /** Moves the clock to {@code instant}, unless it is there or past it already. */
    public void advanceTo(Instant instant) {
        long target = Duration.between(origin, instant).toNanos();
        nanos.accumulateAndGet(target, Math::max);
    }

    /** Moves the clock to the end of the pause asked for; like Thread.sleep, gives up when interrupted. */
    public Sleeper sleeper() {
        return duration -> {
            if (Thread.interrupted()) {
                throw new InterruptedException("woken");
            }
            advanceTo(instant().plus(duration));
            // Lets the other readers' threads and the server run, as a real pause would.
            Thread.yield();
        };
    }

    @Override
    public Instant instant() {
        return origin.plusNanos(nanos.get());
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("a test clock has one zone");
    }
}
