package dev.ddbstreams.flink.split;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ddbstreams.flink.enumerator.EnumeratorState;
import dev.ddbstreams.flink.enumerator.EnumeratorStateSerializer;
import dev.ddbstreams.streams.model.Shard;
import dev.ddbstreams.streams.reader.consume.ShardPosition;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Splits and enumerator states survive their serializers, in every shape they can take. */
class SerializersRoundTripTest {

    private final Random random = new Random(17);

    @Test
    void everySplitShapeRoundTrips() throws IOException {
        for (int i = 0; i < 500; i++) {
            ShardSplit split = randomSplit();
            byte[] bytes = ShardSplitSerializer.INSTANCE.serialize(split);
            assertThat(ShardSplitSerializer.INSTANCE.deserialize(ShardSplitSerializer.INSTANCE.getVersion(), bytes))
                    .isEqualTo(split);
        }
    }

    @Test
    void everyEnumeratorStateRoundTrips() throws IOException {
        for (int i = 0; i < 200; i++) {
            List<Shard> shards = new ArrayList<>();
            Set<String> finished = new LinkedHashSet<>();
            Set<String> assigned = new LinkedHashSet<>();
            List<ShardSplit> pending = new ArrayList<>();
            for (int s = random.nextInt(6); s > 0; s--) {
                ShardSplit split = randomSplit();
                shards.add(split.shard());
                switch (random.nextInt(3)) {
                    case 0 -> finished.add(split.shardId());
                    case 1 -> assigned.add(split.shardId());
                    default -> pending.add(split);
                }
            }
            EnumeratorState state = new EnumeratorState(shards, finished, assigned, pending, random.nextBoolean());
            byte[] bytes = EnumeratorStateSerializer.INSTANCE.serialize(state);
            assertThat(EnumeratorStateSerializer.INSTANCE.deserialize(1, bytes)).isEqualTo(state);
        }
    }

    @Test
    void unknownVersionsAndDamagedBytesAreRefusedWithAReason() throws IOException {
        byte[] bytes = ShardSplitSerializer.INSTANCE.serialize(randomSplit());
        assertThatThrownBy(() -> ShardSplitSerializer.INSTANCE.deserialize(2, bytes))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("Unknown version 2");
        byte[] longer = java.util.Arrays.copyOf(bytes, bytes.length + 3);
        assertThatThrownBy(() -> ShardSplitSerializer.INSTANCE.deserialize(1, longer))
                .hasMessageContaining("3 unexpected bytes");
        byte[] state = EnumeratorStateSerializer.INSTANCE.serialize(EnumeratorState.initial());
        assertThatThrownBy(() -> EnumeratorStateSerializer.INSTANCE.deserialize(9, state))
                .hasMessageContaining("Unknown version 9");
    }

    /** Version 1's bytes are a format savepoints keep: a split written by it reads back the same forever. */
    @Test
    void versionOneBytesStayReadable() throws IOException {
        ShardSplit split = new ShardSplit("shardId-0001", "shardId-0000", "100", null,
                ShardPosition.after("105"), 1_714_564_800_000L, false);
        byte[] bytes = ShardSplitSerializer.INSTANCE.serialize(split);
        assertThat(java.util.HexFormat.of().formatHex(bytes)).isEqualTo(
                "000c736861726449642d30303031" // shard id: length 12, "shardId-0001"
                        + "01000c736861726449642d30303030" // parent present, "shardId-0000"
                        + "0100033130300" + "0" // starting sequence number "100"; no ending one
                        + "001541465445525f53455155454e43455f4e554d424552" // "AFTER_SEQUENCE_NUMBER"
                        + "01000331303501" // its sequence number "105"; a skip-before time follows
                        + "0000018f34069e00" // 1714564800000 ms
                        + "00"); // not finished
        assertThat(ShardSplitSerializer.INSTANCE.deserialize(1, bytes)).isEqualTo(split);
    }

    private ShardSplit randomSplit() {
        String id = "shardId-" + random.nextInt(1000);
        String parent = random.nextBoolean() ? "shardId-p" + random.nextInt(1000) : null;
        String start = random.nextBoolean() ? Long.toString(random.nextLong() & Long.MAX_VALUE) : null;
        String end = random.nextBoolean() ? start + "9" : null;
        ShardPosition position = switch (random.nextInt(4)) {
            case 0 -> ShardPosition.trimHorizon();
            case 1 -> ShardPosition.latest();
            case 2 -> ShardPosition.at("4000000000" + random.nextInt(1_000_000));
            default -> ShardPosition.after("4000000000" + random.nextInt(1_000_000));
        };
        Long skipBefore = random.nextBoolean() ? random.nextLong() : null;
        return new ShardSplit(id, parent, start, end, position, skipBefore, random.nextBoolean());
    }
}
