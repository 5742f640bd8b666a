package dev.ddbstreams.streams.reader.testing;

import dev.ddbstreams.streams.model.Record;
import dev.ddbstreams.streams.reader.GapListener;
import dev.ddbstreams.streams.reader.RecordHandler;
import dev.ddbstreams.streams.reader.ShardBatch;
import dev.ddbstreams.streams.reader.checkpoint.Checkpoint;
import dev.ddbstreams.streams.reader.checkpoint.Checkpointer;
import dev.ddbstreams.streams.reader.consume.Gap;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * A handler that records what a reader delivers and checks, as each batch arrives, what must hold at that moment:
 * no two batches of a shard at once, sequence numbers rising within a shard (across restarts too), nothing at or
 * before a shard's checkpoint, and, on a shard's first batch, every record of its parent already delivered (or
 * trimmed before it could be). What is broken is collected as violations, since a handler's exception would only
 * stop the shard.
 *
 * <p>A test may also play a crash: from {@link #crashed()} on, what the dead process delivers or reports does not
 * count, and {@link #restartAfterCrash} begins a new run, which may deliver again what the crashed one delivered
 * after its checkpoints (at-least-once), in order within the run. A gap then covers records up to the next one
 * delivered by the run that reported it.
 */
public final class Deliveries implements RecordHandler, GapListener {

    private final FakeStream stream;
    private final boolean checkParents;
    private final Map<String, List<BigInteger>> delivered = new LinkedHashMap<>();
    /** What each run delivered, by shard: a new run begins only after a crash (a clean restart continues one). */
    private final List<Map<String, List<BigInteger>>> runs = new ArrayList<>(List.of(new HashMap<>()));
    private final Map<String, BigInteger> notAfter = new HashMap<>();
    /** The shards finished at the crash: the next run delivers nothing more of them. */
    private final Set<String> finishedAtCrash = new HashSet<>();
    private final Map<String, Integer> gaps = new HashMap<>();
    private final List<Gap> gapReports = new ArrayList<>();
    /** The run that reported each gap in {@link #gapReports}. */
    private final List<Integer> gapRuns = new ArrayList<>();
    private boolean dead;
    private final Set<String> inHand = new HashSet<>();
    private final List<String> violations = new ArrayList<>();
    private int batches;
    private int maxConcurrent;
    private volatile Consumer<ShardBatch> afterEachBatch = batch -> { };

    /**
     * @param checkParents whether a shard's first batch requires its parent delivered; true for readers starting at
     *     TRIM_HORIZON, for which every parent is read
     */
    public Deliveries(FakeStream stream, boolean checkParents) {
        this.stream = stream;
        this.checkParents = checkParents;
    }

    /** Runs after each batch is recorded, on the reader's thread (to stop the reader mid-stream, say). */
    public void afterEachBatch(Consumer<ShardBatch> action) {
        this.afterEachBatch = action;
    }

    /** From now on, nothing at or before these sequence numbers (by shard) may be delivered. */
    public synchronized void expectOnlyAfter(Map<String, String> checkpoints) {
        checkpoints.forEach((shard, sequence) -> notAfter.put(shard, new BigInteger(sequence)));
    }

    /** The process died: from now on, what it delivers or reports has no effect (and is not checked). */
    public synchronized void crashed() {
        dead = true;
    }

    /** Whether {@link #crashed()} was called and no run was begun since. */
    public synchronized boolean isDead() {
        return dead;
    }

    /**
     * A new process starts from {@code checkpoints}, what the checkpointer held at the crash: it may deliver again
     * what the dead one delivered after them, but nothing at or before them, nothing of a finished shard, and within
     * its own run everything in order, a shard's first batch after its parent's records (from the parent's
     * checkpoint on).
     */
    public synchronized void restartAfterCrash(Map<String, Checkpoint> checkpoints) {
        dead = false;
        runs.add(new HashMap<>());
        notAfter.clear();
        finishedAtCrash.clear();
        checkpoints.forEach((shard, checkpoint) -> {
            checkpoint.lastHandled().ifPresent(sequence -> notAfter.put(shard, new BigInteger(sequence)));
            if (checkpoint.isShardEnd()) {
                finishedAtCrash.add(shard);
            }
        });
    }

    @Override
    public void handle(ShardBatch batch) {
        String shardId = batch.shardId();
        synchronized (this) {
            if (dead) {
                return;
            }
            batches++;
            if (!inHand.add(shardId)) {
                violations.add("two batches of " + shardId + " were delivered at the same time");
            }
            maxConcurrent = Math.max(maxConcurrent, inHand.size());
            Map<String, List<BigInteger>> run = runs.get(runs.size() - 1);
            if (!run.containsKey(shardId)) {
                checkParentDelivered(shardId, run);
            }
            if (finishedAtCrash.contains(shardId)) {
                violations.add(shardId + " was delivered again after a crash at its shard-end checkpoint");
            }
            List<BigInteger> sequences = run.computeIfAbsent(shardId, id -> new ArrayList<>());
            List<BigInteger> all = delivered.computeIfAbsent(shardId, id -> new ArrayList<>());
            for (Record record : batch.records()) {
                BigInteger sequence = new BigInteger(record.dynamodb().sequenceNumber());
                if (!sequences.isEmpty() && sequence.compareTo(sequences.get(sequences.size() - 1)) <= 0) {
                    violations.add(shardId + ": " + sequence + " delivered after " + sequences.get(sequences.size() - 1));
                }
                BigInteger checkpoint = notAfter.get(shardId);
                if (checkpoint != null && sequence.compareTo(checkpoint) <= 0) {
                    violations.add(shardId + ": " + sequence + " delivered again after a restart from checkpoint "
                            + checkpoint);
                }
                sequences.add(sequence);
                all.add(sequence);
            }
        }
        try {
            afterEachBatch.accept(batch);
        } finally {
            synchronized (this) {
                inHand.remove(shardId);
            }
        }
    }

    @Override
    public synchronized void onGap(Gap gap) {
        if (dead) {
            return;
        }
        gapRuns.add(runs.size() - 1);
        gaps.merge(gap.shardId(), 1, Integer::sum);
        gapReports.add(gap);
    }

    public synchronized List<String> violations() {
        return List.copyOf(violations);
    }

    /** Sequence numbers delivered for the shard, in delivery order (over all runs). */
    public synchronized List<BigInteger> of(String shardId) {
        return List.copyOf(delivered.getOrDefault(shardId, List.of()));
    }

    public synchronized int batches() {
        return batches;
    }

    public synchronized int gapsIn(String shardId) {
        return gaps.getOrDefault(shardId, 0);
    }

    public synchronized List<Gap> gapReports() {
        return List.copyOf(gapReports);
    }

    public synchronized int maxConcurrentBatches() {
        return maxConcurrent;
    }

    /**
     * What is lost without a report once the stream has been read. Every record written must have been delivered,
     * or lie inside a reported gap of its shard: after the gap's sequence number (or from the shard's start) and
     * before the next record delivered from the shard; or belong to a shard the service removed whole, some ancestor
     * of which has a {@link Gap.Reason#CHILDREN_GONE} gap. After a crash, a gap ends at the next record delivered
     * by the run that reported it. Exempt are only records the reader could not know of:
     * those trimmed before it asked for a {@code TRIM_HORIZON} iterator of a shard it had no position in (see
     * {@link FakeStream#trimmedUnseen}), and those of a shard it never began, which the service removed whole.
     */
    public synchronized List<String> missing() {
        List<String> problems = new ArrayList<>();
        stream.written().forEach((shardId, records) -> {
            List<BigInteger> got = delivered.getOrDefault(shardId, List.of());
            Set<BigInteger> gotSet = new HashSet<>(got);
            int unseen = stream.trimmedUnseen(shardId);
            boolean neverBegunAndGone = stream.isGone(shardId) && !stream.begun(shardId);
            boolean goneWithReportedParent = stream.isGone(shardId) && ancestorLostChildren(shardId);
            for (FakeStream.FakeRecord record : records) {
                if (gotSet.contains(record.sequence()) || record.index() < unseen || neverBegunAndGone
                        || goneWithReportedParent) {
                    continue;
                }
                if (!inReportedGap(shardId, record.sequence())) {
                    problems.add(shardId + ": record " + record.index() + " (" + record.sequenceNumber()
                            + ") was neither delivered nor inside a reported gap");
                }
            }
        });
        return problems;
    }

    private boolean ancestorLostChildren(String shardId) {
        Set<String> seen = new HashSet<>();
        for (String ancestor = stream.parentOf(shardId); ancestor != null && seen.add(ancestor);
                ancestor = stream.parentOf(ancestor)) {
            String parent = ancestor;
            if (gapReports.stream().anyMatch(gap -> gap.reason() == Gap.Reason.CHILDREN_GONE
                    && gap.shardId().equals(parent))) {
                return true;
            }
        }
        return false;
    }

    private boolean inReportedGap(String shardId, BigInteger sequence) {
        for (int i = 0; i < gapReports.size(); i++) {
            Gap gap = gapReports.get(i);
            if (gap.reason() == Gap.Reason.CHILDREN_GONE || !gap.shardId().equals(shardId)) {
                continue;
            }
            List<BigInteger> got = runs.get(gapRuns.get(i)).getOrDefault(shardId, List.of());
            BigInteger after = gap.afterSequenceNumber().map(BigInteger::new).orElse(null);
            if (after != null && after.compareTo(sequence) >= 0) {
                continue;
            }
            boolean deliveredBetween = got.stream().anyMatch(d -> (after == null || d.compareTo(after) > 0)
                    && d.compareTo(sequence) < 0);
            if (!deliveredBetween) {
                return true;
            }
        }
        return false;
    }

    /**
     * The shards the service still lists that the checkpoints do not show as read to their end. A finished shard
     * keeps its shard-end checkpoint for as long as it is listed (only then may the reader prune it).
     */
    public List<String> unfinishedShards(Checkpointer checkpoints) {
        List<String> unfinished = new ArrayList<>();
        for (String shardId : stream.shardIds()) {
            if (stream.isGone(shardId)) {
                continue;
            }
            Optional<Checkpoint> checkpoint = checkpoints.read(FakeStream.ARN, shardId);
            if (!checkpoint.equals(Optional.of(Checkpoint.shardEnd()))) {
                unfinished.add(shardId + " (" + checkpoint + ")");
            }
        }
        return unfinished;
    }

    /**
     * On a shard's first batch of the run: every record of its parent the run had to deliver was delivered (all of
     * them in a first run; after a crash, those after the parent's checkpoint at the crash).
     */
    private void checkParentDelivered(String shardId, Map<String, List<BigInteger>> run) {
        String parent = stream.parentOf(shardId);
        if (!checkParents || parent == null || stream.isGone(parent) || finishedAtCrash.contains(parent)) {
            return;
        }
        Set<BigInteger> got = new HashSet<>(run.getOrDefault(parent, List.of()));
        BigInteger handledBefore = notAfter.get(parent);
        int trimmed = stream.trimmedCount(parent);
        for (FakeStream.FakeRecord record : stream.written().get(parent)) {
            boolean owed = runs.size() == 1 || handledBefore == null || record.sequence().compareTo(handledBefore) > 0;
            if (record.index() >= trimmed && owed && !got.contains(record.sequence())) {
                violations.add(shardId + " was delivered before record " + record.index() + " of its parent "
                        + parent);
                return;
            }
        }
    }
}
