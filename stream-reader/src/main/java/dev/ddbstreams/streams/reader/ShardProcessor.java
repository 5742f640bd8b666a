package dev.ddbstreams.streams.reader;

/**
 * Processes the records of one shard, with the shard's life around them, as the Kinesis Client Library's record
 * processors do. The reader makes one processor per shard it reads (see {@link StreamReader.Builder#processors}) and
 * calls it from one thread at a time, in this order: {@link #shardStarted}, {@link #processBatch} for each page,
 * then either {@link #shardEnded} (the shard was read to its end) or {@link #shutdownRequested} (the reader is
 * closing). A processor therefore needs no locking of its own state.
 *
 * <p>With {@link CheckpointMode#AFTER_EACH_BATCH} (the default) the reader checkpoints each batch after
 * {@code processBatch} returns. With {@link CheckpointMode#BY_APPLICATION} the processor checkpoints through the
 * {@link ShardCheckpointer} when its work is really done, from any thread and at any later time; the shard's end is
 * then recorded, and its children released, only once the last record delivered has been checkpointed.
 *
 * <p>An exception from any method is a failure of the shard, handled by the reader's {@link FailurePolicy}.
 */
public interface ShardProcessor {

    /** The reader begins the shard; called before its first batch. */
    default void shardStarted(ShardStart start) throws Exception {}

    /** One page of records of the shard, never empty, in the shard's order. */
    void processBatch(ShardBatch batch, ShardCheckpointer checkpointer) throws Exception;

    /**
     * The shard was read to its end: every record has been passed to {@link #processBatch}. The chance to flush
     * what is buffered (and, with {@link CheckpointMode#BY_APPLICATION}, to checkpoint it).
     */
    default void shardEnded(ShardCheckpointer checkpointer) throws Exception {}

    /**
     * The reader is closing while the shard is being read: no further batch comes. The chance to finish work in
     * hand and checkpoint it; a later reader resumes after the last checkpoint.
     */
    default void shutdownRequested(ShardCheckpointer checkpointer) throws Exception {}
}
