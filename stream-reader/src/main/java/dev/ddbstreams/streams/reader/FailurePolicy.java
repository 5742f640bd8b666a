package dev.ddbstreams.streams.reader;

import java.time.Duration;
import java.util.Objects;

/**
 * What the reader does when a shard fails: the handler or processor threw, the checkpointer failed, a gap listener
 * refused a gap, or the service answered with an error retrying cannot fix. The error always goes to the
 * {@link ErrorListener} first.
 */
public final class FailurePolicy {

    /** The three reactions. */
    public enum Action {
        /** The shard stops ({@code FAILED}); its children wait. Other shards go on; {@link StreamReader#restartShard}. */
        STOP_SHARD,
        /** The shard starts again from its last checkpoint after a backoff; its batch in hand is delivered again. */
        RETRY,
        /** The whole reader stops; {@link StreamReader#failure()} holds the error. */
        STOP_READER
    }

    private static final FailurePolicy STOP_SHARD = new FailurePolicy(Action.STOP_SHARD, null, null);
    private static final FailurePolicy STOP_READER = new FailurePolicy(Action.STOP_READER, null, null);

    private final Action action;
    private final Duration retryBase;
    private final Duration retryMax;

    private FailurePolicy(Action action, Duration retryBase, Duration retryMax) {
        this.action = action;
        this.retryBase = retryBase;
        this.retryMax = retryMax;
    }

    /** Stop the failed shard only (the default). */
    public static FailurePolicy stopShard() {
        return STOP_SHARD;
    }

    /** Stop the whole reader. */
    public static FailurePolicy stopReader() {
        return STOP_READER;
    }

    /**
     * Start the shard again from its last checkpoint, the n-th time in a row after between half and all of
     * {@code min(max, base × 2^(n-1))}, for as long as it keeps failing (each failure is reported). A batch handled
     * without failure resets the count.
     */
    public static FailurePolicy retry(Duration base, Duration max) {
        Objects.requireNonNull(base, "base");
        Objects.requireNonNull(max, "max");
        if (base.isNegative() || base.isZero() || max.compareTo(base) < 0) {
            throw new IllegalArgumentException("a retry needs 0 < base <= max: " + base + ", " + max);
        }
        return new FailurePolicy(Action.RETRY, base, max);
    }

    /** The reaction. */
    public Action action() {
        return action;
    }

    /** For {@link Action#RETRY}, the first pause; otherwise null. */
    public Duration retryBase() {
        return retryBase;
    }

    /** For {@link Action#RETRY}, the longest pause; otherwise null. */
    public Duration retryMax() {
        return retryMax;
    }

    @Override
    public String toString() {
        return action == Action.RETRY ? "FailurePolicy(RETRY, " + retryBase + " to " + retryMax + ")"
                : "FailurePolicy(" + action + ")";
    }
}
