package dev.ddbstreams.streams.reader;

import dev.ddbstreams.streams.model.Shard;
import dev.ddbstreams.streams.reader.consume.ShardPosition;
import java.util.Objects;

/**
 * A shard the reader begins, told to {@link ShardProcessor#shardStarted}.
 *
 * @param streamArn the stream
 * @param shard the shard as the service listed it (id, parent, sequence number range)
 * @param position where reading begins: after its checkpoint, at its start, {@code TRIM_HORIZON} or {@code LATEST}
 */
public record ShardStart(String streamArn, Shard shard, ShardPosition position) {

    /** A shard start; every part is required. */
    public ShardStart {
        Objects.requireNonNull(streamArn, "streamArn");
        Objects.requireNonNull(shard, "shard");
        Objects.requireNonNull(position, "position");
    }

    /** The shard's id. */
    public String shardId() {
        return shard.shardId();
    }
}
