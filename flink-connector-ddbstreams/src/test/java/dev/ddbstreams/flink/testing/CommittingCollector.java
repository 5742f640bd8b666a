package dev.ddbstreams.flink.testing;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.flink.api.common.state.CheckpointListener;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.runtime.state.FunctionInitializationContext;
import org.apache.flink.runtime.state.FunctionSnapshotContext;
import org.apache.flink.streaming.api.checkpoint.CheckpointedFunction;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;

/**
 * An exactly-once collecting sink, as a two-phase commit: what a subtask receives goes into a transaction that is
 * sealed (and kept in operator state) at each checkpoint and committed to {@link #committed()} only when that
 * checkpoint completes, or when a restore from it finds it in the state (the checkpoint completed). Commits are
 * idempotent, by transaction and position. What was received after the last completed checkpoint of a failed task
 * is never committed: the source emits it again. So {@link #committed()} is exactly what an exactly-once sink would
 * have written, in commit order.
 *
 * <p>Each value is committed with the moment (a global tick) it reached the sink, which is when the source emitted
 * it (the sink is chained to the source): the order of emission across shards and subtasks.
 *
 * <p>In one JVM only (a MiniCluster): the committed output is static. {@link #reset()} before each job.
 */
public final class CommittingCollector extends ProcessFunction<String, String>
        implements CheckpointedFunction, CheckpointListener {

    private static final long serialVersionUID = 1L;

    /**
     * A value as it was committed.
     *
     * @param value what the sink received
     * @param tick when it reached the sink, in emission order over the whole job
     */
    public record Committed(String value, long tick) {}

    private static final AtomicLong TICKS = new AtomicLong();
    private static final List<Committed> COMMITTED = Collections.synchronizedList(new ArrayList<>());
    private static final Set<String> COMMITTED_KEYS = ConcurrentHashMap.newKeySet();
    private static final AtomicLong COMPLETED_CHECKPOINTS = new AtomicLong();

    private transient List<String> open;
    private transient TreeMap<Long, List<String>> sealed;
    private transient ListState<String> state;

    /** Forgets what earlier jobs committed. */
    public static void reset() {
        synchronized (COMMITTED) {
            COMMITTED.clear();
            COMMITTED_KEYS.clear();
        }
        COMPLETED_CHECKPOINTS.set(0);
    }

    /** What was committed, in commit order. */
    public static List<Committed> committed() {
        synchronized (COMMITTED) {
            return List.copyOf(COMMITTED);
        }
    }

    /** How many checkpoint completions the subtasks were told of. */
    public static long completedCheckpoints() {
        return COMPLETED_CHECKPOINTS.get();
    }

    @Override
    public void processElement(String value, Context context, Collector<String> out) {
        // A transaction line: tick, then the value.
        open.add(TICKS.incrementAndGet() + "\t" + value);
    }

    @Override
    public void snapshotState(FunctionSnapshotContext context) throws Exception {
        String transaction = UUID.randomUUID().toString();
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < open.size(); i++) {
            lines.add(transaction + "\t" + i + "\t" + open.get(i));
        }
        sealed.put(context.getCheckpointId(), lines);
        open = new ArrayList<>();
        List<String> all = new ArrayList<>();
        sealed.values().forEach(all::addAll);
        state.update(all);
    }

    @Override
    public void initializeState(FunctionInitializationContext context) throws Exception {
        open = new ArrayList<>();
        sealed = new TreeMap<>();
        state = context.getOperatorStateStore().getListState(new ListStateDescriptor<>("transactions", Types.STRING));
        if (context.isRestored()) {
            // Restored from a checkpoint: it completed, so every transaction it holds is committed.
            List<String> restored = new ArrayList<>();
            state.get().forEach(restored::add);
            commit(restored);
            state.clear();
        }
    }

    @Override
    public void notifyCheckpointComplete(long checkpointId) {
        Map<Long, List<String>> done = sealed.headMap(checkpointId, true);
        done.values().forEach(CommittingCollector::commit);
        done.clear();
        COMPLETED_CHECKPOINTS.incrementAndGet();
    }

    private static void commit(List<String> lines) {
        synchronized (COMMITTED) {
            for (String line : lines) {
                String[] parts = line.split("\t", 4);
                if (COMMITTED_KEYS.add(parts[0] + "\t" + parts[1])) {
                    COMMITTED.add(new Committed(parts[3], Long.parseLong(parts[2])));
                }
            }
        }
    }
}
