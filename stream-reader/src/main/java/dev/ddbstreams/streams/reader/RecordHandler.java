package dev.ddbstreams.streams.reader;

/**
 * Receives the records of a stream, one batch (one page of {@code GetRecords}) at a time.
 *
 * <p>Batches of one shard arrive one after another, in the shard's order; batches of different shards may arrive
 * at the same time on different threads, so an implementation must be thread-safe. The reader records the batch's
 * checkpoint only after {@link #handle} returns.
 */
@FunctionalInterface
public interface RecordHandler {

    /**
     * Handles one batch of records, never empty.
     *
     * @throws Exception to refuse the batch: its shard stops without recording a checkpoint for it, and the error
     *     goes to the reader's {@link ErrorListener}; a later run delivers the batch again
     */
    void handle(ShardBatch batch) throws Exception;
}
