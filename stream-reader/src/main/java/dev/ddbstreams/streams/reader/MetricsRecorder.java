package dev.ddbstreams.streams.reader;

import dev.ddbstreams.streams.model.Shard;
import dev.ddbstreams.streams.reader.lineage.ShardState;
import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** Counts what the reader does, from any thread, and takes snapshots of it. */
final class MetricsRecorder {

    private static final class ShardCounters {
        final LongAdder records = new LongAdder();
        final LongAdder retried = new LongAdder();
        final LongAdder expired = new LongAdder();
        final LongAdder gaps = new LongAdder();
        volatile String lastSequenceNumber;
        volatile Duration lag;
    }

    private final LongAdder records = new LongAdder();
    private final LongAdder batches = new LongAdder();
    private final LongAdder retried = new LongAdder();
    private final LongAdder expired = new LongAdder();
    private final LongAdder gaps = new LongAdder();
    private final LongAdder failures = new LongAdder();
    private final Map<String, ShardCounters> shards = new ConcurrentHashMap<>();

    /** A batch went to the handler; {@code lag} is {@code null} when its records carry no creation time. */
    void delivered(String shardId, int recordCount, String lastSequenceNumber, Duration lag) {
        records.add(recordCount);
        batches.increment();
        ShardCounters counters = shard(shardId);
        counters.records.add(recordCount);
        counters.lastSequenceNumber = lastSequenceNumber;
        if (lag != null) {
            counters.lag = lag.isNegative() ? Duration.ZERO : lag;
        }
    }

    /** A page came back empty: the reader has caught up with the shard. */
    void caughtUp(String shardId) {
        shard(shardId).lag = Duration.ZERO;
    }

    /** An error was retried; {@code shardId} is {@code null} for errors listing the stream. */
    void retried(String shardId) {
        retried.increment();
        if (shardId != null) {
            shard(shardId).retried.increment();
        }
    }

    void expiredIterator(String shardId) {
        expired.increment();
        shard(shardId).expired.increment();
    }

    /** A gap was reported; {@code shardId} is {@code null} for a shard the reader no longer tracks. */
    void gap(String shardId) {
        gaps.increment();
        if (shardId != null) {
            shard(shardId).gaps.increment();
        }
    }

    /** An error stopped a shard or the reader. */
    void failure() {
        failures.increment();
    }

    /** Drops the per-shard counters of shards the lineage forgot; the totals keep what they counted. */
    void forget(Collection<String> shardIds) {
        shardIds.forEach(shards::remove);
    }

    /** The counters, with the state of each shard the lineage knows. */
    ReaderMetrics snapshot(Map<Shard, ShardState> states) {
        Map<String, ShardMetrics> perShard = new LinkedHashMap<>();
        states.forEach((shard, state) -> {
            ShardCounters counters = shards.getOrDefault(shard.shardId(), new ShardCounters());
            perShard.put(shard.shardId(), new ShardMetrics(shard.shardId(), shard.parentShardId(), state,
                    counters.records.sum(), counters.lastSequenceNumber, counters.lag, counters.retried.sum(),
                    counters.expired.sum(), counters.gaps.sum()));
        });
        return new ReaderMetrics(records.sum(), batches.sum(), retried.sum(), expired.sum(), gaps.sum(),
                failures.sum(), perShard);
    }

    private ShardCounters shard(String shardId) {
        return shards.computeIfAbsent(shardId, id -> new ShardCounters());
    }
}
