package dev.ddbstreams.streams.reader.checkpoint;

import java.util.Objects;
import java.util.Optional;

/**
 * How far a shard has been read: after a sequence number, at a sequence number (begun, nothing handled yet), or to
 * its end.
 *
 * <p>A reader writes one after each batch its handler accepted, and {@link #shardEnd()} when it has read a closed
 * shard to the end, so that a restarted reader neither reads the shard again nor holds back its children. When it
 * begins a shard it owes whole, or one it begins at {@code TRIM_HORIZON}, it first writes
 * {@link #atSequenceNumber} the shard's first record, so that a later reader knows the shard was being read even if
 * nothing of it was handled: should its records be trimmed meanwhile, or the shard be gone, that is a gap the later
 * reader reports, not a silent loss.
 *
 * <p>A {@link Checkpointer} of its own must keep the {@link #kind()} with the sequence number, and give back what it
 * was given ({@link #of} rebuilds one from the two).
 */
public final class Checkpoint {

    /** What a checkpoint says. */
    public enum Kind {
        /** Everything up to and including the record with the sequence number has been handled. */
        AFTER_SEQUENCE_NUMBER,
        /** The shard was begun at the record with the sequence number (or where it would be); none handled yet. */
        AT_SEQUENCE_NUMBER,
        /** The shard was closed and every record in it has been handled. */
        SHARD_END
    }

    private static final Checkpoint SHARD_END = new Checkpoint(Kind.SHARD_END, null);

    private final Kind kind;
    private final String sequenceNumber;

    private Checkpoint(Kind kind, String sequenceNumber) {
        this.kind = kind;
        this.sequenceNumber = sequenceNumber;
    }

    /**
     * Everything up to and including the record with this sequence number has been handled.
     *
     * @throws IllegalArgumentException when the sequence number is empty or contains whitespace
     */
    public static Checkpoint afterSequenceNumber(String sequenceNumber) {
        return new Checkpoint(Kind.AFTER_SEQUENCE_NUMBER, checked(sequenceNumber));
    }

    /**
     * The shard was begun at the record with this sequence number and nothing of it has been handled yet: a reader
     * resumes there ({@code AT_SEQUENCE_NUMBER}), and reports a gap when it was trimmed meanwhile.
     *
     * @throws IllegalArgumentException when the sequence number is empty or contains whitespace
     */
    public static Checkpoint atSequenceNumber(String sequenceNumber) {
        return new Checkpoint(Kind.AT_SEQUENCE_NUMBER, checked(sequenceNumber));
    }

    /** The shard was closed and every record in it has been handled. */
    public static Checkpoint shardEnd() {
        return SHARD_END;
    }

    /**
     * The checkpoint of this kind and sequence number: how a {@link Checkpointer} rebuilds what it stored.
     *
     * @param sequenceNumber required with {@link Kind#AFTER_SEQUENCE_NUMBER} and {@link Kind#AT_SEQUENCE_NUMBER},
     *     {@code null} with {@link Kind#SHARD_END}
     * @throws IllegalArgumentException when the sequence number does not go with the kind
     */
    public static Checkpoint of(Kind kind, String sequenceNumber) {
        Objects.requireNonNull(kind, "kind");
        if ((kind == Kind.SHARD_END) != (sequenceNumber == null)) {
            throw new IllegalArgumentException("a " + kind + " checkpoint and sequence number " + sequenceNumber
                    + " do not go together");
        }
        return switch (kind) {
            case AFTER_SEQUENCE_NUMBER -> afterSequenceNumber(sequenceNumber);
            case AT_SEQUENCE_NUMBER -> atSequenceNumber(sequenceNumber);
            case SHARD_END -> SHARD_END;
        };
    }

    /** What the checkpoint says. */
    public Kind kind() {
        return kind;
    }

    /** Whether the whole shard has been handled. */
    public boolean isShardEnd() {
        return kind == Kind.SHARD_END;
    }

    /**
     * The sequence number the checkpoint names: the last handled record ({@link Kind#AFTER_SEQUENCE_NUMBER}) or the
     * first one to read ({@link Kind#AT_SEQUENCE_NUMBER}); empty for {@link #shardEnd()}.
     */
    public Optional<String> sequenceNumber() {
        return Optional.ofNullable(sequenceNumber);
    }

    /** The last handled record's sequence number: present only for {@link Kind#AFTER_SEQUENCE_NUMBER}. */
    public Optional<String> lastHandled() {
        return kind == Kind.AFTER_SEQUENCE_NUMBER ? Optional.of(sequenceNumber) : Optional.empty();
    }

    private static String checked(String sequenceNumber) {
        Objects.requireNonNull(sequenceNumber, "sequenceNumber");
        if (sequenceNumber.isEmpty() || !sequenceNumber.codePoints().noneMatch(Character::isWhitespace)) {
            throw new IllegalArgumentException("not a sequence number: \"" + sequenceNumber + "\"");
        }
        return sequenceNumber;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Checkpoint that && kind == that.kind
                && Objects.equals(sequenceNumber, that.sequenceNumber);
    }

    @Override
    public int hashCode() {
        return Objects.hash(kind, sequenceNumber);
    }

    @Override
    public String toString() {
        return switch (kind) {
            case AFTER_SEQUENCE_NUMBER -> "Checkpoint(after " + sequenceNumber + ")";
            case AT_SEQUENCE_NUMBER -> "Checkpoint(at " + sequenceNumber + ")";
            case SHARD_END -> "Checkpoint(SHARD_END)";
        };
    }
}
