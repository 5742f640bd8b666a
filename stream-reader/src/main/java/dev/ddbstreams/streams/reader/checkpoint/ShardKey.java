package dev.ddbstreams.streams.reader.checkpoint;

import java.util.Objects;

/** A shard of a stream: the key checkpoints are stored under. */
record ShardKey(String streamArn, String shardId) {

    ShardKey {
        Objects.requireNonNull(streamArn, "streamArn");
        Objects.requireNonNull(shardId, "shardId");
    }
}
