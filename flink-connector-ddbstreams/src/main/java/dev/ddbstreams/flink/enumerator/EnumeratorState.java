package dev.ddbstreams.flink.enumerator;

import dev.ddbstreams.flink.split.ShardSplit;
import dev.ddbstreams.streams.model.Shard;
import java.util.List;
import java.util.Set;

/**
 * What the enumerator's checkpoint holds: the shards it knows (the lineage), which of them are finished, which are
 * assigned to readers (their positions are in the readers' checkpoints), the splits ready and not yet assigned (with
 * their positions), and whether the first listing was made (the initial position applies to it only).
 *
 * @param knownShards the shards of the lineage, in the order they were found
 * @param finishedShardIds the shards read to their end (or skipped by {@code LATEST})
 * @param assignedShardIds the shards being read by some reader
 * @param pendingSplits the splits that may be read and wait for a reader
 * @param initialListingDone whether the first listing was made
 */
public record EnumeratorState(
        List<Shard> knownShards,
        Set<String> finishedShardIds,
        Set<String> assignedShardIds,
        List<ShardSplit> pendingSplits,
        boolean initialListingDone) {

    /** A state; the collections are copied. */
    public EnumeratorState {
        knownShards = List.copyOf(knownShards);
        finishedShardIds = Set.copyOf(finishedShardIds);
        assignedShardIds = Set.copyOf(assignedShardIds);
        pendingSplits = List.copyOf(pendingSplits);
    }

    /** The state of a job that starts without one. */
    public static EnumeratorState initial() {
        return new EnumeratorState(List.of(), Set.of(), Set.of(), List.of(), false);
    }
}
