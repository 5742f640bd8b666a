package dev.ddbstreams.streams.reader.checkpoint;

import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/** A shard of a stream: the key checkpoints are stored under. */
record ShardKey(String streamArn, String shardId) {

    ShardKey {
        Objects.requireNonNull(streamArn, "streamArn");
        Objects.requireNonNull(shardId, "shardId");
    }

    /** The checkpoints of one stream, by shard id in order: what {@link Checkpointer#list} answers. */
    static Map<String, Checkpoint> ofStream(String streamArn, Map<ShardKey, Checkpoint> checkpoints) {
        Objects.requireNonNull(streamArn, "streamArn");
        Map<String, Checkpoint> held = new TreeMap<>();
        checkpoints.forEach((key, checkpoint) -> {
            if (key.streamArn().equals(streamArn)) {
                held.put(key.shardId(), checkpoint);
            }
        });
        return held;
    }
}
