package dev.ddbstreams.streams.reader.lineage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ddbstreams.streams.model.Shard;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CheckpointPruningTest {

    private static Shard shard(String id, String parent) {
        return Shard.builder().shardId(id).parentShardId(parent).build();
    }

    @Test
    void aFinishedShardTheServiceStillListsKeepsItsCheckpointWhateverItsChildrenHave() {
        // Pruned now, it would look unread to a reader started once its children are pruned and unlisted in turn.
        List<Shard> listed = List.of(shard("a", null), shard("b", "a"), shard("c", "a"));
        assertThat(CheckpointPruning.prunable(listed, Set.of("a"), Set.of("a", "b", "c"))).isEmpty();
    }

    @Test
    void anUnlistedShardsCheckpointGoesOnceEachListedChildHasItsOwn() {
        List<Shard> listed = List.of(shard("b", "a"), shard("c", "a"));
        assertThat(CheckpointPruning.prunable(listed, Set.of("a"), Set.of("a", "b"))).isEmpty();
        assertThat(CheckpointPruning.prunable(listed, Set.of("a"), Set.of("a", "b", "c"))).containsExactly("a");
    }

    @Test
    void anUnlistedShardWithoutListedChildrenIsForgottenAndMidShardCheckpointsNever() {
        List<Shard> listed = List.of(shard("z", null));
        assertThat(CheckpointPruning.prunable(listed, Set.of("a", "b"), Set.of("a", "b", "m"))).containsExactly("a", "b");
    }
}
