package dev.ddbstreams.streams.reader.checkpoint;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/**
 * Stores the reader's checkpoints, one per shard of a stream, so that a restarted reader resumes where the last one
 * stopped.
 *
 * <p>The reader calls it from several threads, for different shards at once. {@link InMemoryCheckpointer} keeps
 * checkpoints for the life of the process, {@link FileCheckpointer} in a file. An implementation that cannot read
 * or write throws; the reader then stops that shard and reports the error rather than guess a position.
 *
 * <p>{@link #list} and {@link #remove} let a long-lived reader notice checkpoints of shards the service no longer
 * lists (their unread records are reported as a gap) and drop checkpoints nothing needs any more. A checkpointer
 * that does without them (the default methods throw {@link UnsupportedOperationException}) still works: the reader
 * then logs that it can neither detect records lost with a shard trimmed away while it was stopped, nor prune.
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
     * Records the shard's checkpoint, replacing the one before. It must be durable when this method returns, and
     * {@link #read} must give back an equal checkpoint: its {@link Checkpoint#kind() kind} as well as its sequence
     * number ({@link Checkpoint#of} rebuilds one from the two).
     *
     * @throws CheckpointException when it cannot be stored
     */
    void write(String streamArn, String shardId, Checkpoint checkpoint);

    /**
     * Every checkpoint held for the stream, by shard id.
     *
     * @throws CheckpointException when the store cannot be read
     * @throws UnsupportedOperationException when this checkpointer cannot list (the default)
     */
    default Map<String, Checkpoint> list(String streamArn) {
        throw new UnsupportedOperationException(getClass().getName() + " cannot list its checkpoints");
    }

    /**
     * Removes the checkpoints of these shards of the stream; ids without a checkpoint are ignored. Durable when this
     * method returns.
     *
     * @throws CheckpointException when the store cannot be written
     * @throws UnsupportedOperationException when this checkpointer cannot remove (the default)
     */
    default void remove(String streamArn, Collection<String> shardIds) {
        throw new UnsupportedOperationException(getClass().getName() + " cannot remove checkpoints");
    }
}
