package dev.ddbstreams.streams.reader;

import dev.ddbstreams.runtime.retry.Sleeper;
import dev.ddbstreams.streams.DynamoDbStreamsClient;
import dev.ddbstreams.streams.reader.checkpoint.Checkpointer;
import java.time.Clock;
import java.time.Duration;

/** The validated configuration of a {@link StreamReader}; see its builder for each setting. */
record ReaderSettings(
        DynamoDbStreamsClient client,
        String streamArn,
        StartingPosition startingPosition,
        Checkpointer checkpointer,
        RecordHandler handler,
        GapListener gapListener,
        ErrorListener errorListener,
        int maxConcurrentShards,
        Duration pollInterval,
        int maxRecordsPerBatch,
        Duration shardDiscoveryInterval,
        Duration retryBaseDelay,
        Duration retryMaxDelay,
        Clock clock,
        Sleeper sleeper,
        String threadNamePrefix) {

    /**
     * The service allows five {@code GetRecords} calls per second on a shard; the reader spaces the calls it makes
     * on one shard at least this far apart.
     */
    static final Duration MIN_GET_RECORDS_SPACING = Duration.ofMillis(200);
}
