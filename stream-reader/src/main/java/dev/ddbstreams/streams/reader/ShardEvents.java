package dev.ddbstreams.streams.reader;

import dev.ddbstreams.streams.model.Shard;
import dev.ddbstreams.streams.reader.lineage.ShardState;

/** What a {@link ShardConsumer} tells the reader about the end of its shard. */
interface ShardEvents {

    /** The reader is done with the shard: read to its end ({@link ShardState#FINISHED}) or skipped. */
    void shardDone(Shard shard, ShardState state);

    /** An error stopped the shard. */
    void shardFailed(Shard shard, Throwable cause);
}
