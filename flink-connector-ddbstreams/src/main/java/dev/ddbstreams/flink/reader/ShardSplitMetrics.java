package dev.ddbstreams.flink.reader;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.MetricGroup;

/**
 * The Flink metrics of each shard a reader reads, in the group {@code shardId=<id>} below the source reader's
 * metric group:
 *
 * <ul>
 *   <li>{@code records}: records emitted (counter);</li>
 *   <li>{@code millisBehindLatest}: at the last read of the shard, the time from the newest record read's
 *       {@code ApproximateCreationDateTime} to the read, or 0 when the read returned nothing (the shard is caught
 *       up); -1 before the first read (gauge);</li>
 *   <li>{@code iteratorRefreshes}: iterators that expired and were renewed where reading stopped (counter);</li>
 *   <li>{@code gaps}: gaps found, records the service removed before they were read (counter).</li>
 * </ul>
 *
 * Thread-safe: the counters are updated by the fetcher thread (refreshes, gaps) and the task thread (records), each
 * counter by one of them only.
 */
public final class ShardSplitMetrics {

    private final Counter records;
    private final Counter iteratorRefreshes;
    private final Counter gaps;
    private volatile long millisBehindLatest = -1;

    private ShardSplitMetrics(MetricGroup group) {
        this.records = group.counter("records");
        this.iteratorRefreshes = group.counter("iteratorRefreshes");
        this.gaps = group.counter("gaps");
        group.gauge("millisBehindLatest", () -> millisBehindLatest);
    }

    /** The metrics of one reader's shards, each registered once however often the shard comes and goes. */
    public static final class Registry {
        private final MetricGroup readerGroup;
        private final Map<String, ShardSplitMetrics> shards = new ConcurrentHashMap<>();

        /** The metrics below {@code readerGroup}. */
        public Registry(MetricGroup readerGroup) {
            this.readerGroup = readerGroup;
        }

        /** The metrics of a shard, registered on first use. */
        public ShardSplitMetrics of(String shardId) {
            return shards.computeIfAbsent(shardId, id -> new ShardSplitMetrics(readerGroup.addGroup("shardId", id)));
        }
    }

    /** Records emitted. */
    public Counter records() {
        return records;
    }

    /** Iterators renewed after they expired. */
    public Counter iteratorRefreshes() {
        return iteratorRefreshes;
    }

    /** Gaps found. */
    public Counter gaps() {
        return gaps;
    }

    /** The current value of {@code millisBehindLatest}. */
    public long millisBehindLatest() {
        return millisBehindLatest;
    }

    /** A read at {@code now} returned records, the newest created at {@code newest} (null when unknown). */
    void readRecords(Instant newest, Instant now) {
        if (newest != null) {
            millisBehindLatest = Math.max(0, Duration.between(newest, now).toMillis());
        }
    }

    /** A read returned no records: the shard is caught up. */
    void caughtUp() {
        millisBehindLatest = 0;
    }
}
