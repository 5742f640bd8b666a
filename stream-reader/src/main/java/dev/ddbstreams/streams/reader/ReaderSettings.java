package dev.ddbstreams.streams.reader;

import dev.ddbstreams.runtime.retry.Sleeper;
import dev.ddbstreams.streams.DynamoDbStreamsClient;
import dev.ddbstreams.streams.reader.checkpoint.Checkpointer;
import dev.ddbstreams.streams.reader.consume.Backoff;
import java.time.Clock;
import java.time.Duration;
import java.util.function.DoubleSupplier;
import java.util.function.Supplier;

/** The validated configuration of a {@link StreamReader}; see its builder for each setting. */
record ReaderSettings(
        DynamoDbStreamsClient client,
        String streamArn,
        StartingPosition startingPosition,
        Checkpointer checkpointer,
        Supplier<? extends ShardProcessor> processors,
        CheckpointMode checkpointMode,
        FailurePolicy failurePolicy,
        GapListener gapListener,
        ErrorListener errorListener,
        int maxConcurrentShards,
        Duration pollInterval,
        Duration maxPollInterval,
        int maxRecordsPerBatch,
        Duration shardDiscoveryInterval,
        Duration retryBaseDelay,
        Duration retryMaxDelay,
        int prefetchPages,
        int maxRecordsInFlight,
        long maxBytesInFlight,
        Clock clock,
        Sleeper sleeper,
        String threadNamePrefix,
        boolean oneThread,
        DoubleSupplier jitter) {

    /** The backoff of retried errors and of the stream's throttle. */
    Backoff retryBackoff() {
        return new Backoff(retryBaseDelay, retryMaxDelay, jitter);
    }
}
