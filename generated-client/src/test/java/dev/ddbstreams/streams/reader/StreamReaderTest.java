package dev.ddbstreams.streams.reader;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The reader against the simulated service, one behaviour per scenario, on a manual clock. */
class StreamReaderTest {

    private final SimulatedService service = new SimulatedService();
    private final FakeStream stream = service.stream;
    private final List<ReadError> errors = new CopyOnWriteArrayList<>();

    @AfterEach
    void stopService() {
        service.close();
    }

    @Test
    void readsEveryShardParentsBeforeChildrenAndEndsWhenTheDisabledStreamIsRead() throws Exception {
        stream.addShard("shard-a", null, 5, true);
        stream.addShard("shard-b", "shard-a", 4, true);
        stream.addShard("shard-c", "shard-a", 3, true);
        stream.addShard("shard-d", "shard-b", 6, true);
        stream.writeAll();
        Deliveries deliveries = new Deliveries(stream, true);
        InMemoryCheckpointer checkpoints = new InMemoryCheckpointer();

        StreamReader reader = service.reader()
                .handler(deliveries)
                .onGap(deliveries)
                .onError(errors::add)
                .checkpointer(checkpoints)
                .maxRecordsPerBatch(2)
                .build();
        SimulatedService.runToEnd(reader);

        assertThat(deliveries.violations()).isEmpty();
        assertThat(deliveries.missing()).isEmpty();
        assertThat(errors).isEmpty();
        assertThat(reader.state()).isEqualTo(ReaderState.TERMINATED);
        assertThat(reader.failure()).isEmpty();
        for (String shard : List.of("shard-a", "shard-b", "shard-c", "shard-d")) {
            assertThat(checkpoints.read(FakeStream.ARN, shard)).contains(Checkpoint.shardEnd());
            assertThat(reader.metrics().shards().get(shard).state()).isEqualTo(ShardState.FINISHED);
        }
        assertThat(reader.metrics().recordsDelivered()).isEqualTo(18);
    }
}
