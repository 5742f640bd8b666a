package dev.ddbstreams.streams.reader;

import dev.ddbstreams.streams.model.Shard;
import dev.ddbstreams.streams.reader.checkpoint.Checkpoint;
import dev.ddbstreams.streams.reader.checkpoint.InMemoryCheckpointer;
import dev.ddbstreams.streams.reader.consume.ShardPosition;
import dev.ddbstreams.streams.reader.lineage.ShardLineage;
import dev.ddbstreams.streams.reader.lineage.ShardState;
import java.util.List;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;

class StartPlannerTest {

    private static final String ARN = "arn";

    private final ShardLineage lineage = new ShardLineage();
    private final InMemoryCheckpointer checkpoints = new InMemoryCheckpointer();

    private static Shard open(String id, String parent) {
        return Shard.builder().shardId(id).parentShardId(parent)
                .sequenceNumberRange(r -> r.startingSequenceNumber("100")).build();
    }

    private static Shard closed(String id, String parent) {
        return Shard.builder().shardId(id).parentShardId(parent)
                .sequenceNumberRange(r -> r.startingSequenceNumber("100").endingSequenceNumber("200")).build();
    }

    private StartPlanner.Start startOf(StartingPosition position, Shard shard) {
        return new StartPlanner(ARN, position, checkpoints, lineage).startOf(shard);
    }

    /** Read from a checkpoint, or at LATEST: nothing to write first. */
    private static StartPlanner.Start read(ShardPosition position) {
        return new StartPlanner.Start.Read(position, null);
    }

    /** Read from the shard's start: first a checkpoint at its starting sequence number says it was begun. */
    private static StartPlanner.Start begun(ShardPosition position) {
        return new StartPlanner.Start.Read(position, Checkpoint.atSequenceNumber("100"));
    }

    @Test
    void aCheckpointWinsOverEverything() {
        lineage.add(List.of(open("a", null), closed("b", null)), true);
        checkpoints.write(ARN, "a", Checkpoint.afterSequenceNumber("150"));
        checkpoints.write(ARN, "b", Checkpoint.shardEnd());
        for (StartingPosition position : StartingPosition.values()) {
            assertThat(startOf(position, open("a", null))).isEqualTo(read(ShardPosition.after("150")));
            assertThat(startOf(position, closed("b", null))).isEqualTo(new StartPlanner.Start.AlreadyFinished());
        }
    }

    @Test
    void aShardBegunWithNothingHandledResumesWhereItWasBegun() {
        lineage.add(List.of(open("a", null)), true);
        checkpoints.write(ARN, "a", Checkpoint.atSequenceNumber("120"));
        for (StartingPosition position : StartingPosition.values()) {
            assertThat(startOf(position, open("a", null))).isEqualTo(read(ShardPosition.at("120")));
        }
    }

    @Test
    void trimHorizonReadsFirstShardsFromTheOldestRecordAndChildrenFromTheirOwnStart() {
        lineage.add(List.of(closed("a", null), open("b", "a")), true);
        assertThat(startOf(StartingPosition.TRIM_HORIZON, closed("a", null))).isEqualTo(begun(ShardPosition.trimHorizon()));
        assertThat(startOf(StartingPosition.TRIM_HORIZON, open("b", "a"))).isEqualTo(begun(ShardPosition.at("100")));
    }

    @Test
    void aShardWhoseChildrenHaveCheckpointsWasFinishedAndItsOwnCheckpointPruned() {
        lineage.add(List.of(closed("a", null), open("b", "a"), open("c", "a")), true);
        checkpoints.write(ARN, "c", Checkpoint.afterSequenceNumber("150"));
        for (StartingPosition position : StartingPosition.values()) {
            assertThat(startOf(position, closed("a", null))).isEqualTo(new StartPlanner.Start.AlreadyFinished());
        }
    }

    @Test
    void latestSkipsClosedShardsAndStartsOpenOnesAtTheirTip() {
        lineage.add(List.of(closed("a", null), open("b", "a")), true);
        assertThat(startOf(StartingPosition.LATEST, closed("a", null))).isEqualTo(new StartPlanner.Start.Skip());
        lineage.done("a", ShardState.SKIPPED);
        assertThat(startOf(StartingPosition.LATEST, open("b", "a"))).isEqualTo(read(ShardPosition.latest()));
    }

    @Test
    void latestReadsAChildFromItsBeginningWhenItsParentWasRead() {
        lineage.add(List.of(open("a", null), closed("b", "a")), true);
        lineage.done("a", ShardState.FINISHED);
        // The reader owes the child all of its records: it begins at the child's own start, so a trim is a gap.
        assertThat(startOf(StartingPosition.LATEST, closed("b", "a"))).isEqualTo(begun(ShardPosition.at("100")));
    }

    @Test
    void latestReadsAChildFromItsBeginningWhenAnEarlierRunCheckpointedItsUnlistedParent() {
        lineage.add(List.of(open("b", "gone"), open("c", "gone-unread")), true);
        checkpoints.write(ARN, "gone", Checkpoint.shardEnd());
        assertThat(startOf(StartingPosition.LATEST, open("b", "gone"))).isEqualTo(begun(ShardPosition.at("100")));
        assertThat(startOf(StartingPosition.LATEST, open("c", "gone-unread"))).isEqualTo(read(ShardPosition.latest()));
    }

    @Test
    void shardsFoundAfterTheFirstListingAreReadFromTheirBeginning() {
        lineage.add(List.of(open("a", null)), true);
        lineage.add(List.of(open("new-root", null)), false);
        assertThat(startOf(StartingPosition.LATEST, open("new-root", null))).isEqualTo(begun(ShardPosition.at("100")));
    }
}
