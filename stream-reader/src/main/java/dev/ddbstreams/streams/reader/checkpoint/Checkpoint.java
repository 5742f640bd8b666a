package dev.ddbstreams.streams.reader.checkpoint;

import java.util.Objects;
import java.util.Optional;

/**
 * How far a shard has been read: after a sequence number, or to its end.
 *
 * <p>A reader writes one after each batch its handler accepted, and {@link #shardEnd()} when it has read a closed
 * shard to the end, so that a restarted reader neither reads the shard again nor holds back its children.
 */
public final class Checkpoint {

    private static final Checkpoint SHARD_END = new Checkpoint(null);

    private final String sequenceNumber;

    private Checkpoint(String sequenceNumber) {
        this.sequenceNumber = sequenceNumber;
    }

    /**
     * Everything up to and including the record with this sequence number has been handled.
     *
     * @throws IllegalArgumentException when the sequence number is empty or contains whitespace
     */
    public static Checkpoint afterSequenceNumber(String sequenceNumber) {
        Objects.requireNonNull(sequenceNumber, "sequenceNumber");
        if (sequenceNumber.isEmpty() || !sequenceNumber.codePoints().noneMatch(Character::isWhitespace)) {
            throw new IllegalArgumentException("not a sequence number: \"" + sequenceNumber + "\"");
        }
        return new Checkpoint(sequenceNumber);
    }

    /** The shard was closed and every record in it has been handled. */
    public static Checkpoint shardEnd() {
        return SHARD_END;
    }

    /** Whether the whole shard has been handled. */
    public boolean isShardEnd() {
        return sequenceNumber == null;
    }

    /** The sequence number of the last handled record; empty for {@link #shardEnd()}. */
    public Optional<String> sequenceNumber() {
        return Optional.ofNullable(sequenceNumber);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Checkpoint that && Objects.equals(sequenceNumber, that.sequenceNumber);
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(sequenceNumber);
    }

    @Override
    public String toString() {
        return isShardEnd() ? "Checkpoint(SHARD_END)" : "Checkpoint(after " + sequenceNumber + ")";
    }
}
