package dev.ddbstreams.streams.reader.consume;

import dev.ddbstreams.streams.model.TrimmedDataAccessException;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Records of a shard were lost: the service trimmed them (it keeps records for 24 hours) before the reader got to
 * them. The reader goes on with the oldest record still available.
 */
public final class Gap {

    private final String streamArn;
    private final String shardId;
    private final String afterSequenceNumber;
    private final Instant detectedAt;
    private final TrimmedDataAccessException cause;

    public Gap(String streamArn, String shardId, String afterSequenceNumber, Instant detectedAt,
            TrimmedDataAccessException cause) {
        this.streamArn = Objects.requireNonNull(streamArn, "streamArn");
        this.shardId = Objects.requireNonNull(shardId, "shardId");
        this.afterSequenceNumber = afterSequenceNumber;
        this.detectedAt = Objects.requireNonNull(detectedAt, "detectedAt");
        this.cause = Objects.requireNonNull(cause, "cause");
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

    /** What the service answered. */
    public TrimmedDataAccessException cause() {
        return cause;
    }

    @Override
    public String toString() {
        return "Gap(stream=" + streamArn + ", shard=" + shardId + ", after="
                + (afterSequenceNumber == null ? "the shard's start" : afterSequenceNumber) + ", at=" + detectedAt + ")";
    }
}
