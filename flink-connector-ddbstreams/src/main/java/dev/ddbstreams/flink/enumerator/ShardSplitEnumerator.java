package dev.ddbstreams.flink.enumerator;

import dev.ddbstreams.flink.SourceSettings;
import dev.ddbstreams.flink.event.FinishedSplitsAcknowledged;
import dev.ddbstreams.flink.event.SplitsFinishedEvent;
import dev.ddbstreams.flink.split.ShardSplit;
import dev.ddbstreams.streams.DynamoDbStreamsClient;
import dev.ddbstreams.streams.model.Shard;
import dev.ddbstreams.streams.reader.consume.Faults;
import dev.ddbstreams.streams.reader.lineage.ShardDiscovery;
import dev.ddbstreams.streams.reader.lineage.ShardLineage;
import dev.ddbstreams.streams.reader.lineage.ShardState;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.flink.api.connector.source.SourceEvent;
import org.apache.flink.api.connector.source.SplitEnumerator;
import org.apache.flink.api.connector.source.SplitEnumeratorContext;
import org.apache.flink.util.FlinkRuntimeException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds the stream's shards and hands them to the readers as splits, parents before children.
 *
 * <p>It lists the stream with {@code DescribeStream} (every page) at start and every
 * {@link SourceSettings#shardDiscoveryInterval()}, keeps the shards in a {@link ShardLineage}, and assigns a shard
 * only once its parent is finished: a reader reports a split finished ({@link SplitsFinishedEvent}) after every record
 * of it was emitted, and the enumerator then looks up the children at once with the {@code CHILD_SHARDS} filter
 * instead of waiting for the next listing. Each split goes to the registered reader that holds the fewest splits.
 * Splits a failed reader held since the last checkpoint come back ({@link #addSplitsBack}) and are assigned again.
 *
 * <p><b>Children wait for a checkpoint.</b> A reported end becomes final only when a checkpoint taken after the
 * report completes ({@link SourceSettings#childrenAfterCheckpoint()}); only then are the children released. Until
 * then, if the reader fails, it restarts from a checkpoint that still holds the parent unfinished and emits the
 * parent's tail again (its earlier copy was never committed by an exactly-once sink), so the end reverts to
 * "being read" and the children keep waiting: no child record is ever emitted before its parent's last one, across
 * regional failovers too. A restore of the whole job from a checkpoint takes every end reported before it as
 * final, since the checkpoint completed.
 *
 * <p>With a bounded source, once the stream is disabled (it takes no more writes) and every shard is finished, the
 * readers are told that no more splits will come, and the job ends.
 *
 * <p>All its methods run on the coordinator's thread; the service is called on the context's worker threads.
 */
public final class ShardSplitEnumerator implements SplitEnumerator<ShardSplit, EnumeratorState> {

    private static final Logger LOG = LoggerFactory.getLogger(ShardSplitEnumerator.class);

    private final SplitEnumeratorContext<ShardSplit> context;
    private final SourceSettings settings;
    private final ShardDiscovery discovery;
    private final DynamoDbStreamsClient client;
    private final StartPositions startPositions;
    private final ShardLineage lineage = new ShardLineage();
    private final Set<String> finished = new LinkedHashSet<>();
    /** Shard id to the reader (subtask) holding it. */
    private final Map<String, Integer> assigned = new LinkedHashMap<>();
    private final Map<String, ShardSplit> pending = new LinkedHashMap<>();
    /** Ends reported and not yet final: shard id to the reader that reported it. */
    private final Map<String, Integer> finishing = new LinkedHashMap<>();
    /** For each end in {@link #finishing}, the first checkpoint taken after the report. */
    private final Map<String, Long> finishingCheckpoint = new HashMap<>();
    private boolean anyCheckpoint;
    private boolean warnedNoCheckpoint;
    private boolean initialListingDone;
    private boolean streamDisabled;
    private boolean noMoreSplits;

    /**
     * An enumerator resuming from {@code state} ({@link EnumeratorState#initial()} for a job without one).
     *
     * @param discovery lists the stream on {@code client}
     * @param client closed with the enumerator
     */
    public ShardSplitEnumerator(SplitEnumeratorContext<ShardSplit> context, SourceSettings settings,
            ShardDiscovery discovery, DynamoDbStreamsClient client, EnumeratorState state) {
        this.context = context;
        this.settings = settings;
        this.discovery = discovery;
        this.client = client;
        this.startPositions = new StartPositions(settings.initialPosition());
        restore(state);
    }

    private void restore(EnumeratorState state) {
        List<Shard> ready = new ArrayList<>(lineage.add(state.knownShards(), false));
        for (Shard shard : state.knownShards()) {
            if (state.finishedShardIds().contains(shard.shardId())) {
                ready.addAll(lineage.done(shard.shardId(), ShardState.FINISHED));
                finished.add(shard.shardId());
            }
        }
        // Who held an assigned shard is not needed: a restored reader has it in its own state, and splits assigned
        // after the checkpoint come back through addSplitsBack. -1 counts it for no reader when balancing.
        state.assignedShardIds().forEach(id -> assigned.put(id, -1));
        state.pendingSplits().forEach(split -> pending.put(split.shardId(), split));
        initialListingDone = state.initialListingDone();
        // Ends reported before the checkpoint are final (it completed): their children, if not yet released, are.
        ready.removeIf(shard -> lineage.stateOf(shard.shardId()).orElseThrow() != ShardState.READING);
        release(ready);
    }

    @Override
    public void start() {
        long interval = settings.shardDiscoveryInterval().toMillis();
        context.callAsync(discovery::listAll, this::onListing, 0, interval);
    }

    private void onListing(ShardDiscovery.Listing listing, Throwable error) {
        if (error != null) {
            onServiceError("listing the stream", error);
            return;
        }
        boolean initial = !initialListingDone;
        List<Shard> ready = new ArrayList<>(lineage.add(listing.shards(), initial));
        if (initial) {
            for (Shard shard : listing.shards()) {
                if (startPositions.skipsAtFirstListing(shard)) {
                    ready.remove(shard);
                    ready.addAll(lineage.done(shard.shardId(), ShardState.SKIPPED));
                    finished.add(shard.shardId());
                }
            }
            ready.removeIf(shard -> lineage.stateOf(shard.shardId()).orElseThrow() != ShardState.READING);
            initialListingDone = true;
        }
        release(ready);
        // Finished shards the service no longer lists were trimmed away: nothing can refer to them again.
        finished.removeAll(lineage.forgetUnlisted(listing.shards()));
        streamDisabled = listing.streamDisabled();
        assignPending();
        signalEndIfDone();
    }

    @Override
    public void handleSourceEvent(int subtaskId, SourceEvent event) {
        if (!(event instanceof SplitsFinishedEvent finishedEvent)) {
            LOG.warn("Ignoring an unexpected event from reader {}: {}", subtaskId, event);
            return;
        }
        List<String> alreadyFinal = new ArrayList<>();
        for (String shardId : finishedEvent.shardIds()) {
            // Reported again after a restore: taken once.
            if (finished.contains(shardId) || lineage.stateOf(shardId).isEmpty()) {
                alreadyFinal.add(shardId);
            } else if (!finishing.containsKey(shardId)) {
                assigned.remove(shardId);
                pending.remove(shardId);
                finishing.put(shardId, subtaskId);
            }
        }
        if (!alreadyFinal.isEmpty()) {
            context.sendEventToSourceReader(subtaskId, new FinishedSplitsAcknowledged(alreadyFinal));
        }
        if (!settings.childrenAfterCheckpoint()) {
            finalizeEnds(Long.MAX_VALUE);
        } else if (!anyCheckpoint && !warnedNoCheckpoint && !finishing.isEmpty()) {
            warnedNoCheckpoint = true;
            LOG.warn("The children of shard(s) {} wait for the next completed checkpoint (so that a restarted reader "
                    + "never emits a parent's records after its children's). No checkpoint was taken yet: if the job "
                    + "runs without checkpointing, build the source with childrenAfterCheckpoint(false).",
                    finishing.keySet());
        }
    }

    @Override
    public void notifyCheckpointComplete(long checkpointId) {
        finalizeEnds(checkpointId);
    }

    /** Makes final the ends reported before checkpoint {@code upTo} was taken, and releases their children. */
    private void finalizeEnds(long upTo) {
        List<Shard> ready = new ArrayList<>();
        Map<Integer, List<String>> acknowledgements = new TreeMap<>();
        for (String shardId : List.copyOf(finishing.keySet())) {
            Long takenAt = finishingCheckpoint.get(shardId);
            boolean isFinal = upTo == Long.MAX_VALUE || (takenAt != null && takenAt <= upTo);
            if (!isFinal) {
                continue;
            }
            acknowledgements.computeIfAbsent(finishing.remove(shardId), reader -> new ArrayList<>()).add(shardId);
            finishingCheckpoint.remove(shardId);
            finished.add(shardId);
            ready.addAll(lineage.done(shardId, ShardState.FINISHED));
            if (lineage.childrenOf(shardId).isEmpty()) {
                context.callAsync(() -> discovery.childrenOf(shardId), this::onChildren);
            }
        }
        // The readers may forget these ends now: every checkpoint from here on holds them as final.
        acknowledgements.forEach((reader, ids) ->
                context.sendEventToSourceReader(reader, new FinishedSplitsAcknowledged(ids)));
        if (acknowledgements.isEmpty()) {
            return;
        }
        release(ready);
        assignPending();
        if (lineage.allDone() && settings.bounded() && !streamDisabled) {
            // Everything known is read: a listing tells whether the stream is disabled, so the job can end.
            context.callAsync(discovery::listAll, this::onListing);
        }
        signalEndIfDone();
    }

    private void onChildren(List<Shard> children, Throwable error) {
        if (error != null) {
            // The next listing finds them all the same.
            LOG.debug("Looking up children failed; the next listing finds them", error);
            return;
        }
        release(lineage.add(children, false));
        assignPending();
    }

    private void release(List<Shard> ready) {
        for (Shard shard : ready) {
            if (!assigned.containsKey(shard.shardId()) && !pending.containsKey(shard.shardId())) {
                pending.put(shard.shardId(), startPositions.splitOf(shard, lineage));
            }
        }
    }

    /** Each pending split to the registered reader holding the fewest splits (the lowest subtask on a tie). */
    private void assignPending() {
        Set<Integer> readers = new TreeSet<>(context.registeredReaders().keySet());
        if (readers.isEmpty() || pending.isEmpty()) {
            return;
        }
        Map<Integer, Integer> load = new HashMap<>();
        readers.forEach(reader -> load.put(reader, 0));
        assigned.values().forEach(reader -> load.computeIfPresent(reader, (r, n) -> n + 1));
        for (ShardSplit split : List.copyOf(pending.values())) {
            int reader = readers.stream()
                    .min(Comparator.comparingInt((Integer r) -> load.get(r)).thenComparingInt(r -> r))
                    .orElseThrow();
            context.assignSplit(split, reader);
            pending.remove(split.shardId());
            assigned.put(split.shardId(), reader);
            load.merge(reader, 1, Integer::sum);
        }
    }

    private void signalEndIfDone() {
        if (noMoreSplits || !settings.bounded() || !streamDisabled || !lineage.allDone()) {
            return;
        }
        LOG.info("Stream {} is disabled and every shard was read: no more splits", settings.streamArn());
        noMoreSplits = true;
        context.registeredReaders().keySet().forEach(context::signalNoMoreSplits);
    }

    private void onServiceError(String what, Throwable error) {
        if (Faults.isRetryable(error)) {
            LOG.warn("{} failed; trying again at the next listing", what, error);
            return;
        }
        throw new FlinkRuntimeException("DynamoDB Streams source: " + what + " of " + settings.streamArn()
                + " failed with an error that retrying cannot fix", error);
    }

    @Override
    public void handleSplitRequest(int subtaskId, String requesterHostname) {
        // Splits are pushed as shards become ready; readers do not ask.
    }

    @Override
    public void addSplitsBack(List<ShardSplit> splits, int subtaskId) {
        revertEndsOf(subtaskId);
        for (ShardSplit split : splits) {
            assigned.remove(split.shardId());
            if (!finished.contains(split.shardId())) {
                pending.put(split.shardId(), split);
            }
        }
        assignPending();
    }

    /**
     * The reader failed (Flink calls {@link #addSplitsBack} on every reset of a reader, before the new attempt
     * runs): it restarts from its last completed checkpoint, which holds every split whose end it reported since as
     * still being read (or as finished, and then it reports the end again), so those ends are not final after all.
     * Not on {@link #addReader}: a restarted reader reports its restored finished splits before it registers.
     */
    private void revertEndsOf(int subtaskId) {
        for (Map.Entry<String, Integer> end : List.copyOf(finishing.entrySet())) {
            if (end.getValue() == subtaskId) {
                finishing.remove(end.getKey());
                finishingCheckpoint.remove(end.getKey());
                assigned.put(end.getKey(), subtaskId);
            }
        }
    }

    @Override
    public void addReader(int subtaskId) {
        assignPending();
        if (noMoreSplits) {
            context.signalNoMoreSplits(subtaskId);
        }
    }

    @Override
    public EnumeratorState snapshotState(long checkpointId) {
        anyCheckpoint = true;
        finishing.keySet().forEach(id -> finishingCheckpoint.putIfAbsent(id, checkpointId));
        // Restored, this checkpoint has completed: every end reported before it is final then.
        Set<String> ended = new LinkedHashSet<>(finished);
        ended.addAll(finishing.keySet());
        return new EnumeratorState(List.copyOf(lineage.states().keySet()), ended, assigned.keySet(),
                List.copyOf(pending.values()), initialListingDone);
    }

    @Override
    public void close() {
        client.close();
    }
}
