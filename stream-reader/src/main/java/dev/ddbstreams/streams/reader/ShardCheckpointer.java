package dev.ddbstreams.streams.reader;

import java.util.Optional;

/**
 * Checkpoints one shard on the application's say-so: everything up to and including a record is done, and a
 * reader started later resumes right after it. Thread-safe, and usable after the call that handed it out returned
 * (to checkpoint once asynchronous work completes). A checkpoint at or before the shard's current one changes
 * nothing, so completions arriving out of order are harmless; each one written is durable when the call returns.
 */
public interface ShardCheckpointer {

    /** The shard. */
    String shardId();

    /** Checkpoints the last record delivered from the shard so far. */
    void checkpoint();

    /**
     * Checkpoints the record with this sequence number and everything before it.
     *
     * @throws IllegalArgumentException when no record with a sequence number this high has been delivered yet
     */
    void checkpoint(String sequenceNumber);

    /** The sequence number of the last checkpoint of the shard, written or resumed from; empty when none. */
    Optional<String> lastCheckpointed();
}
