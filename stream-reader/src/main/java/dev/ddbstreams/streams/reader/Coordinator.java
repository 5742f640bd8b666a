package dev.ddbstreams.streams.reader;

import dev.ddbstreams.streams.model.Shard;
import dev.ddbstreams.streams.reader.consume.Backoff;
import dev.ddbstreams.streams.reader.consume.Faults;
import dev.ddbstreams.streams.reader.lineage.ShardDiscovery;
import dev.ddbstreams.streams.reader.lineage.ShardLineage;
import dev.ddbstreams.streams.reader.lineage.ShardState;
import dev.ddbstreams.streams.reader.schedule.TaskScheduler;
import java.lang.System.Logger.Level;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Keeps the reader's view of the stream current and starts shards as the lineage releases them: lists the stream
 * at start and then periodically, looks up a shard's children as soon as it ends, and ends the reader when the
 * stream is disabled and read to its end, or cannot be listed at all.
 */
final class Coordinator implements ShardEvents {

    private static final System.Logger LOG = System.getLogger(Coordinator.class.getName());

    private final ReaderSettings settings;
    private final ShardLineage lineage;
    private final ShardDiscovery discovery;
    private final StartPlanner planner;
    private final Backoff backoff;
    private final MetricsRecorder metrics;
    private final TaskScheduler scheduler;
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private boolean listedOnce;
    private int listingRetries;

    Coordinator(ReaderSettings settings, ShardLineage lineage, MetricsRecorder metrics, TaskScheduler scheduler) {
        this.settings = settings;
        this.lineage = lineage;
        this.metrics = metrics;
        this.scheduler = scheduler;
        this.discovery = new ShardDiscovery(settings.client(), settings.streamArn());
        this.planner = new StartPlanner(settings.streamArn(), settings.startingPosition(), settings.checkpointer(),
                lineage);
        this.backoff = new Backoff(settings.retryBaseDelay(), settings.retryMaxDelay());
    }

    /** Schedules the first listing of the stream. */
    void start() {
        scheduler.schedule(this::listStream, now());
    }

    /** The error that stopped the whole reader, or {@code null}. */
    Throwable failure() {
        return failure.get();
    }

    /** Stops the whole reader because of {@code cause}: reported, then no further step runs. */
    void failReader(Throwable cause) {
        if (failure.compareAndSet(null, cause)) {
            metrics.failure();
            scheduler.stop();
            report(new ReadError(settings.streamArn(), null, now(), cause));
        }
    }

    @Override
    public void shardDone(Shard shard, ShardState state) {
        start(lineage.done(shard.shardId(), state));
        // A split lists its children together, so known children mean the listing already had them (as after a
        // restart, for every shard finished before it).
        if (state == ShardState.FINISHED && !lineage.hasChildren(shard.shardId())) {
            findChildren(shard);
        }
    }

    @Override
    public void shardFailed(Shard shard, Throwable cause) {
        lineage.done(shard.shardId(), ShardState.FAILED);
        metrics.failure();
        report(new ReadError(settings.streamArn(), shard.shardId(), now(), cause));
    }

    /** One listing of the whole stream: a step of the coordinator's own task. */
    private Instant listStream() {
        ShardDiscovery.Listing listing;
        try {
            listing = discovery.listAll();
        } catch (RuntimeException e) {
            if (!Faults.isRetryable(e)) {
                failReader(e);
                return null;
            }
            metrics.retried(null);
            listingRetries++;
            return now().plus(backoff.delay(listingRetries));
        }
        listingRetries = 0;
        boolean initial = !listedOnce;
        listedOnce = true;
        start(lineage.add(listing.shards(), initial));
        metrics.forget(lineage.forgetUnlisted(listing.shards()));
        if (listing.streamDisabled() && lineage.allDone()) {
            // A disabled stream gets no new shards or records: everything there was to read has been read.
            scheduler.stop();
            return null;
        }
        return now().plus(settings.shardDiscoveryInterval());
    }

    private void findChildren(Shard parent) {
        try {
            start(lineage.add(discovery.childrenOf(parent.shardId()), false));
        } catch (RuntimeException e) {
            // The periodic listing finds the children all the same, only later.
            metrics.retried(null);
            LOG.log(Level.DEBUG, () -> "Looking up the children of " + parent.shardId() + " failed; the next"
                    + " listing of the stream will find them: " + e);
        }
    }

    private void start(List<Shard> shards) {
        for (Shard shard : shards) {
            scheduler.schedule(new ShardConsumer(settings, shard, planner, backoff, metrics, this), now());
        }
    }

    private void report(ReadError error) {
        try {
            settings.errorListener().onError(error);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "The error listener failed on " + error, e);
        }
    }

    private Instant now() {
        return settings.clock().instant();
    }
}
