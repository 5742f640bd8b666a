package dev.ddbstreams.streams.reader.consume;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * The throttling backoff of one stream, shared by the readers of its shards: when the service throttles a call on
 * any shard, every shard of the stream holds its next call until the pause passes, instead of each one finding out
 * on its own with a refused call. Each throttled call in a row doubles the pause (with jitter, up to the backoff's
 * maximum); each call that gets through eases it by one step. Thread-safe.
 */
public final class StreamThrottle {

    private final Backoff backoff;
    private int level;
    private Instant pausedUntil = Instant.MIN;

    /** A throttle whose pauses follow {@code backoff}. */
    public StreamThrottle(Backoff backoff) {
        this.backoff = Objects.requireNonNull(backoff, "backoff");
    }

    /** A call was throttled at {@code now}: every shard of the stream waits for the pause. */
    public synchronized void throttled(Instant now) {
        level++;
        Instant until = now.plus(backoff.delay(level));
        if (until.isAfter(pausedUntil)) {
            pausedUntil = until;
        }
    }

    /** A call got through. */
    public synchronized void succeeded() {
        if (level > 0) {
            level--;
        }
    }

    /** {@code wanted}, or the end of the stream's pause if that is later. */
    public synchronized Instant notBefore(Instant wanted) {
        return pausedUntil.isAfter(wanted) ? pausedUntil : wanted;
    }

    /** How long the stream's pause still lasts at {@code now}; zero when there is none. */
    public synchronized Duration remaining(Instant now) {
        return pausedUntil.isAfter(now) ? Duration.between(now, pausedUntil) : Duration.ZERO;
    }
}
