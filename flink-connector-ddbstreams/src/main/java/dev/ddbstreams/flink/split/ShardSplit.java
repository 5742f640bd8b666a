package dev.ddbstreams.flink.split;

import dev.ddbstreams.streams.model.SequenceNumberRange;
import dev.ddbstreams.streams.model.Shard;
import dev.ddbstreams.streams.reader.consume.ShardPosition;
import java.util.Objects;
import java.util.Optional;
import org.apache.flink.api.connector.source.SourceSplit;

/**
 * One shard of the stream as a Flink split: the shard as the service listed it, where reading resumes, and (for
 * {@code AT_TIMESTAMP}) the time before which its records are skipped. Immutable; what a checkpoint stores for a
 * shard being read.
 *
 * <p>A split marked {@link #finished()} was read to its end and its records emitted, and the reader keeps it in its
 * checkpoints until the enumerator has acknowledged the end: restored from such a checkpoint, the reader reports the
 * end again instead of reading the shard, so that its children are never left waiting.
 */
public final class ShardSplit implements SourceSplit {

    private final String shardId;
    private final String parentShardId;
    private final String startingSequenceNumber;
    private final String endingSequenceNumber;
    private final ShardPosition position;
    private final Long skipBeforeMillis;
    private final boolean finished;

    /**
     * A split.
     *
     * @param parentShardId the parent as listed, or {@code null}
     * @param startingSequenceNumber the shard's {@code StartingSequenceNumber}, or {@code null} when not listed
     * @param endingSequenceNumber the shard's {@code EndingSequenceNumber} when it was closed at the listing
     * @param position where reading resumes: {@code AFTER_SEQUENCE_NUMBER} the last record emitted, or where the
     *     shard starts ({@code TRIM_HORIZON}, {@code LATEST}, {@code AT_SEQUENCE_NUMBER} its first record)
     * @param skipBeforeMillis for {@code AT_TIMESTAMP}: records created before this time (epoch milliseconds) are
     *     skipped until the first one at or after it; {@code null} to emit every record
     * @param finished whether the shard was read to its end (see the class comment)
     */
    public ShardSplit(String shardId, String parentShardId, String startingSequenceNumber,
            String endingSequenceNumber, ShardPosition position, Long skipBeforeMillis, boolean finished) {
        this.shardId = Objects.requireNonNull(shardId, "shardId");
        this.parentShardId = parentShardId;
        this.startingSequenceNumber = startingSequenceNumber;
        this.endingSequenceNumber = endingSequenceNumber;
        this.position = Objects.requireNonNull(position, "position");
        this.skipBeforeMillis = skipBeforeMillis;
        this.finished = finished;
    }

    /** A split of a listed shard that starts at {@code position}. */
    public static ShardSplit of(Shard shard, ShardPosition position, Long skipBeforeMillis) {
        SequenceNumberRange range = shard.sequenceNumberRange();
        return new ShardSplit(shard.shardId(), shard.parentShardId(),
                range == null ? null : range.startingSequenceNumber(),
                range == null ? null : range.endingSequenceNumber(), position, skipBeforeMillis, false);
    }

    @Override
    public String splitId() {
        return shardId;
    }

    /** The shard's id (the split's id). */
    public String shardId() {
        return shardId;
    }

    /** The parent shard, if the listing named one. */
    public Optional<String> parentShardId() {
        return Optional.ofNullable(parentShardId);
    }

    /** The shard's {@code StartingSequenceNumber}, if listed. */
    public Optional<String> startingSequenceNumber() {
        return Optional.ofNullable(startingSequenceNumber);
    }

    /** The shard's {@code EndingSequenceNumber}, if it was closed when listed. */
    public Optional<String> endingSequenceNumber() {
        return Optional.ofNullable(endingSequenceNumber);
    }

    /** Where reading resumes. */
    public ShardPosition position() {
        return position;
    }

    /** For {@code AT_TIMESTAMP}: records created before this time are skipped until the first one at or after it. */
    public Optional<Long> skipBeforeMillis() {
        return Optional.ofNullable(skipBeforeMillis);
    }

    /** Whether the shard was read to its end and its records emitted. */
    public boolean finished() {
        return finished;
    }

    /** The shard as the service listed it, for the per-shard reader. */
    public Shard shard() {
        return shard(shardId, parentShardId, startingSequenceNumber, endingSequenceNumber);
    }

    /** A shard as a listing gives it; each value but the id may be null. */
    public static Shard shard(String shardId, String parentShardId, String startingSequenceNumber,
            String endingSequenceNumber) {
        return Shard.builder()
                .shardId(shardId)
                .parentShardId(parentShardId)
                .sequenceNumberRange(startingSequenceNumber == null && endingSequenceNumber == null ? null
                        : SequenceNumberRange.builder()
                                .startingSequenceNumber(startingSequenceNumber)
                                .endingSequenceNumber(endingSequenceNumber)
                                .build())
                .build();
    }

    /** This split resuming at {@code newPosition}, skipping records before {@code newSkipBeforeMillis} if set. */
    public ShardSplit at(ShardPosition newPosition, Long newSkipBeforeMillis) {
        return new ShardSplit(shardId, parentShardId, startingSequenceNumber, endingSequenceNumber, newPosition,
                newSkipBeforeMillis, finished);
    }

    /** This split, read to its end. */
    public ShardSplit asFinished() {
        return new ShardSplit(shardId, parentShardId, startingSequenceNumber, endingSequenceNumber, position,
                skipBeforeMillis, true);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ShardSplit that
                && shardId.equals(that.shardId)
                && Objects.equals(parentShardId, that.parentShardId)
                && Objects.equals(startingSequenceNumber, that.startingSequenceNumber)
                && Objects.equals(endingSequenceNumber, that.endingSequenceNumber)
                && position.equals(that.position)
                && Objects.equals(skipBeforeMillis, that.skipBeforeMillis)
                && finished == that.finished;
    }

    @Override
    public int hashCode() {
        return Objects.hash(shardId, parentShardId, startingSequenceNumber, endingSequenceNumber, position,
                skipBeforeMillis, finished);
    }

    @Override
    public String toString() {
        return "ShardSplit(" + shardId + (parentShardId == null ? "" : " child of " + parentShardId) + " at "
                + position + (skipBeforeMillis == null ? "" : ", skipping records before " + skipBeforeMillis + " ms")
                + (finished ? ", finished" : "") + ")";
    }
}
