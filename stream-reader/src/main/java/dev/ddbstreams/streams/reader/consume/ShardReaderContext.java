package dev.ddbstreams.streams.reader.consume;

import dev.ddbstreams.streams.DynamoDbStreamsClient;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * What the {@link ShardReader}s of one stream share: the client, the stream, the clock, the backoff of retried
 * errors, the stream's {@link StreamThrottle} and the {@link Polling} of idle shards. One per stream; thread-safe.
 *
 * @param maxRecordsPerCall the {@code Limit} of each {@code GetRecords}, 1 to 1000
 */
public record ShardReaderContext(
        DynamoDbStreamsClient client,
        String streamArn,
        int maxRecordsPerCall,
        Clock clock,
        Backoff retryBackoff,
        StreamThrottle throttle,
        Polling polling) {

    /**
     * The service allows five {@code GetRecords} calls per second on a shard; a shard reader spaces its calls at
     * least this far apart, counted from the answer to the previous one.
     */
    public static final Duration MIN_GET_RECORDS_SPACING = Duration.ofMillis(200);

    /** A context; every part is required. */
    public ShardReaderContext {
        Objects.requireNonNull(client, "client");
        Objects.requireNonNull(streamArn, "streamArn");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(retryBackoff, "retryBackoff");
        Objects.requireNonNull(throttle, "throttle");
        Objects.requireNonNull(polling, "polling");
        if (maxRecordsPerCall < 1 || maxRecordsPerCall > 1000) {
            throw new IllegalArgumentException("maxRecordsPerCall must be 1 to 1000: " + maxRecordsPerCall);
        }
    }
}
