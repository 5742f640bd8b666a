package dev.ddbstreams.streams.reader.consume;

import dev.ddbstreams.streams.model.GetShardIteratorRequest;
import dev.ddbstreams.streams.model.ShardIteratorType;
import java.util.Objects;

/**
 * Where a fresh iterator for a shard starts: what the reader asks {@code GetShardIterator} for when it begins a
 * shard, and again when an iterator expired or pointed into trimmed data.
 *
 * @param type the iterator type
 * @param sequenceNumber for {@code AFTER_SEQUENCE_NUMBER}, the last record handled; otherwise {@code null}
 */
public record ShardPosition(ShardIteratorType type, String sequenceNumber) {

    public ShardPosition {
        Objects.requireNonNull(type, "type");
        if ((type == ShardIteratorType.AFTER_SEQUENCE_NUMBER) != (sequenceNumber != null)) {
            throw new IllegalArgumentException(type + " and sequence number " + sequenceNumber + " do not go together");
        }
    }

    public static ShardPosition trimHorizon() {
        return new ShardPosition(ShardIteratorType.TRIM_HORIZON, null);
    }

    public static ShardPosition latest() {
        return new ShardPosition(ShardIteratorType.LATEST, null);
    }

    public static ShardPosition after(String sequenceNumber) {
        return new ShardPosition(ShardIteratorType.AFTER_SEQUENCE_NUMBER, Objects.requireNonNull(sequenceNumber));
    }

    public GetShardIteratorRequest request(String streamArn, String shardId) {
        return GetShardIteratorRequest.builder()
                .streamArn(streamArn)
                .shardId(shardId)
                .shardIteratorType(type)
                .sequenceNumber(sequenceNumber)
                .build();
    }
}
