package dev.ddbstreams.streams.reader.consume;

import dev.ddbstreams.streams.model.Record;
import java.util.List;
import java.util.Objects;

/**
 * What one {@link ShardReader#read()} step came to. Every kind but {@link End}, {@link ShardNotFound} and
 * {@link Failed} means "call again at {@link ShardReader#nextReadAt()}".
 */
public sealed interface ReadResult {

    /**
     * A page of records, in sequence-number order.
     *
     * @param records never empty
     * @param lastSequenceNumber the sequence number of the last record: the position to checkpoint once handled
     * @param bytes the records' size as the service counts it ({@code SizeBytes}), for bounding what is in memory
     */
    record Records(List<Record> records, String lastSequenceNumber, long bytes) implements ReadResult {
        /** A page; the list is copied. */
        public Records {
            records = List.copyOf(records);
            if (records.isEmpty()) {
                throw new IllegalArgumentException("a page of records has at least one record");
            }
            Objects.requireNonNull(lastSequenceNumber, "lastSequenceNumber");
        }
    }

    /** A page without records: the reader has caught up with the shard. */
    record Empty() implements ReadResult {}

    /** Records were lost; reading goes on after the gap. Report it before any later record of the shard. */
    record GapFound(Gap gap) implements ReadResult {}

    /** The shard has been read to its end: it is closed and every record was returned. Nothing more will come. */
    record End() implements ReadResult {}

    /** The iterator expired; the next step gets a fresh one where reading stopped. */
    record IteratorExpired() implements ReadResult {}

    /**
     * A call failed in a way worth trying again (throttling, a server error, a network failure); the next step
     * waits for the backoff.
     *
     * @param throttled whether the service was throttling (the pause is then shared by the stream's shards)
     */
    record Retry(Throwable cause, boolean throttled) implements ReadResult {}

    /** The stream is throttled: no call was made, and the next step waits for the stream's pause to pass. */
    record Paused() implements ReadResult {}

    /**
     * The service says the shard does not exist ({@code ResourceNotFoundException}). Either the shard was trimmed
     * away (check that the stream no longer lists it, then {@link ShardReader#shardGone}), or the service has not
     * caught up with a new shard yet (call again later).
     */
    record ShardNotFound(Exception cause) implements ReadResult {}

    /** An error that retrying cannot fix (access denied, a malformed answer): reading the shard stops here. */
    record Failed(Throwable cause) implements ReadResult {}
}
