package dev.ddbstreams.streams.reader;

import dev.ddbstreams.streams.model.Shard;
import dev.ddbstreams.streams.reader.lineage.ShardState;

/** What a {@link ShardPipeline} tells the reader, and asks of it. */
interface ShardEvents {

    /** The reader is done with the shard: read to its end ({@link ShardState#FINISHED}) or skipped. */
    void shardDone(Shard shard, ShardState state);

    /** An error stopped the shard for good ({@link FailurePolicy.Action#STOP_SHARD}). */
    void shardFailed(Shard shard, Throwable cause);

    /** Tells the application's error listener (an exception from it is logged, not thrown). */
    void report(ReadError error);

    /** An error that stops the whole reader ({@link FailurePolicy.Action#STOP_READER}). */
    void failReader(Throwable cause);

    /**
     * Whether the shard is gone for good: the service answered {@code ResourceNotFoundException} for it, and the
     * stream no longer lists it. False when it is still listed, or the stream cannot be listed right now.
     */
    boolean isGone(Shard shard);
}
