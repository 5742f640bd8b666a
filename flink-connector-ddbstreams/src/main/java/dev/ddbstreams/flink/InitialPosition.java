package dev.ddbstreams.flink;

import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Where a job that starts without state (not from a checkpoint or savepoint) begins reading. A job restored from a
 * checkpoint or savepoint resumes each shard right after the last record it emitted, whatever this says.
 */
public final class InitialPosition implements Serializable {

    private static final long serialVersionUID = 1L;

    /** How the first listing's shards are started. */
    public enum Kind {
        /** The whole retained stream: every shard from its oldest record still there (the last 24 hours). */
        TRIM_HORIZON,
        /** Only changes made from now on: open shards at {@code LATEST}, closed shards skipped. */
        LATEST,
        /**
         * From a time: in each shard, the first record whose {@code ApproximateCreationDateTime} is at or after it.
         * DynamoDB Streams has no such iterator type; the shards are read from their oldest record and earlier
         * records skipped.
         */
        AT_TIMESTAMP
    }

    /** The whole retained stream (the default). */
    public static final InitialPosition TRIM_HORIZON = new InitialPosition(Kind.TRIM_HORIZON, null);

    /** Only changes made from now on. */
    public static final InitialPosition LATEST = new InitialPosition(Kind.LATEST, null);

    private final Kind kind;
    private final Instant timestamp;

    private InitialPosition(Kind kind, Instant timestamp) {
        this.kind = kind;
        this.timestamp = timestamp;
    }

    /**
     * Every record created at or after {@code timestamp} (by {@code ApproximateCreationDateTime}, which the service
     * gives in whole seconds), in every shard, and nothing created before it.
     */
    public static InitialPosition atTimestamp(Instant timestamp) {
        return new InitialPosition(Kind.AT_TIMESTAMP, Objects.requireNonNull(timestamp, "timestamp"));
    }

    /** Which kind of position. */
    public Kind kind() {
        return kind;
    }

    /** For {@link Kind#AT_TIMESTAMP}, the time. */
    public Optional<Instant> timestamp() {
        return Optional.ofNullable(timestamp);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof InitialPosition that && kind == that.kind && Objects.equals(timestamp, that.timestamp);
    }

    @Override
    public int hashCode() {
        return Objects.hash(kind, timestamp);
    }

    @Override
    public String toString() {
        return timestamp == null ? kind.toString() : kind + " " + timestamp;
    }
}
