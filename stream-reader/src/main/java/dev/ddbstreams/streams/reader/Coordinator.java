package dev.ddbstreams.streams.reader;

import dev.ddbstreams.streams.model.Shard;
import dev.ddbstreams.streams.model.StreamStatus;
import dev.ddbstreams.streams.reader.checkpoint.Checkpoint;
import dev.ddbstreams.streams.reader.consume.Backoff;
import dev.ddbstreams.streams.reader.consume.Faults;
import dev.ddbstreams.streams.reader.consume.Gap;
import dev.ddbstreams.streams.reader.consume.InFlightBudget;
import dev.ddbstreams.streams.reader.consume.Polling;
import dev.ddbstreams.streams.reader.consume.ShardReaderContext;
import dev.ddbstreams.streams.reader.consume.StreamThrottle;
import dev.ddbstreams.streams.reader.lineage.CheckpointPruning;
import dev.ddbstreams.streams.reader.lineage.ShardDiscovery;
import dev.ddbstreams.streams.reader.lineage.ShardLineage;
import dev.ddbstreams.streams.reader.lineage.ShardState;
import dev.ddbstreams.streams.reader.schedule.TaskScheduler;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the reader's view of the stream current and runs a {@link ShardPipeline} for each shard the lineage
 * releases: lists the stream at start and then periodically, looks up a shard's children as soon as it ends,
 * reports checkpoints of shards the service no longer lists as gaps, prunes checkpoints nothing needs, and ends the
 * reader when the stream is disabled and nothing is left to read, or it cannot be listed at all.
 */
final class Coordinator implements ShardEvents {

    private static final Logger LOG = LoggerFactory.getLogger(StreamReader.class);

    private final ReaderSettings settings;
    private final ShardLineage lineage;
    private final ShardDiscovery discovery;
    private final StartPlanner planner;
    private final Backoff backoff;
    private final MetricsRecorder metrics;
    private final TaskScheduler fetcher;
    private final TaskScheduler handlers;
    private final InFlightBudget budget;
    private final ShardReaderContext context;
    private final Map<String, ShardPipeline> pipelines = new ConcurrentHashMap<>();
    private final Map<String, Throwable> failures = new ConcurrentHashMap<>();
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private final AtomicBoolean stopping = new AtomicBoolean();
    private final AtomicBoolean warnedCannotList = new AtomicBoolean();
    private final AtomicBoolean listingAfterDoneScheduled = new AtomicBoolean();
    /** One listing at a time: each acts on what the one before it left (gaps reported once, checkpoints pruned). */
    private final Object listingLock = new Object();
    /** Shards whose lost children were reported, so a checkpointer that cannot remove is not asked again. */
    private final Set<String> lostChildrenReported = ConcurrentHashMap.newKeySet();
    private volatile boolean streamDisabled;
    private volatile boolean listedOnce;
    private int listingRetries;

    Coordinator(ReaderSettings settings, ShardLineage lineage, MetricsRecorder metrics, TaskScheduler fetcher,
            TaskScheduler handlers) {
        this.settings = settings;
        this.lineage = lineage;
        this.metrics = metrics;
        this.fetcher = fetcher;
        this.handlers = handlers;
        this.discovery = new ShardDiscovery(settings.client(), settings.streamArn());
        this.planner = new StartPlanner(settings.streamArn(), settings.startingPosition(), settings.checkpointer(),
                lineage);
        this.backoff = settings.retryBackoff();
        this.budget = new InFlightBudget(settings.maxRecordsInFlight(), settings.maxBytesInFlight());
        this.context = new ShardReaderContext(settings.client(), settings.streamArn(), settings.maxRecordsPerBatch(),
                settings.clock(), backoff, new StreamThrottle(backoff),
                new Polling(settings.pollInterval(), settings.maxPollInterval()));
    }

    /** Schedules the first listing of the stream. */
    void start() {
        fetcher.schedule(this::listStream, now());
    }

    /** The error that stopped the whole reader, or {@code null}. */
    Throwable failure() {
        return failure.get();
    }

    boolean isStopping() {
        return stopping.get();
    }

    /**
     * Stops the reader cleanly: nothing more is listed or read, each shard's batch in hand finishes, started
     * processors are told, and then the handler threads end.
     */
    void stop() {
        if (!stopping.compareAndSet(false, true)) {
            return;
        }
        fetcher.stop();
        List<ShardPipeline> active = new ArrayList<>(pipelines.values());
        AtomicInteger remaining = new AtomicInteger(active.size() + 1);
        Runnable oneDone = () -> {
            if (remaining.decrementAndGet() == 0) {
                handlers.stop();
            }
        };
        active.forEach(pipeline -> pipeline.requestShutdown(oneDone));
        oneDone.run();
    }

    /** Reads a failed shard again, from its last checkpoint; false when the shard is not known or has not failed. */
    boolean restartShard(String shardId) {
        Shard shard = lineage.restart(shardId);
        if (shard == null) {
            return false;
        }
        failures.remove(shardId);
        LOG.info("Shard {} of {} starts again from its last checkpoint", shardId, settings.streamArn());
        startPipelines(List.of(shard));
        return true;
    }

    @Override
    public void failReader(Throwable cause) {
        if (failure.compareAndSet(null, cause)) {
            metrics.failure();
            LOG.error("The reader of {} stopped: {}", settings.streamArn(), cause.toString(), cause);
            report(new ReadError(settings.streamArn(), null, now(), cause));
            stop();
        }
    }

    @Override
    public void shardDone(Shard shard, ShardState state) {
        pipelines.remove(shard.shardId());
        startPipelines(lineage.done(shard.shardId(), state));
        // A split lists its children together, so known children mean the listing already had them (as after a
        // restart, for every shard finished before it).
        if (state == ShardState.FINISHED && !lineage.hasChildren(shard.shardId())) {
            findChildren(shard);
        }
        endIfDone(false);
    }

    @Override
    public void shardFailed(Shard shard, Throwable cause) {
        pipelines.remove(shard.shardId());
        failures.put(shard.shardId(), cause);
        lineage.done(shard.shardId(), ShardState.FAILED);
        endIfDone(false);
    }

    @Override
    public boolean isGone(Shard shard) {
        try {
            return discovery.listAll().shards().stream().noneMatch(s -> s.shardId().equals(shard.shardId()));
        } catch (RuntimeException e) {
            if (!Faults.isRetryable(e)) {
                failReader(e);
            }
            return false;
        }
    }

    /** One listing of the whole stream: a step of the coordinator's own task. */
    private Instant listStream() {
        synchronized (listingLock) {
            if (!listAndAct()) {
                // Failed: the retries in a row are this listing's, not those of one run in between.
                return failure.get() != null ? null : now().plus(backoff.delay(listingRetries));
            }
        }
        return stopping.get() ? null : now().plus(settings.shardDiscoveryInterval());
    }

    /**
     * Lists the stream and acts on it, unless the reader is stopping; false when the listing failed. Two shards
     * that end together may each ask for this listing, the second while the first runs: once the first has found
     * the stream read to its end, the second has nothing left to decide and would only cost a whole listing.
     */
    private boolean listOnce() {
        synchronized (listingLock) {
            return stopping.get() || listAndAct();
        }
    }

    /** Lists the stream and acts on it; false when the listing failed. Called with the listing lock held. */
    private boolean listAndAct() {
        ShardDiscovery.Listing listing;
        try {
            listing = discovery.listAll();
        } catch (RuntimeException e) {
            if (!Faults.isRetryable(e)) {
                failReader(e);
                return false;
            }
            metrics.retried(null);
            listingRetries++;
            return false;
        }
        listingRetries = 0;
        boolean initial = !listedOnce;
        listedOnce = true;
        if (initial) {
            Map<String, Checkpoint> held = heldCheckpoints();
            planner.resumedFromCheckpoints(held != null && !held.isEmpty());
        }
        if (!reportUnlistedCheckpoints(listing.shards()) || !reportLostChildren(listing)) {
            return true;
        }
        startPipelines(lineage.add(listing.shards(), initial));
        prune(listing.shards());
        metrics.forget(lineage.forgetUnlisted(listing.shards()));
        streamDisabled = listing.streamDisabled();
        endIfDone(true);
        return true;
    }

    /**
     * Checkpoints in the middle of shards the service no longer lists (it trimmed them while the reader was
     * stopped): whatever came after them is lost, and is reported as a gap before the children are read. The
     * checkpoint then becomes shard-end, so the gap is reported once. False when a gap listener refused a gap, which
     * stops the reader: its children cannot be read without going on past it.
     */
    private boolean reportUnlistedCheckpoints(List<Shard> listed) {
        Map<String, Checkpoint> held = heldCheckpoints();
        if (held == null) {
            return true;
        }
        Set<String> listedIds = new HashSet<>();
        listed.forEach(shard -> listedIds.add(shard.shardId()));
        for (Map.Entry<String, Checkpoint> entry : held.entrySet()) {
            String shardId = entry.getKey();
            Checkpoint checkpoint = entry.getValue();
            if (checkpoint.isShardEnd() || listedIds.contains(shardId) || lineage.stateOf(shardId).isPresent()) {
                continue;
            }
            // After its last handled record; from its start when it was begun and nothing of it handled.
            Gap gap = new Gap(settings.streamArn(), shardId, checkpoint.lastHandled().orElse(null), now(),
                    Gap.Reason.SHARD_GONE, null);
            metrics.gap(null);
            LOG.warn("Records were lost before they could be read (the shard is no longer listed): {}", gap);
            try {
                settings.gapListener().onGap(gap);
                settings.checkpointer().write(settings.streamArn(), shardId, Checkpoint.shardEnd());
            } catch (Exception e) {
                failReader(e);
                return false;
            }
        }
        return true;
    }

    /**
     * Shards read to their end (a shard-end checkpoint) that the service no longer lists, and of which no listed
     * shard is a child, while the stream is enabled. A shard closes only when it splits, or when its stream is
     * disabled, and stays listed until its own records are trimmed, a day later: so its children were created, and
     * have since been trimmed away whole, before the reader began them (it was stopped, or could not reach the
     * service, for more than a day). Their ids are gone with them: the gap names the parent. Not reported when the
     * reader knows a child of the shard (that one reports its own gap), or when the stream is disabled, which may
     * have closed the shard without children. The checkpoint is then removed, so the gap is reported once. False
     * when a gap listener refused the gap, which stops the reader.
     */
    private boolean reportLostChildren(ShardDiscovery.Listing listing) {
        if (listing.status() == StreamStatus.DISABLED || listing.status() == StreamStatus.DISABLING) {
            return true;
        }
        Map<String, Checkpoint> held = heldCheckpoints();
        if (held == null) {
            return true;
        }
        Set<String> listedOrParents = new HashSet<>();
        listing.shards().forEach(shard -> {
            listedOrParents.add(shard.shardId());
            if (shard.parentShardId() != null) {
                listedOrParents.add(shard.parentShardId());
            }
        });
        for (Map.Entry<String, Checkpoint> entry : held.entrySet()) {
            String shardId = entry.getKey();
            if (!entry.getValue().isShardEnd() || listedOrParents.contains(shardId)
                    || lineage.hasChildren(shardId) || !lostChildrenReported.add(shardId)) {
                continue;
            }
            Gap gap = new Gap(settings.streamArn(), shardId, null, now(), Gap.Reason.CHILDREN_GONE, null);
            metrics.gap(null);
            LOG.warn("Records were lost before they could be read (the children of a finished shard were trimmed"
                    + " away before the reader began them): {}", gap);
            try {
                settings.gapListener().onGap(gap);
            } catch (Exception e) {
                lostChildrenReported.remove(shardId);
                failReader(e);
                return false;
            }
            removeCheckpoint(shardId);
        }
        return true;
    }

    private void removeCheckpoint(String shardId) {
        try {
            settings.checkpointer().remove(settings.streamArn(), List.of(shardId));
        } catch (UnsupportedOperationException e) {
            // Said once in heldCheckpoints(); the gap is not reported again while this reader runs.
        } catch (RuntimeException e) {
            LOG.warn("Could not remove the checkpoint of {} of {}; a later reader reports its gap again: {}",
                    shardId, settings.streamArn(), e.toString());
        }
    }

    private void prune(List<Shard> listed) {
        Map<String, Checkpoint> held = heldCheckpoints();
        if (held == null) {
            return;
        }
        Set<String> shardEnds = new HashSet<>();
        held.forEach((shardId, checkpoint) -> {
            // A shard the reader is still busy with keeps its checkpoint until it is done with it.
            if (checkpoint.isShardEnd() && lineage.stateOf(shardId).map(ShardState::isTerminal).orElse(true)) {
                shardEnds.add(shardId);
            }
        });
        List<String> prunable = CheckpointPruning.prunable(listed, shardEnds, held.keySet());
        if (prunable.isEmpty()) {
            return;
        }
        try {
            settings.checkpointer().remove(settings.streamArn(), prunable);
            LOG.debug("Pruned the checkpoints of {} finished shards of {} that are no longer listed: {}",
                    prunable.size(), settings.streamArn(), prunable);
        } catch (UnsupportedOperationException e) {
            // Said once in heldCheckpoints(); a checkpointer that lists but cannot remove just grows.
        } catch (RuntimeException e) {
            LOG.warn("Could not prune the checkpoints of {}; tried again at the next listing: {}",
                    settings.streamArn(), e.toString());
        }
    }

    /** The checkpoints held for the stream; null when the checkpointer cannot list them. */
    private Map<String, Checkpoint> heldCheckpoints() {
        try {
            return new LinkedHashMap<>(settings.checkpointer().list(settings.streamArn()));
        } catch (UnsupportedOperationException e) {
            if (warnedCannotList.compareAndSet(false, true)) {
                LOG.warn("{} cannot list its checkpoints: records lost with a shard trimmed away while the reader was"
                        + " stopped cannot be reported, and finished shards' checkpoints are not pruned",
                        settings.checkpointer());
            }
            return null;
        }
    }

    private void findChildren(Shard parent) {
        try {
            startPipelines(lineage.add(discovery.childrenOf(parent.shardId()), false));
        } catch (RuntimeException e) {
            // The periodic listing finds the children all the same, only later.
            metrics.retried(null);
            LOG.debug("Looking up the children of {} failed; the next listing of the stream will find them: {}",
                    parent.shardId(), e.toString());
        }
    }

    /**
     * Ends the reader once the stream is disabled and no shard can make progress. When that happens between two
     * listings, lists the stream again at once: shards may have been created since, the stream may have been
     * disabled since, and finished shards may no longer be listed; that listing decides.
     *
     * @param atListing whether a listing of the stream has just been acted on
     */
    private void endIfDone(boolean atListing) {
        if (stopping.get() || !lineage.nothingLeftToRead()) {
            return;
        }
        if (!atListing) {
            if (listedOnce && listingAfterDoneScheduled.compareAndSet(false, true)) {
                fetcher.schedule(() -> {
                    listingAfterDoneScheduled.set(false);
                    listOnce();
                    return null;
                }, now());
            }
            return;
        }
        if (!streamDisabled) {
            return;
        }
        List<String> failed = lineage.failed();
        if (failed.isEmpty()) {
            LOG.info("The disabled stream {} is read to its end", settings.streamArn());
            stop();
            return;
        }
        List<Throwable> causes = new ArrayList<>();
        failed.forEach(shardId -> {
            Throwable cause = failures.get(shardId);
            if (cause != null) {
                causes.add(cause);
            }
        });
        failReader(new ReadIncompleteException(settings.streamArn(), failed, causes));
    }

    private void startPipelines(List<Shard> shards) {
        for (Shard shard : shards) {
            if (stopping.get()) {
                return;
            }
            LOG.debug("Shard {} of {} found (parent {})", shard.shardId(), settings.streamArn(),
                    shard.parentShardId());
            ShardPipeline pipeline = new ShardPipeline(settings, shard, planner, context, metrics, this, fetcher,
                    handlers, budget);
            pipelines.put(shard.shardId(), pipeline);
            pipeline.start();
        }
    }

    @Override
    public void report(ReadError error) {
        try {
            settings.errorListener().onError(error);
        } catch (RuntimeException e) {
            LOG.warn("The error listener failed on {}", error, e);
        }
    }

    private Instant now() {
        return settings.clock().instant();
    }
}
