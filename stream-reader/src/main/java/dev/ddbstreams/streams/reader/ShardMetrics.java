package dev.ddbstreams.streams.reader;

import dev.ddbstreams.streams.reader.consume.Gap;
import dev.ddbstreams.streams.reader.lineage.ShardState;
import java.time.Duration;
import java.util.Optional;

/**
 * What the reader has done with one shard, at the moment of the snapshot.
 *
 * @param shardId the shard
 * @param parentShardId its parent, or {@code null} when it has none
 * @param state where the reader is with it
 * @param recordsDelivered records handed to the handler by this reader
 * @param lastSequenceNumber the sequence number of the last record delivered, or {@code null} when none was
 * @param lag how far behind the reader was when it last read the shard: the time from the newest delivered
 *     record's {@code ApproximateCreationDateTime} to its delivery, or zero after a page with no records (the reader
 *     had caught up); {@code null} before the first read
 * @param retriedErrors errors the reader retried: throttling, server errors, network failures
 * @param expiredIterators iterators that expired and were replaced
 * @param gaps records lost to trimming (see {@link Gap})
 */
public record ShardMetrics(
        String shardId,
        String parentShardId,
        ShardState state,
        long recordsDelivered,
        String lastSequenceNumber,
        Duration lag,
        long retriedErrors,
        long expiredIterators,
        long gaps) {

    /** The lag, when the shard has been read. */
    public Optional<Duration> lagIfKnown() {
        return Optional.ofNullable(lag);
    }
}
