package dev.ddbstreams.streams.reader.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CheckpointTest {

    @Test
    void aCheckpointIsAPositionOrTheShardsEnd() {
        Checkpoint after = Checkpoint.afterSequenceNumber("100000000000000000001");
        assertThat(after.isShardEnd()).isFalse();
        assertThat(after.sequenceNumber()).contains("100000000000000000001");
        assertThat(after).isEqualTo(Checkpoint.afterSequenceNumber("100000000000000000001"))
                .hasSameHashCodeAs(Checkpoint.afterSequenceNumber("100000000000000000001"))
                .isNotEqualTo(Checkpoint.shardEnd());
        assertThat(after).hasToString("Checkpoint(after 100000000000000000001)");

        assertThat(Checkpoint.shardEnd().isShardEnd()).isTrue();
        assertThat(Checkpoint.shardEnd().sequenceNumber()).isEmpty();
        assertThat(Checkpoint.shardEnd()).hasToString("Checkpoint(SHARD_END)");
    }

    @Test
    void aCheckpointAtASequenceNumberSaysTheShardWasBegunThereWithNothingHandled() {
        Checkpoint at = Checkpoint.atSequenceNumber("100000000000000000001");
        assertThat(at.kind()).isEqualTo(Checkpoint.Kind.AT_SEQUENCE_NUMBER);
        assertThat(at.sequenceNumber()).contains("100000000000000000001");
        assertThat(at.lastHandled()).isEmpty();
        assertThat(at.isShardEnd()).isFalse();
        assertThat(at).isNotEqualTo(Checkpoint.afterSequenceNumber("100000000000000000001"))
                .hasToString("Checkpoint(at 100000000000000000001)");
        assertThat(Checkpoint.afterSequenceNumber("100000000000000000001").lastHandled())
                .contains("100000000000000000001");
    }

    @Test
    void aCheckpointerRebuildsEveryKindFromItsKindAndSequenceNumber() {
        for (Checkpoint checkpoint : java.util.List.of(Checkpoint.afterSequenceNumber("7"),
                Checkpoint.atSequenceNumber("7"), Checkpoint.shardEnd())) {
            assertThat(Checkpoint.of(checkpoint.kind(), checkpoint.sequenceNumber().orElse(null)))
                    .isEqualTo(checkpoint);
        }
        assertThatThrownBy(() -> Checkpoint.of(Checkpoint.Kind.SHARD_END, "7"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("do not go together");
        assertThatThrownBy(() -> Checkpoint.of(Checkpoint.Kind.AT_SEQUENCE_NUMBER, null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aSequenceNumberMustBeOneWord() {
        assertThatThrownBy(() -> Checkpoint.afterSequenceNumber("")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Checkpoint.afterSequenceNumber("12 34")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Checkpoint.afterSequenceNumber(null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void theInMemoryCheckpointerKeepsTheLastCheckpointOfEachShard() {
        InMemoryCheckpointer checkpointer = new InMemoryCheckpointer();
        checkpointer.write("arn", "shard-1", Checkpoint.afterSequenceNumber("1"));
        checkpointer.write("arn", "shard-1", Checkpoint.afterSequenceNumber("2"));
        checkpointer.write("other-arn", "shard-1", Checkpoint.shardEnd());
        assertThat(checkpointer.read("arn", "shard-1")).contains(Checkpoint.afterSequenceNumber("2"));
        assertThat(checkpointer.read("other-arn", "shard-1")).contains(Checkpoint.shardEnd());
        assertThat(checkpointer.read("arn", "shard-2")).isEmpty();
    }
}
