package dev.ddbstreams.streams.reader;

import dev.ddbstreams.streams.reader.lineage.ShardState;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * A snapshot of what a reader has done, from {@link StreamReader#metrics()}.
 *
 * @param recordsDelivered records handed to the handler
 * @param batchesDelivered batches handed to the handler
 * @param retriedErrors errors retried: throttling, server errors, network failures
 * @param expiredIterators iterators that expired and were replaced
 * @param gaps gaps reported to the {@link GapListener}
 * @param failures errors that stopped a shard or the reader, reported to the {@link ErrorListener}
 * @param shards each shard the reader knows, by shard id; a shard read to its end drops out once the service no
 *     longer lists it (after 24 hours), while the totals keep what it counted
 */
public record ReaderMetrics(
        long recordsDelivered,
        long batchesDelivered,
        long retriedErrors,
        long expiredIterators,
        long gaps,
        long failures,
        Map<String, ShardMetrics> shards) {

    /** A snapshot; the map is copied. */
    public ReaderMetrics {
        shards = Map.copyOf(Objects.requireNonNull(shards, "shards"));
    }

    /** Every error seen: retried ones and those that stopped something. */
    public long errors() {
        return retriedErrors + failures;
    }

    /** The largest lag of the shards being read, or zero when none has any. */
    public Duration maxLag() {
        return shards.values().stream()
                .filter(shard -> shard.state() == ShardState.READING && shard.lag() != null)
                .map(ShardMetrics::lag)
                .max(Duration::compareTo)
                .orElse(Duration.ZERO);
    }
}
