package dev.ddbstreams.streams.reader.lineage;

import dev.ddbstreams.streams.model.Shard;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Decides which checkpoints nothing needs any more, so a reader that runs for months keeps a store of bounded size
 * while DynamoDB rolls shards over every few hours.
 *
 * <p>A shard-end checkpoint is read for two reasons: so the reader does not read the shard again, and so that its
 * children start at their beginning rather than at {@code LATEST}. Both end once every child of the shard has a
 * checkpoint of its own (the children then resume from those). A shard the service no longer lists, and that no
 * listed shard names as its parent, can never be asked about again. Checkpoints in the middle of a shard are never
 * pruned: they are positions to resume from.
 */
public final class CheckpointPruning {

    private CheckpointPruning() {}

    /**
     * The shards whose checkpoints may be removed.
     *
     * @param listed a complete listing of the stream
     * @param shardEnds the shards with a shard-end checkpoint
     * @param checkpointed every shard with a checkpoint of any kind
     */
    public static List<String> prunable(Collection<Shard> listed, Set<String> shardEnds, Set<String> checkpointed) {
        Map<String, List<String>> childrenByParent = new HashMap<>();
        Set<String> listedIds = new HashSet<>();
        for (Shard shard : listed) {
            listedIds.add(shard.shardId());
            if (shard.parentShardId() != null && !shard.parentShardId().equals(shard.shardId())) {
                childrenByParent.computeIfAbsent(shard.parentShardId(), id -> new ArrayList<>()).add(shard.shardId());
            }
        }
        List<String> prunable = new ArrayList<>();
        for (String shardId : shardEnds) {
            List<String> children = childrenByParent.getOrDefault(shardId, List.of());
            boolean childrenResumeOnTheirOwn = !children.isEmpty() && checkpointed.containsAll(children);
            boolean forgotten = children.isEmpty() && !listedIds.contains(shardId);
            if (childrenResumeOnTheirOwn || forgotten) {
                prunable.add(shardId);
            }
        }
        prunable.sort(null);
        return prunable;
    }
}
