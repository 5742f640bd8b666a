package dev.ddbstreams.flink;

import dev.ddbstreams.flink.serialization.DynamoDbStreamsDeserializer;
import dev.ddbstreams.streams.DynamoDbStreamsClient;
import java.time.Duration;
import java.util.Objects;

/**
 * Builds a {@link DynamoDbStreamsSource}. Only the stream and the deserializer are required.
 *
 * @param <T> what the source produces
 */
public final class DynamoDbStreamsSourceBuilder<T> {

    private String streamArn;
    private ClientFactory clientFactory;
    private DynamoDbStreamsDeserializer<T> deserializer;
    private InitialPosition initialPosition = InitialPosition.TRIM_HORIZON;
    private GapPolicy gapPolicy = GapPolicy.LOG;
    private Duration shardDiscoveryInterval = Duration.ofSeconds(30);
    private Duration pollInterval = Duration.ofSeconds(1);
    private Duration maxPollInterval = Duration.ofSeconds(5);
    private int maxRecordsPerCall = 1000;
    private Duration retryBackoffBase = Duration.ofMillis(100);
    private Duration retryBackoffMax = Duration.ofSeconds(10);
    private boolean bounded;
    private boolean childrenAfterCheckpoint = true;

    DynamoDbStreamsSourceBuilder() {}

    /** The stream: a table's {@code LatestStreamArn}. Required. */
    public DynamoDbStreamsSourceBuilder<T> streamArn(String streamArn) {
        this.streamArn = Objects.requireNonNull(streamArn, "streamArn");
        return this;
    }

    /**
     * How the enumerator and each reader build their client. Default: a client of the stream's region (from its
     * ARN) with the default credentials chain.
     */
    public DynamoDbStreamsSourceBuilder<T> clientFactory(ClientFactory clientFactory) {
        this.clientFactory = Objects.requireNonNull(clientFactory, "clientFactory");
        return this;
    }

    /** What each record becomes. Required; {@link DynamoDbStreamsDeserializer} has ready ones. */
    public DynamoDbStreamsSourceBuilder<T> deserializer(DynamoDbStreamsDeserializer<T> deserializer) {
        this.deserializer = Objects.requireNonNull(deserializer, "deserializer");
        return this;
    }

    /**
     * Where a job without state begins (default {@link InitialPosition#TRIM_HORIZON}). A job restored from a
     * checkpoint or savepoint resumes where it was.
     */
    public DynamoDbStreamsSourceBuilder<T> initialPosition(InitialPosition initialPosition) {
        this.initialPosition = Objects.requireNonNull(initialPosition, "initialPosition");
        return this;
    }

    /** What a gap (records removed by the service before they were read) does; default {@link GapPolicy#LOG}. */
    public DynamoDbStreamsSourceBuilder<T> gapPolicy(GapPolicy gapPolicy) {
        this.gapPolicy = Objects.requireNonNull(gapPolicy, "gapPolicy");
        return this;
    }

    /**
     * How often the enumerator lists the whole stream (default 30 s). A finished shard's children are looked up at
     * once with the {@code CHILD_SHARDS} filter, so this bounds only how late a listing finds what that misses.
     */
    public DynamoDbStreamsSourceBuilder<T> shardDiscoveryInterval(Duration interval) {
        this.shardDiscoveryInterval = positive(interval, "shardDiscoveryInterval");
        return this;
    }

    /**
     * The pause after a page without records (default 1 s), doubling while the shard stays idle, up to
     * {@code max} (default 5 s). Equal values give a fixed pace.
     */
    public DynamoDbStreamsSourceBuilder<T> pollInterval(Duration interval, Duration max) {
        this.pollInterval = Objects.requireNonNull(interval, "interval");
        this.maxPollInterval = Objects.requireNonNull(max, "max");
        if (interval.isNegative() || max.compareTo(interval) < 0) {
            throw new IllegalArgumentException("pollInterval needs 0 <= interval <= max: " + interval + ", " + max);
        }
        return this;
    }

    /** The {@code Limit} of each {@code GetRecords}, 1 to 1000 (default 1000). */
    public DynamoDbStreamsSourceBuilder<T> maxRecordsPerCall(int limit) {
        if (limit < 1 || limit > 1000) {
            throw new IllegalArgumentException("maxRecordsPerCall must be 1 to 1000: " + limit);
        }
        this.maxRecordsPerCall = limit;
        return this;
    }

    /**
     * The backoff of retried errors and of the stream's shared throttle: the n-th retry in a row waits between
     * half and all of {@code min(max, base × 2^(n-1))} (default 100 ms and 10 s).
     */
    public DynamoDbStreamsSourceBuilder<T> retryBackoff(Duration base, Duration max) {
        this.retryBackoffBase = positive(base, "base");
        this.retryBackoffMax = positive(max, "max");
        return this;
    }

    /**
     * Whether the source ends once the stream is disabled (it takes no more writes) and every shard was read to
     * its end (default false: the source runs until the job is stopped). For reading a disabled stream's last 24
     * hours, and for tests.
     */
    public DynamoDbStreamsSourceBuilder<T> stopAtStreamEnd(boolean stop) {
        this.bounded = stop;
        return this;
    }

    /**
     * Whether a shard's children are assigned only once a checkpoint taken after its end has completed (default
     * true). That keeps parents before children across every failover, regional ones included: until then, a
     * reader restarted from an earlier checkpoint reads the parent's tail again, and the children must not have
     * started elsewhere. It delays each shard split by up to one checkpoint interval. Set false only for a job
     * without checkpointing (where children would otherwise wait forever; the enumerator logs a warning when they
     * wait with no checkpoint taken at all): children then start as soon as the parent's end is reported.
     */
    public DynamoDbStreamsSourceBuilder<T> childrenAfterCheckpoint(boolean wait) {
        this.childrenAfterCheckpoint = wait;
        return this;
    }

    /** The source. */
    public DynamoDbStreamsSource<T> build() {
        if (streamArn == null) {
            throw new IllegalStateException("streamArn is required: a table's LatestStreamArn");
        }
        if (deserializer == null) {
            throw new IllegalStateException("deserializer is required, e.g. DynamoDbStreamsDeserializer.records()");
        }
        ClientFactory factory = clientFactory != null ? clientFactory : regionalClient(streamArn);
        return new DynamoDbStreamsSource<>(new SourceSettings(streamArn, factory, initialPosition, gapPolicy,
                shardDiscoveryInterval, pollInterval, maxPollInterval, maxRecordsPerCall, retryBackoffBase,
                retryBackoffMax, bounded, childrenAfterCheckpoint), deserializer);
    }

    private static ClientFactory regionalClient(String streamArn) {
        String[] parts = streamArn.split(":");
        if (parts.length < 6 || parts[3].isEmpty()) {
            throw new IllegalArgumentException("Not a stream ARN (arn:aws:dynamodb:<region>:<account>:table/<table>"
                    + "/stream/<label>): " + streamArn + "; give a clientFactory to choose the region yourself");
        }
        String region = parts[3];
        return () -> DynamoDbStreamsClient.builder().region(region).build();
    }

    private static Duration positive(Duration value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be positive: " + value);
        }
        return value;
    }
}
