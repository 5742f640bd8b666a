package dev.ddbstreams.flink;

import java.io.Serializable;
import java.time.Duration;
import java.util.Objects;

/**
 * What the source was built with, as the enumerator and the readers receive it; made by
 * {@link DynamoDbStreamsSourceBuilder}, which documents each value and its default.
 *
 * @param streamArn the stream
 * @param clientFactory builds each part's client
 * @param initialPosition where a job without state begins
 * @param gapPolicy what a gap does
 * @param shardDiscoveryInterval how often the enumerator lists the whole stream
 * @param pollInterval the pause after an empty page of a shard
 * @param maxPollInterval the longest pause, reached while a shard stays idle
 * @param maxRecordsPerCall the {@code Limit} of each {@code GetRecords}
 * @param retryBackoffBase the first pause after a retried error or throttling
 * @param retryBackoffMax the longest such pause
 * @param bounded whether the source ends once a disabled stream is read whole
 * @param childrenAfterCheckpoint whether a shard's children wait for a completed checkpoint after its end
 */
public record SourceSettings(
        String streamArn,
        ClientFactory clientFactory,
        InitialPosition initialPosition,
        GapPolicy gapPolicy,
        Duration shardDiscoveryInterval,
        Duration pollInterval,
        Duration maxPollInterval,
        int maxRecordsPerCall,
        Duration retryBackoffBase,
        Duration retryBackoffMax,
        boolean bounded,
        boolean childrenAfterCheckpoint) implements Serializable {

    /** Settings; every value is required. */
    public SourceSettings {
        Objects.requireNonNull(streamArn, "streamArn");
        Objects.requireNonNull(clientFactory, "clientFactory");
        Objects.requireNonNull(initialPosition, "initialPosition");
        Objects.requireNonNull(gapPolicy, "gapPolicy");
        Objects.requireNonNull(shardDiscoveryInterval, "shardDiscoveryInterval");
        Objects.requireNonNull(pollInterval, "pollInterval");
        Objects.requireNonNull(maxPollInterval, "maxPollInterval");
        Objects.requireNonNull(retryBackoffBase, "retryBackoffBase");
        Objects.requireNonNull(retryBackoffMax, "retryBackoffMax");
    }
}
