package dev.ddbstreams.streams.reader.consume;

import dev.ddbstreams.streams.model.GetShardIteratorRequest;
import dev.ddbstreams.streams.model.ShardIteratorType;
import java.util.Objects;

/**
 * Where a fresh iterator for a shard starts: what a {@link ShardReader} asks {@code GetShardIterator} for when it
 * begins a shard, and again when an iterator expired or pointed into trimmed data.
 *
 * @param type the iterator type
 * @param sequenceNumber for {@code AFTER_SEQUENCE_NUMBER}, the last record handled; for {@code AT_SEQUENCE_NUMBER},
 *     the first record wanted; otherwise {@code null}
 */
public record ShardPosition(ShardIteratorType type, String sequenceNumber) {

    /** A position; the sequence number goes with the two types that take one, and only with them. */
    public ShardPosition {
        Objects.requireNonNull(type, "type");
        boolean takesSequence = type == ShardIteratorType.AFTER_SEQUENCE_NUMBER
                || type == ShardIteratorType.AT_SEQUENCE_NUMBER;
        if (takesSequence != (sequenceNumber != null)) {
            throw new IllegalArgumentException(type + " and sequence number " + sequenceNumber + " do not go together");
        }
    }

    /** The oldest record the service still holds. */
    public static ShardPosition trimHorizon() {
        return new ShardPosition(ShardIteratorType.TRIM_HORIZON, null);
    }

    /** Just after the newest record: only records written from now on. */
    public static ShardPosition latest() {
        return new ShardPosition(ShardIteratorType.LATEST, null);
    }

    /** Right after the record with this sequence number. */
    public static ShardPosition after(String sequenceNumber) {
        return new ShardPosition(ShardIteratorType.AFTER_SEQUENCE_NUMBER, Objects.requireNonNull(sequenceNumber));
    }

    /** At the record with this sequence number (or where it would be): used with a shard's starting sequence number. */
    public static ShardPosition at(String sequenceNumber) {
        return new ShardPosition(ShardIteratorType.AT_SEQUENCE_NUMBER, Objects.requireNonNull(sequenceNumber));
    }

    /** The request for an iterator at this position. */
    public GetShardIteratorRequest request(String streamArn, String shardId) {
        return GetShardIteratorRequest.builder()
                .streamArn(streamArn)
                .shardId(shardId)
                .shardIteratorType(type)
                .sequenceNumber(sequenceNumber)
                .build();
    }

    @Override
    public String toString() {
        return sequenceNumber == null ? type.toString() : type + " " + sequenceNumber;
    }
}
