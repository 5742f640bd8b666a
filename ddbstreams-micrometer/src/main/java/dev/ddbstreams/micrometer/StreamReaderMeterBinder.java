package dev.ddbstreams.micrometer;

import dev.ddbstreams.streams.reader.ReaderMetrics;
import dev.ddbstreams.streams.reader.ShardMetrics;
import dev.ddbstreams.streams.reader.StreamReader;
import dev.ddbstreams.streams.reader.lineage.ShardState;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.TimeGauge;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.ToDoubleFunction;

/**
 * Binds a {@link StreamReader}'s metrics to a Micrometer {@link MeterRegistry}: what the reader delivered, how far
 * behind it is, and what went wrong, for the whole reader and for each shard it is reading.
 *
 * <table>
 *   <caption>Meters (names with the default prefix; every one tagged {@code stream} with the stream's ARN)</caption>
 *   <tr><th>Meter</th><th>Kind</th><th>More tags</th><th>What</th></tr>
 *   <tr><td>{@code ddbstreams.reader.records}</td><td>function counter</td><td></td>
 *       <td>records handed to the handler</td></tr>
 *   <tr><td>{@code ddbstreams.reader.batches}</td><td>function counter</td><td></td>
 *       <td>batches handed to the handler</td></tr>
 *   <tr><td>{@code ddbstreams.reader.errors}</td><td>function counter</td><td>kind: {@code retried}, {@code failed}</td>
 *       <td>errors the reader retried (throttling, server errors, network failures), and those that stopped a shard
 *       or the reader</td></tr>
 *   <tr><td>{@code ddbstreams.reader.gaps}</td><td>function counter</td><td></td>
 *       <td>gaps reported: records the service removed before the reader got to them</td></tr>
 *   <tr><td>{@code ddbstreams.reader.iterators.expired}</td><td>function counter</td><td></td>
 *       <td>shard iterators that expired and were replaced</td></tr>
 *   <tr><td>{@code ddbstreams.reader.iterator.age}</td><td>time gauge</td><td></td>
 *       <td>the largest lag of the shards being read (the stream's iterator age)</td></tr>
 *   <tr><td>{@code ddbstreams.reader.shards}</td><td>gauge</td><td>state: each {@link ShardState}</td>
 *       <td>shards the reader knows, by where it is with them</td></tr>
 *   <tr><td>{@code ddbstreams.reader.shard.lag}</td><td>time gauge</td><td>shard</td>
 *       <td>how far behind the shard's last read was (the newest delivered record's age at delivery; zero once
 *       caught up)</td></tr>
 *   <tr><td>{@code ddbstreams.reader.shard.records}</td><td>function counter</td><td>shard</td>
 *       <td>records of the shard handed to the handler</td></tr>
 *   <tr><td>{@code ddbstreams.reader.shard.errors}</td><td>function counter</td><td>shard, kind: {@code retried}</td>
 *       <td>errors retried on the shard</td></tr>
 *   <tr><td>{@code ddbstreams.reader.shard.gaps}</td><td>function counter</td><td>shard</td>
 *       <td>gaps reported for the shard</td></tr>
 *   <tr><td>{@code ddbstreams.reader.shard.iterators.expired}</td><td>function counter</td><td>shard</td>
 *       <td>iterators of the shard that expired</td></tr>
 * </table>
 *
 * <p>The shard meters exist while the reader reads the shard (or the shard failed): they are added for a shard the
 * reader begins and removed once it is done with it, so that shard ids, which DynamoDB rolls over every few hours, do
 * not pile up in the registry. Shards are looked at every {@linkplain #refreshEvery refresh interval} (30 seconds
 * unless set) on a daemon thread, or when {@link #refresh()} is called; {@link #close()} stops that and removes every
 * meter the binder added. The values are read from {@link StreamReader#metrics()} when the registry asks, from one
 * snapshot per second at most.
 *
 * <pre>{@code
 * StreamReaderMeterBinder meters = StreamReaderMeterBinder.of(reader);
 * meters.bindTo(registry);
 * reader.start();
 * // ... and when the reader is closed:
 * meters.close();
 * }</pre>
 */
public final class StreamReaderMeterBinder implements MeterBinder, AutoCloseable {

    /** Tag: the stream's ARN (a reader reads one stream, so one value per reader). */
    public static final String STREAM = "stream";
    /** Tag: the shard id, on the shard meters. */
    public static final String SHARD = "shard";
    /** Tag: {@code retried} or {@code failed}, on the error counters. */
    public static final String KIND = "kind";
    /** Tag: a {@link ShardState}, on the shard count. */
    public static final String STATE = "state";

    private static final Duration DEFAULT_REFRESH = Duration.ofSeconds(30);
    private static final long SNAPSHOT_MAX_AGE_NANOS = TimeUnit.SECONDS.toNanos(1);

    private final StreamReader reader;
    private final MeterNames names;
    private final Tags streamTags;
    private Duration refreshInterval = DEFAULT_REFRESH;

    // Guarded by this.
    private MeterRegistry registry;
    private final List<Meter> readerMeters = new ArrayList<>();
    private final Map<String, List<Meter>> shardMeters = new HashMap<>();
    private ScheduledExecutorService refresher;
    private boolean closed;

    /** Its own lock: meters read the snapshot while the registry may hold its locks, never this binder's. */
    private final Object snapshotLock = new Object();
    private ReaderMetrics snapshot;
    private long snapshotAt;

    private StreamReaderMeterBinder(StreamReader reader, MeterNames names) {
        this.reader = Objects.requireNonNull(reader, "reader");
        this.names = names;
        this.streamTags = names.tags(STREAM, reader.streamArn());
    }

    /** A binder of the reader's metrics under the default names. */
    public static StreamReaderMeterBinder of(StreamReader reader) {
        return new StreamReaderMeterBinder(reader, MeterNames.defaults());
    }

    /** A binder of the reader's metrics under {@code prefix}, every meter tagged with {@code commonTags}. */
    public static StreamReaderMeterBinder of(StreamReader reader, String prefix, Iterable<Tag> commonTags) {
        return new StreamReaderMeterBinder(reader, MeterNames.of(prefix, commonTags));
    }

    /**
     * How often the shards being read are looked at to add and remove their meters; 30 seconds unless set. Zero: never
     * on its own, only when {@link #refresh()} is called. Set it before {@link #bindTo}.
     */
    public synchronized StreamReaderMeterBinder refreshEvery(Duration interval) {
        Objects.requireNonNull(interval, "interval");
        if (interval.isNegative()) {
            throw new IllegalArgumentException("a refresh interval must not be negative: " + interval);
        }
        if (registry != null) {
            throw new IllegalStateException("set the refresh interval before binding");
        }
        this.refreshInterval = interval;
        return this;
    }

    /**
     * Registers the reader's meters, and those of the shards it reads now; from then on, looks at its shards every
     * refresh interval.
     *
     * @throws IllegalStateException when already bound (a binder serves one registry; use a composite registry for
     *     more) or closed
     */
    @Override
    public synchronized void bindTo(MeterRegistry registry) {
        Objects.requireNonNull(registry, "registry");
        if (closed) {
            throw new IllegalStateException("this binder is closed");
        }
        if (this.registry != null) {
            throw new IllegalStateException("this binder is bound to a registry already");
        }
        this.registry = registry;
        readerMeters.add(counter("reader.records", "Records handed to the handler", streamTags,
                ReaderMetrics::recordsDelivered));
        readerMeters.add(counter("reader.batches", "Batches handed to the handler", streamTags,
                ReaderMetrics::batchesDelivered));
        readerMeters.add(counter("reader.errors", "Errors retried, and errors that stopped a shard or the reader",
                streamTags.and(KIND, "retried"), ReaderMetrics::retriedErrors));
        readerMeters.add(counter("reader.errors", "Errors retried, and errors that stopped a shard or the reader",
                streamTags.and(KIND, "failed"), ReaderMetrics::failures));
        readerMeters.add(counter("reader.gaps", "Gaps: records removed by the service before they were read",
                streamTags, ReaderMetrics::gaps));
        readerMeters.add(counter("reader.iterators.expired", "Shard iterators that expired and were replaced",
                streamTags, ReaderMetrics::expiredIterators));
        readerMeters.add(TimeGauge.builder(names.name("reader.iterator.age"), this,
                        TimeUnit.MILLISECONDS, binder -> binder.snapshot().maxLag().toMillis())
                .description("The largest lag of the shards being read")
                .tags(streamTags)
                .register(registry));
        for (ShardState state : ShardState.values()) {
            readerMeters.add(Gauge.builder(names.name("reader.shards"), this, binder -> binder.snapshot().shards()
                            .values().stream().filter(shard -> shard.state() == state).count())
                    .description("Shards the reader knows, by where it is with them")
                    .tags(streamTags.and(STATE, state.name()))
                    .register(registry));
        }
        refresh();
        if (!refreshInterval.isZero()) {
            refresher = Executors.newSingleThreadScheduledExecutor(runnable -> {
                Thread thread = new Thread(runnable, "ddbstreams-reader-meters");
                thread.setDaemon(true);
                return thread;
            });
            long millis = refreshInterval.toMillis();
            refresher.scheduleWithFixedDelay(this::refreshQuietly, millis, millis, TimeUnit.MILLISECONDS);
        }
    }

    /**
     * Adds the meters of the shards the reader has begun since the last look, and removes those of the shards it is
     * done with (read to their end, skipped, or no longer known). Does nothing before {@link #bindTo} or after
     * {@link #close()}.
     */
    public synchronized void refresh() {
        if (registry == null || closed) {
            return;
        }
        Map<String, ShardMetrics> shards = snapshot(true).shards();
        shardMeters.entrySet().removeIf(entry -> {
            ShardMetrics shard = shards.get(entry.getKey());
            boolean done = shard == null || !watched(shard.state());
            if (done) {
                entry.getValue().forEach(registry::remove);
            }
            return done;
        });
        shards.values().stream()
                .filter(shard -> watched(shard.state()) && !shardMeters.containsKey(shard.shardId()))
                .forEach(shard -> shardMeters.put(shard.shardId(), register(shard.shardId())));
    }

    /** Stops looking at the shards, and removes every meter this binder registered. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (refresher != null) {
            refresher.shutdownNow();
        }
        if (registry != null) {
            readerMeters.forEach(registry::remove);
            shardMeters.values().forEach(meters -> meters.forEach(registry::remove));
        }
        readerMeters.clear();
        shardMeters.clear();
    }

    @Override
    public String toString() {
        return "StreamReaderMeterBinder(" + reader + ", " + names + ")";
    }

    /** The shards with meters: those being read, and failed ones (which wait for a restart). */
    private static boolean watched(ShardState state) {
        return state == ShardState.READING || state == ShardState.FAILED;
    }

    private List<Meter> register(String shardId) {
        Tags tags = streamTags.and(SHARD, shardId);
        List<Meter> meters = new ArrayList<>();
        meters.add(TimeGauge.builder(names.name("reader.shard.lag"), this, TimeUnit.MILLISECONDS,
                        binder -> binder.shard(shardId, shard -> shard.lag() == null ? Double.NaN
                                : (double) shard.lag().toMillis()))
                .description("How far behind the shard's last read was; zero once caught up")
                .tags(tags)
                .register(registry));
        meters.add(shardCounter("reader.shard.records", "Records of the shard handed to the handler", tags, shardId,
                ShardMetrics::recordsDelivered));
        meters.add(shardCounter("reader.shard.errors", "Errors retried on the shard", tags.and(KIND, "retried"),
                shardId, ShardMetrics::retriedErrors));
        meters.add(shardCounter("reader.shard.gaps", "Gaps reported for the shard", tags, shardId,
                ShardMetrics::gaps));
        meters.add(shardCounter("reader.shard.iterators.expired", "Iterators of the shard that expired", tags,
                shardId, ShardMetrics::expiredIterators));
        return meters;
    }

    private FunctionCounter counter(String suffix, String description, Tags tags,
            ToDoubleFunction<ReaderMetrics> value) {
        return FunctionCounter.builder(names.name(suffix), this, binder -> value.applyAsDouble(binder.snapshot()))
                .description(description)
                .tags(tags)
                .register(registry);
    }

    private FunctionCounter shardCounter(String suffix, String description, Tags tags, String shardId,
            ToDoubleFunction<ShardMetrics> value) {
        return FunctionCounter.builder(names.name(suffix), this, binder -> binder.shard(shardId, value))
                .description(description)
                .tags(tags)
                .register(registry);
    }

    /** A value of the shard, or NaN (no sample) when the reader no longer knows it. */
    private double shard(String shardId, ToDoubleFunction<ShardMetrics> value) {
        ShardMetrics shard = snapshot().shards().get(shardId);
        return shard == null ? Double.NaN : value.applyAsDouble(shard);
    }

    /** The reader's metrics, taken at most once a second however many meters ask. */
    private ReaderMetrics snapshot() {
        return snapshot(false);
    }

    private ReaderMetrics snapshot(boolean fresh) {
        synchronized (snapshotLock) {
            long now = System.nanoTime();
            if (fresh || snapshot == null || now - snapshotAt > SNAPSHOT_MAX_AGE_NANOS) {
                snapshot = reader.metrics();
                snapshotAt = now;
            }
            return snapshot;
        }
    }

    private void refreshQuietly() {
        try {
            refresh();
        } catch (RuntimeException e) {
            // A registry that refuses a meter must not end the refreshing; the next look tries again.
        }
    }
}
