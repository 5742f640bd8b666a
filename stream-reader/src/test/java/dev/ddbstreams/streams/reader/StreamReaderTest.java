package dev.ddbstreams.streams.reader;

import dev.ddbstreams.streams.reader.checkpoint.Checkpoint;
import dev.ddbstreams.streams.reader.checkpoint.InMemoryCheckpointer;
import dev.ddbstreams.streams.reader.lineage.ShardState;
import dev.ddbstreams.streams.reader.testing.Deliveries;
import dev.ddbstreams.streams.reader.testing.FakeStream;
import dev.ddbstreams.streams.reader.testing.FakeStreamsService;
import dev.ddbstreams.streams.reader.testing.SimulatedService;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;

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
        service.runToEnd(reader);

        assertThat(deliveries.violations()).isEmpty();
        assertThat(deliveries.missing()).isEmpty();
        assertThat(errors).isEmpty();
        assertThat(reader.state()).isEqualTo(ReaderState.TERMINATED);
        assertThat(reader.failure()).isEmpty();
        assertThat(deliveries.unfinishedShards(checkpoints)).isEmpty();
        for (String shard : List.of("shard-a", "shard-b", "shard-c", "shard-d")) {
            assertThat(reader.metrics().shards().get(shard).state()).isEqualTo(ShardState.FINISHED);
        }
        // The service still lists every shard: each keeps its shard-end checkpoint, so none looks unread later.
        assertThat(checkpoints.list(FakeStream.ARN)).containsOnlyKeys("shard-a", "shard-b", "shard-c", "shard-d");
        assertThat(reader.metrics().recordsDelivered()).isEqualTo(18);
    }

    @Test
    void lagIsTheAgeOfTheNewestRecordAtDeliveryAndZeroOnceCaughtUp() throws Exception {
        stream.addShard("shard-old", null, 4, true);
        stream.addShard("shard-live", null, 4, false);
        stream.writeAll();
        // The records were written an hour before the reader starts.
        service.clock.advance(Duration.ofHours(1));
        Deliveries deliveries = new Deliveries(stream, true);
        StreamReader reader = service.reader().handler(deliveries).build();

        service.runUntil(reader, () -> {
            ReaderMetrics m = reader.metrics();
            return m.shards().size() == 2
                    && m.shards().get("shard-old").state() == ShardState.FINISHED
                    && m.shards().get("shard-live").recordsDelivered() == 4
                    && Duration.ZERO.equals(m.shards().get("shard-live").lag());
        });

        ReaderMetrics metrics = reader.metrics();
        // The closed shard's last page was its last read: its lag stays what it was at delivery.
        assertThat(metrics.shards().get("shard-old").lag()).isBetween(Duration.ofHours(1), Duration.ofHours(2));
        // The open shard was read again after its records, found nothing new, and so has caught up.
        assertThat(metrics.shards().get("shard-live").lagIfKnown()).contains(Duration.ZERO);
        assertThat(metrics.recordsDelivered()).isEqualTo(8);
        assertThat(metrics.shards().get("shard-live").lastSequenceNumber())
                .isEqualTo(stream.written().get("shard-live").get(3).sequenceNumber());
    }

    @Test
    void oneThreadServesManyOpenShardsWithoutStarvingAny() throws Exception {
        for (int i = 0; i < 5; i++) {
            stream.addShard("shard-" + i, null, 1_000, false);
        }
        // Every request brings new records to the open shards, as a busy table would.
        service.serve(new Random(3), FakeStreamsService.Faults.NONE, random -> stream.writeSome(random));
        Deliveries deliveries = new Deliveries(stream, true);
        // On the reader's threads: one to handle, one to read.
        StreamReader reader = service.threadedReader().handler(deliveries).maxConcurrentShards(1).build();

        service.runUntil(reader, () -> {
            ReaderMetrics m = reader.metrics();
            return m.shards().size() == 5
                    && m.shards().values().stream().allMatch(shard -> shard.recordsDelivered() >= 10);
        });

        assertThat(deliveries.maxConcurrentBatches()).isEqualTo(1);
        assertThat(deliveries.violations()).isEmpty();
        assertThat(reader.state()).isEqualTo(ReaderState.TERMINATED);
    }
}
