package dev.ddbstreams.streams.reader;

import dev.ddbstreams.streams.reader.checkpoint.Checkpoint;
import dev.ddbstreams.streams.reader.checkpoint.InMemoryCheckpointer;
import dev.ddbstreams.streams.reader.lineage.ShardState;
import dev.ddbstreams.streams.reader.testing.Deliveries;
import dev.ddbstreams.streams.reader.testing.FakeStream;
import dev.ddbstreams.streams.reader.testing.FakeStreamsService.Call;
import dev.ddbstreams.streams.reader.testing.FakeStreamsService;
import dev.ddbstreams.streams.reader.testing.SimulatedService;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;

/** Where each shard starts: TRIM_HORIZON, LATEST, a checkpoint, or the beginning after a parent. */
class StreamReaderStartTest {

    private final SimulatedService service = new SimulatedService();
    private final FakeStream stream = service.stream;
    private final InMemoryCheckpointer checkpoints = new InMemoryCheckpointer();

    @AfterEach
    void stopService() {
        service.close();
    }

    private static List<java.math.BigInteger> sequences(List<FakeStream.FakeRecord> records) {
        return records.stream().map(FakeStream.FakeRecord::sequence).toList();
    }

    @Test
    void latestSkipsClosedShardsAndOldRecordsThenReadsChildrenFromTheirBeginning() throws Exception {
        stream.addShard("shard-old", null, 3, true);
        stream.addShard("shard-open", "shard-old", 10, true);
        stream.addShard("shard-next", "shard-open", 4, true);
        stream.write("shard-old", 3);
        stream.write("shard-open", 5);
        AtomicBoolean wrote = new AtomicBoolean();
        // Once the reader holds a LATEST iterator on the open shard, the table gets more writes and the shard rolls over.
        service.serve(new Random(1), FakeStreamsService.Faults.NONE, random -> {
            if (stream.latestPosition("shard-open") != null && wrote.compareAndSet(false, true)) {
                stream.writeAll();
            }
        });
        Deliveries deliveries = new Deliveries(stream, false);
        StreamReader reader = service.reader()
                .startingPosition(StartingPosition.LATEST)
                .handler(deliveries)
                .checkpointer(checkpoints)
                .build();

        service.runToEnd(reader);

        var written = stream.written();
        assertThat(deliveries.of("shard-old")).isEmpty();
        assertThat(deliveries.of("shard-open")).containsExactlyElementsOf(sequences(written.get("shard-open").subList(5, 10)));
        assertThat(deliveries.of("shard-next")).containsExactlyElementsOf(sequences(written.get("shard-next")));
        assertThat(deliveries.violations()).isEmpty();
        ReaderMetrics metrics = reader.metrics();
        assertThat(metrics.shards().get("shard-old").state()).isEqualTo(ShardState.SKIPPED);
        assertThat(metrics.shards().get("shard-open").state()).isEqualTo(ShardState.FINISHED);
        assertThat(service.service().calls("GetShardIterator")).extracting(call -> call.body().get("ShardIteratorType"))
                .containsExactly("LATEST", "AT_SEQUENCE_NUMBER");
    }

    @Test
    void checkpointsDecideOverTheStartingPositionAndFinishedParentsReleaseTheirChildren() throws Exception {
        stream.addShard("shard-done", null, 4, true);
        stream.addShard("shard-half", "shard-done", 6, true);
        stream.addShard("shard-new", "shard-half", 3, true);
        stream.writeAll();
        var written = stream.written();
        checkpoints.write(FakeStream.ARN, "shard-done", Checkpoint.shardEnd());
        checkpoints.write(FakeStream.ARN, "shard-half",
                Checkpoint.afterSequenceNumber(written.get("shard-half").get(1).sequenceNumber()));
        Deliveries deliveries = new Deliveries(stream, false);
        StreamReader reader = service.reader()
                .startingPosition(StartingPosition.LATEST)
                .handler(deliveries)
                .checkpointer(checkpoints)
                .build();

        service.runToEnd(reader);

        assertThat(deliveries.of("shard-done")).isEmpty();
        assertThat(deliveries.of("shard-half")).containsExactlyElementsOf(sequences(written.get("shard-half").subList(2, 6)));
        // Not LATEST: its parent was being read, so all of it is new to this reader.
        assertThat(deliveries.of("shard-new")).containsExactlyElementsOf(sequences(written.get("shard-new")));
        List<Call> iterators = service.service().calls("GetShardIterator");
        assertThat(iterators).extracting(call -> call.shardId()).containsExactly("shard-half", "shard-new");
        assertThat(reader.metrics().shards().get("shard-done").state()).isEqualTo(ShardState.FINISHED);
    }

    @Test
    void aParentNoLongerListedButCheckpointedStillMakesItsChildStartAtTheBeginning() throws Exception {
        stream.addShard("shard-gone", null, 2, true);
        stream.addShard("shard-child", "shard-gone", 5, true);
        stream.removeShard("shard-gone");
        stream.write("shard-child", 3);
        stream.disableWhenAllClosed(true);
        checkpoints.write(FakeStream.ARN, "shard-gone", Checkpoint.shardEnd());
        AtomicBoolean wrote = new AtomicBoolean();
        service.serve(new Random(1), FakeStreamsService.Faults.NONE, random -> {
            if (!service.service().calls("GetShardIterator").isEmpty() && wrote.compareAndSet(false, true)) {
                stream.writeAll();
            }
        });
        Deliveries deliveries = new Deliveries(stream, false);
        StreamReader reader = service.reader()
                .startingPosition(StartingPosition.LATEST)
                .handler(deliveries)
                .checkpointer(checkpoints)
                .build();

        service.runToEnd(reader);

        assertThat(deliveries.of("shard-child")).containsExactlyElementsOf(sequences(stream.written().get("shard-child")));
    }

    @Test
    void childrenOfAParentTrimmedAwayAreReadAtOnce() throws Exception {
        stream.addShard("shard-gone", null, 2, true);
        stream.addShard("shard-1", "shard-gone", 4, true);
        stream.addShard("shard-2", "shard-1", 4, true);
        stream.addShard("shard-3", "shard-1", 4, true);
        stream.removeShard("shard-gone");
        stream.writeAll();
        Deliveries deliveries = new Deliveries(stream, true);
        StreamReader reader = service.reader().handler(deliveries).checkpointer(checkpoints).build();

        service.runToEnd(reader);

        assertThat(deliveries.missing()).isEmpty();
        assertThat(deliveries.violations()).isEmpty();
        assertThat(reader.metrics().shards()).containsOnlyKeys("shard-1", "shard-2", "shard-3");
    }

    @Test
    void childrenCreatedWhileReadingAreFoundThroughTheChildShardsFilterAsTheirParentEnds() throws Exception {
        stream.addShard("shard-1", null, 4, true);
        stream.addShard("shard-2", "shard-1", 4, true);
        stream.addShard("shard-3", "shard-1", 4, true);
        stream.write("shard-1", 2);
        AtomicBoolean split = new AtomicBoolean();
        // The shard splits once the reader is reading it.
        service.serve(new Random(1), FakeStreamsService.Faults.NONE, random -> {
            if (!service.service().calls("GetShardIterator").isEmpty() && split.compareAndSet(false, true)) {
                stream.writeAll();
            }
        });
        Deliveries deliveries = new Deliveries(stream, true);
        // One thread, and a listing an hour away: nothing but the lookup as shard-1 ends can find its children.
        StreamReader reader = service.reader()
                .handler(deliveries)
                .checkpointer(checkpoints)
                .maxConcurrentShards(1)
                .shardDiscoveryInterval(java.time.Duration.ofHours(1))
                .build();

        service.runToEnd(reader);

        assertThat(deliveries.missing()).isEmpty();
        assertThat(deliveries.violations()).isEmpty();
        List<Call> listings = service.service().calls("DescribeStream");
        assertThat(listings.get(0).body()).doesNotContainKey("ShardFilter");
        assertThat(listings.get(1).body().get("ShardFilter"))
                .isEqualTo(java.util.Map.of("Type", "CHILD_SHARDS", "ShardId", "shard-1"));
        assertThat(service.service().calls("GetShardIterator")).extracting(Call::shardId)
                .containsExactly("shard-1", "shard-2", "shard-3");
    }
}
