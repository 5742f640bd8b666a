package dev.ddbstreams.streams.reader.consume;

import java.time.Duration;
import java.util.Objects;

/**
 * How long a shard reader waits after a page without records: {@code min(max, interval × 2^(n-1))} after the n-th
 * empty page in a row, so an idle open shard is polled less and less often (down to once per {@code max}), and a
 * busy one at the service's pace. A page with records resets it. With {@code max} equal to {@code interval} every
 * pause is {@code interval}.
 *
 * @param interval the pause after the first empty page
 * @param max the longest pause
 */
public record Polling(Duration interval, Duration max) {

    /** A polling policy; {@code max} must not be below {@code interval}. */
    public Polling {
        Objects.requireNonNull(interval, "interval");
        Objects.requireNonNull(max, "max");
        if (interval.isNegative() || max.compareTo(interval) < 0) {
            throw new IllegalArgumentException("polling needs 0 <= interval <= max: " + interval + ", " + max);
        }
    }

    /** The pause after the {@code emptyInARow}-th empty page in a row (1 for the first). */
    public Duration pauseAfter(int emptyInARow) {
        Duration pause = interval;
        for (int i = 1; i < emptyInARow && pause.compareTo(max) < 0; i++) {
            pause = pause.isZero() ? pause : pause.multipliedBy(2);
        }
        return pause.compareTo(max) > 0 ? max : pause;
    }
}
