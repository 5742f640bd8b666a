package dev.ddbstreams.flink;

import java.time.Duration;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;

/**
 * Watermark strategies for the source, on the event time it stamps each value with: the record's
 * {@code ApproximateCreationDateTime}. The source emits each shard through its own split output, so Flink generates
 * watermarks per shard and the reader's watermark is the smallest of its shards'.
 */
public final class DynamoDbStreamsWatermarks {

    private DynamoDbStreamsWatermarks() {}

    /**
     * Watermarks that trail the newest creation time seen by {@code outOfOrderness} (the service gives the time in
     * whole seconds, so one second or more is wise), and a shard that emits nothing for {@code idleness} (an idle
     * open shard, a reader waiting for children) stops holding the watermark back until it emits again.
     *
     * @param <T> what the source produces
     */
    public static <T> WatermarkStrategy<T> approximateCreationTime(Duration outOfOrderness, Duration idleness) {
        return WatermarkStrategy.<T>forBoundedOutOfOrderness(outOfOrderness).withIdleness(idleness);
    }
}
