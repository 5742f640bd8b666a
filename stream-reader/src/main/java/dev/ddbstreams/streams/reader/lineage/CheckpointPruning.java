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
 * children start at their beginning rather than at the configured position. The first lasts as long as the service
 * lists the shard (a day after it closed): a finished shard the service still lists keeps its checkpoint, since the
 * descendants whose checkpoints would show it was read may by then be pruned and unlisted themselves. The second ends
 * once every child of the shard has a checkpoint of its own (the children then resume from those), or once no listed
 * shard is its child (the service trimmed them all; the reader has reported their loss as a gap when due). So a store
 * holds about one checkpoint per shard the service lists. Checkpoints in the middle of a shard are never pruned:
 * they are positions to resume from.
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
            if (listedIds.contains(shardId)) {
                continue;
            }
            List<String> children = childrenByParent.getOrDefault(shardId, List.of());
            if (checkpointed.containsAll(children)) {
                prunable.add(shardId);
            }
        }
        prunable.sort(null);
        return prunable;
    }
}
