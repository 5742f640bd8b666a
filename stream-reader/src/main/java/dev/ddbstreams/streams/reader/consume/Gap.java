package dev.ddbstreams.streams.reader.consume;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Records of a shard were lost: the service removed them (it keeps records for 24 hours) before the reader got to
 * them. The lost records are those after {@link #afterSequenceNumber()} (or from the shard's start when it is empty)
 * up to the next record the reader delivers from the shard, or to the shard's end when it delivers none; for a gap
 * of {@link Reason#CHILDREN_GONE}, every record of the shard's children, which the service no longer lists.
 */
public final class Gap {

    /** How the loss showed itself. */
    public enum Reason {
        /**
         * The service answered {@code TrimmedDataAccessException}: the position was trimmed. The reader goes on with
         * the oldest record still there.
         */
        TRIMMED,
        /**
         * The shard itself is gone: no longer listed, or {@code ResourceNotFoundException} for it, while the reader
         * had not read it to its end. Nothing more can be read from it; its children are read next.
         */
        SHARD_GONE,
        /**
         * The children of the gap's shard are gone: the reader read the shard to its end, and the service no longer
         * lists it nor any child of it while the stream is enabled, so the children were created, filled, closed
         * and trimmed away before the reader began them (it was stopped, or could not reach the service, for more
         * than a day). Every record of theirs (and of their descendants the service no longer lists) is lost; their
         * ids are gone with them, so the gap names the parent, and has no sequence number.
         */
        CHILDREN_GONE
    }

    private final String streamArn;
    private final String shardId;
    private final String afterSequenceNumber;
    private final Instant detectedAt;
    private final Reason reason;
    private final Exception cause;

    /**
     * A gap.
     *
     * @param afterSequenceNumber the last record delivered or checkpointed before the gap, or {@code null} when the
     *     shard was being read from its start
     * @param cause what the service answered, or {@code null} when the gap was found without a call (a checkpoint
     *     naming a shard the service no longer lists)
     */
    public Gap(String streamArn, String shardId, String afterSequenceNumber, Instant detectedAt, Reason reason,
            Exception cause) {
        this.streamArn = Objects.requireNonNull(streamArn, "streamArn");
        this.shardId = Objects.requireNonNull(shardId, "shardId");
        this.afterSequenceNumber = afterSequenceNumber;
        this.detectedAt = Objects.requireNonNull(detectedAt, "detectedAt");
        this.reason = Objects.requireNonNull(reason, "reason");
        this.cause = cause;
    }

    /** The stream. */
    public String streamArn() {
        return streamArn;
    }

    /** The shard that lost records. */
    public String shardId() {
        return shardId;
    }

    /**
     * The last sequence number handled (or checkpointed) before the gap: the lost records come after it. Empty when
     * the shard was being read from its beginning, so that the lost records are its first ones.
     */
    public Optional<String> afterSequenceNumber() {
        return Optional.ofNullable(afterSequenceNumber);
    }

    /** When the reader found the gap, on the reader's clock. */
    public Instant detectedAt() {
        return detectedAt;
    }

    /** How the loss showed itself. */
    public Reason reason() {
        return reason;
    }

    /** What the service answered ({@code TrimmedDataAccessException}, {@code ResourceNotFoundException}), if anything. */
    public Optional<Exception> cause() {
        return Optional.ofNullable(cause);
    }

    @Override
    public String toString() {
        return "Gap(stream=" + streamArn + ", shard=" + shardId + ", after="
                + (afterSequenceNumber == null ? "the shard's start" : afterSequenceNumber) + ", reason=" + reason
                + ", at=" + detectedAt + ")";
    }
}
