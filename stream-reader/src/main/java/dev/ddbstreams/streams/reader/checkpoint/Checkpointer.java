package dev.ddbstreams.streams.reader.checkpoint;

import java.util.Optional;

/**
 * Stores the reader's checkpoints, one per shard of a stream, so that a restarted reader resumes where the last one
 * stopped.
 *
 * <p>The reader calls it from several threads, for different shards at once. {@link InMemoryCheckpointer} keeps
 * checkpoints for the life of the process, {@link FileCheckpointer} in a file. An implementation that cannot read
 * or write throws; the reader then stops that shard and reports the error rather than guess a position.
 */
public interface Checkpointer {

    /**
     * The last checkpoint written for the shard, or empty when there is none.
     *
     * @throws CheckpointException when the store cannot be read; never answer "none" for a store that is broken,
     *     since the reader would then start the shard from its configured position
     */
    Optional<Checkpoint> read(String streamArn, String shardId);

    /**
     * Records the shard's checkpoint, replacing the one before. It must be durable when this method returns.
     *
     * @throws CheckpointException when it cannot be stored
     */
    void write(String streamArn, String shardId, Checkpoint checkpoint);
}
