package dev.ddbstreams.streams.reader.lineage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ddbstreams.streams.model.Shard;
import java.util.List;
import org.junit.jupiter.api.Test;

class ShardLineageTest {

    private static Shard shard(String id, String parent) {
        return Shard.builder().shardId(id).parentShardId(parent).build();
    }

    private static List<String> ids(List<Shard> shards) {
        return shards.stream().map(Shard::shardId).toList();
    }

    private final ShardLineage lineage = new ShardLineage();

    @Test
    void rootsAndChildrenOfUnlistedParentsStartAtOnceOthersWaitForTheirParent() {
        List<Shard> ready = lineage.add(List.of(shard("a", null), shard("b", "a"), shard("c", "gone"),
                shard("d", "b")), true);
        assertThat(ids(ready)).containsExactly("a", "c");
        assertThat(lineage.states().values()).containsExactly(ShardState.READING, ShardState.WAITING_FOR_PARENT,
                ShardState.READING, ShardState.WAITING_FOR_PARENT);

        assertThat(ids(lineage.done("a", ShardState.FINISHED))).containsExactly("b");
        assertThat(ids(lineage.done("b", ShardState.SKIPPED))).containsExactly("d");
    }

    @Test
    void aShardIsReleasedOnceEvenWhenListedAgain() {
        assertThat(ids(lineage.add(List.of(shard("a", null)), true))).containsExactly("a");
        assertThat(lineage.add(List.of(shard("a", null)), false)).isEmpty();
        assertThat(lineage.isInitial("a")).isTrue();
    }

    @Test
    void childrenFoundAfterTheirParentEndedStartAtOnceAndAreNotInitial() {
        lineage.add(List.of(shard("a", null)), true);
        assertThat(lineage.done("a", ShardState.FINISHED)).isEmpty();
        assertThat(ids(lineage.add(List.of(shard("b", "a"), shard("c", "a")), false))).containsExactly("b", "c");
        assertThat(lineage.isInitial("b")).isFalse();
        assertThat(lineage.parentOf(shard("b", "a"))).isEqualTo(ShardLineage.Parent.FINISHED);
    }

    @Test
    void knowsWhichShardsHaveKnownChildren() {
        lineage.add(List.of(shard("a", null), shard("b", "a"), shard("c", null)), true);
        assertThat(lineage.hasChildren("a")).isTrue();
        assertThat(lineage.hasChildren("b")).isFalse();
        assertThat(lineage.hasChildren("c")).isFalse();
    }

    @Test
    void theChildrenOfAFailedShardWait() {
        lineage.add(List.of(shard("a", null), shard("b", "a")), true);
        assertThat(lineage.done("a", ShardState.FAILED)).isEmpty();
        assertThat(lineage.states().get(shard("b", "a"))).isEqualTo(ShardState.WAITING_FOR_PARENT);
        assertThat(lineage.allDone()).isFalse();
    }

    @Test
    void allDoneOnceEveryShardIsFinishedSkippedOrFailed() {
        lineage.add(List.of(shard("a", null), shard("b", null), shard("c", "a")), true);
        lineage.done("a", ShardState.FINISHED);
        lineage.done("b", ShardState.FAILED);
        assertThat(lineage.allDone()).isFalse();
        lineage.done("c", ShardState.SKIPPED);
        assertThat(lineage.allDone()).isTrue();
    }

    @Test
    void whatIsKnownOfAParent() {
        lineage.add(List.of(shard("a", null), shard("b", "a"), shard("s", null), shard("t", "s")), true);
        assertThat(lineage.parentOf(shard("a", null))).isEqualTo(ShardLineage.Parent.NONE);
        assertThat(lineage.parentOf(shard("x", "unlisted"))).isEqualTo(ShardLineage.Parent.UNKNOWN);
        assertThat(lineage.parentOf(shard("b", "a"))).isEqualTo(ShardLineage.Parent.NOT_DONE);
        lineage.done("s", ShardState.SKIPPED);
        assertThat(lineage.parentOf(shard("t", "s"))).isEqualTo(ShardLineage.Parent.SKIPPED);
    }

    @Test
    void shardsDoneWithAndNoLongerListedAreForgottenFailedOnesAreKept() {
        lineage.add(List.of(shard("done", null), shard("skipped", null), shard("failed", null),
                shard("reading", null), shard("child", "failed")), true);
        lineage.done("done", ShardState.FINISHED);
        lineage.done("skipped", ShardState.SKIPPED);
        lineage.done("failed", ShardState.FAILED);

        assertThat(lineage.forgetUnlisted(List.of(shard("child", "failed")))).containsExactly("done", "skipped");

        assertThat(lineage.states().keySet()).extracting(Shard::shardId).containsExactly("failed", "reading", "child");
        // The failed parent still holds its child back.
        assertThat(lineage.states().get(shard("child", "failed"))).isEqualTo(ShardState.WAITING_FOR_PARENT);
        // A shard forgotten is not found again: the listing no longer has it.
        assertThat(lineage.forgetUnlisted(List.of())).isEmpty();
    }

    @Test
    void aShardNamingItselfAsParentDoesNotWaitForItself() {
        assertThat(ids(lineage.add(List.of(shard("a", "a")), true))).containsExactly("a");
    }
}
