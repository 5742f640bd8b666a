package dev.ddbstreams.streams.reader;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ddbstreams.streams.reader.checkpoint.Checkpoint;
import dev.ddbstreams.streams.reader.checkpoint.InMemoryCheckpointer;
import dev.ddbstreams.streams.reader.consume.Gap;
import dev.ddbstreams.streams.reader.testing.Deliveries;
import dev.ddbstreams.streams.reader.testing.FakeStream;
import dev.ddbstreams.streams.reader.testing.FakeStreamsService;
import dev.ddbstreams.streams.reader.testing.FakeStreamsService.Fault;
import dev.ddbstreams.streams.reader.testing.SimulatedService;
import java.math.BigInteger;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What a reader reports after a stop (or an outage) of more than a day, during which the service trimmed records and
 * then whole shards: records of a shard it had begun but handled nothing of, and the children of a shard it had read
 * to its end, are gaps, not silent losses; and nothing it was never owed is reported. Deterministic, on the simulated
 * service's manual clock.
 */
class StreamReaderLongStopTest {

    private final SimulatedService service = new SimulatedService();
    private final FakeStream stream = service.stream;
    private final InMemoryCheckpointer checkpoints = new InMemoryCheckpointer();
    private final List<ReadError> errors = new CopyOnWriteArrayList<>();

    @AfterEach
    void stopService() {
        service.close();
    }

    private StreamReader.Builder reader(Deliveries deliveries) {
        return service.reader()
                .handler(deliveries)
                .onGap(deliveries)
                .onError(errors::add)
                .checkpointer(checkpoints)
                .maxRecordsPerBatch(3);
    }

    private static List<BigInteger> sequences(List<FakeStream.FakeRecord> records) {
        return records.stream().map(FakeStream.FakeRecord::sequence).toList();
    }

    private String sequence(String shardId, int index) {
        return stream.written().get(shardId).get(index).sequenceNumber();
    }

    /** shard-a (6 records) and shard-b (10), closed; pages as full as the limit allows. */
    private void planShardsAAndB() {
        stream.addShard("shard-a", null, 6, true);
        stream.addShard("shard-b", null, 10, true);
        stream.writeAll();
        stream.fullPages(true);
    }

    /** Processors that hand batches to {@code deliveries}, and run {@code onEnd} as a shard ends. */
    private static Supplier<ShardProcessor> processorsEndingWith(Deliveries deliveries, Runnable onEnd) {
        return () -> new ShardProcessor() {
            @Override
            public void processBatch(ShardBatch batch, ShardCheckpointer checkpointer) {
                deliveries.handle(batch);
            }

            @Override
            public void shardEnded(ShardCheckpointer checkpointer) {
                onEnd.run();
            }
        };
    }

    /**
     * The first run reads a page of shard-a and one of shard-b (one thread, in that order), and stops from the
     * handler of shard-a's first batch: shard-b is begun, its page read but dropped, nothing of it handled.
     */
    private void firstRunStopsWithShardBBegunButNothingHandled(Deliveries deliveries) throws InterruptedException {
        StreamReader[] first = new StreamReader[1];
        deliveries.afterEachBatch(batch -> first[0].shutdown());
        first[0] = reader(deliveries).build();
        service.runToEnd(first[0]);
        deliveries.afterEachBatch(batch -> { });
        assertThat(deliveries.of("shard-a")).hasSize(3);
        assertThat(deliveries.of("shard-b")).isEmpty();
        assertThat(service.service().calls("GetRecords")).extracting(FakeStreamsService.Call::shardId)
                .containsExactly("shard-a", "shard-b");
    }

    @Test
    void aShardBegunButNotHandledAndTrimmedAwayWholeDuringTheStopIsAGapFromItsStart() throws Exception {
        stream.addShard("shard-a", null, 6, true);
        stream.addShard("shard-b", null, 10, true);
        stream.addShard("shard-c", "shard-b", 3, true);
        stream.writeAll();
        stream.fullPages(true);
        Deliveries deliveries = new Deliveries(stream, false);
        firstRunStopsWithShardBBegunButNothingHandled(deliveries);
        // The checkpoints say shard-b was begun: without that, nothing would tell a later reader it ever was.
        assertThat(checkpoints.read(FakeStream.ARN, "shard-b"))
                .contains(Checkpoint.atSequenceNumber(sequence("shard-b", 0)));

        // Down for 25 hours: shard-b was trimmed away whole; its child is listed.
        service.clock.advance(Duration.ofHours(25));
        stream.removeShard("shard-b");
        StreamReader second = reader(deliveries).build();
        service.runToEnd(second);

        assertThat(deliveries.gapReports()).singleElement().satisfies(gap -> {
            assertThat(gap.shardId()).isEqualTo("shard-b");
            assertThat(gap.reason()).isEqualTo(Gap.Reason.SHARD_GONE);
            assertThat(gap.afterSequenceNumber()).isEmpty();
        });
        // The child of a shard the reader was reading is owed whole.
        assertThat(deliveries.of("shard-c")).containsExactlyElementsOf(sequences(stream.written().get("shard-c")));
        assertThat(deliveries.missing()).isEmpty();
        assertThat(errors).isEmpty();
        assertThat(second.failure()).isEmpty();
    }

    @Test
    void aShardBegunButNotHandledWhoseFirstRecordsWereTrimmedDuringTheStopIsAGap() throws Exception {
        planShardsAAndB();
        Deliveries deliveries = new Deliveries(stream, false);
        firstRunStopsWithShardBBegunButNothingHandled(deliveries);

        stream.trim("shard-b", 6);
        StreamReader second = reader(deliveries).build();
        service.runToEnd(second);

        assertThat(deliveries.gapReports()).singleElement().satisfies(gap -> {
            assertThat(gap.shardId()).isEqualTo("shard-b");
            assertThat(gap.reason()).isEqualTo(Gap.Reason.TRIMMED);
            assertThat(gap.afterSequenceNumber()).isEmpty();
        });
        assertThat(deliveries.of("shard-b"))
                .containsExactlyElementsOf(sequences(stream.written().get("shard-b").subList(6, 10)));
        assertThat(deliveries.missing()).isEmpty();
    }

    @Test
    void recordsTrimmedBeforeTheReaderBeganAShardAtTrimHorizonAreNoGapAfterARestart() throws Exception {
        planShardsAAndB();
        // Trimmed before the reader ever looked: never its to deliver.
        stream.trim("shard-b", 3);
        Deliveries deliveries = new Deliveries(stream, false);
        firstRunStopsWithShardBBegunButNothingHandled(deliveries);
        // Moved from the shard's start to the first record there was, before the page went to the handler.
        assertThat(checkpoints.read(FakeStream.ARN, "shard-b"))
                .contains(Checkpoint.atSequenceNumber(sequence("shard-b", 3)));

        StreamReader second = reader(deliveries).build();
        service.runToEnd(second);

        assertThat(deliveries.gapReports()).isEmpty();
        assertThat(deliveries.of("shard-b"))
                .containsExactlyElementsOf(sequences(stream.written().get("shard-b").subList(3, 10)));
        assertThat(service.service().calls("GetShardIterator")).filteredOn(call -> call.shardId().equals("shard-b"))
                .extracting(call -> call.body().get("ShardIteratorType"), call -> call.body().get("SequenceNumber"))
                .containsExactly(org.assertj.core.groups.Tuple.tuple("TRIM_HORIZON", null),
                        org.assertj.core.groups.Tuple.tuple("AT_SEQUENCE_NUMBER", sequence("shard-b", 3)));
    }

    /**
     * shard-p is read to its end; its children shard-c1 and shard-c2 were listed but not begun when the reader
     * stopped (from shard-p's {@code shardEnded}). The table stays live: shard-g, a child of shard-c1, is open.
     */
    private StreamReader firstRunStopsAsShardPEnds(Deliveries deliveries) throws InterruptedException {
        stream.addShard("shard-p", null, 4, true);
        stream.addShard("shard-c1", "shard-p", 3, true);
        stream.addShard("shard-c2", "shard-p", 3, true);
        stream.addShard("shard-g", "shard-c1", 5, false);
        stream.writeAll();
        StreamReader[] first = new StreamReader[1];
        first[0] = service.reader()
                .processors(processorsEndingWith(deliveries, () -> first[0].shutdown()))
                .onGap(deliveries)
                .onError(errors::add)
                .checkpointer(checkpoints)
                .build();
        service.runToEnd(first[0]);
        assertThat(checkpoints.list(FakeStream.ARN)).containsOnlyKeys("shard-p");
        assertThat(checkpoints.read(FakeStream.ARN, "shard-p")).contains(Checkpoint.shardEnd());
        return first[0];
    }

    @Test
    void theChildrenOfAFinishedShardTrimmedAwayWholeDuringAStopAreAGapNamingTheParent() throws Exception {
        Deliveries deliveries = new Deliveries(stream, false);
        firstRunStopsAsShardPEnds(deliveries);

        // Down for 30 hours: shard-p and both its children were trimmed away, and the first records of shard-g; only
        // shard-g is listed, and its parent is a shard the reader never heard of.
        service.clock.advance(Duration.ofHours(30));
        stream.removeShard("shard-p");
        stream.removeShard("shard-c1");
        stream.removeShard("shard-c2");
        stream.trim("shard-g", 2);
        StreamReader second = reader(deliveries).build();
        service.runUntil(second, () -> deliveries.of("shard-g").size() == 3);

        assertThat(deliveries.gapReports()).satisfiesExactly(gap -> {
            assertThat(gap.shardId()).isEqualTo("shard-p");
            assertThat(gap.reason()).isEqualTo(Gap.Reason.CHILDREN_GONE);
            assertThat(gap.afterSequenceNumber()).isEmpty();
            assertThat(gap.cause()).isEmpty();
        }, gap -> {
            // Created while the reader was stopped, from what it was reading: owed whole, so its trim is a gap too.
            assertThat(gap.shardId()).isEqualTo("shard-g");
            assertThat(gap.reason()).isEqualTo(Gap.Reason.TRIMMED);
            assertThat(gap.afterSequenceNumber()).isEmpty();
        });
        assertThat(deliveries.of("shard-g"))
                .containsExactlyElementsOf(sequences(stream.written().get("shard-g").subList(2, 5)));
        assertThat(deliveries.missing()).isEmpty();
        assertThat(errors).isEmpty();
        assertThat(second.failure()).isEmpty();
        // Reported once: the parent's checkpoint is gone with it.
        assertThat(checkpoints.read(FakeStream.ARN, "shard-p")).isEmpty();
        assertThat(second.metrics().gaps()).isEqualTo(2);
    }

    @Test
    void aFinishedShardWhoseChildrenAreStillListedIsNoGap() throws Exception {
        Deliveries deliveries = new Deliveries(stream, false);
        firstRunStopsAsShardPEnds(deliveries);

        // Down for 25 hours: shard-p was trimmed away; its children are listed, and owed whole.
        service.clock.advance(Duration.ofHours(25));
        stream.removeShard("shard-p");
        StreamReader second = reader(deliveries).build();
        service.runUntil(second, () -> deliveries.of("shard-g").size() == 5);

        assertThat(deliveries.gapReports()).isEmpty();
        assertThat(deliveries.of("shard-c1")).containsExactlyElementsOf(sequences(stream.written().get("shard-c1")));
        assertThat(deliveries.of("shard-c2")).containsExactlyElementsOf(sequences(stream.written().get("shard-c2")));
        assertThat(deliveries.missing()).isEmpty();
    }

    @Test
    void aShardOfADisabledStreamNeedsNoChildrenAndItsUnlistedCheckpointIsNoGap() throws Exception {
        stream.addShard("shard-p", null, 4, true);
        stream.writeAll();
        Deliveries deliveries = new Deliveries(stream, false);
        StreamReader first = reader(deliveries).build();
        service.runToEnd(first);

        // Disabling the stream closed shard-p without children; a day later it is trimmed away.
        service.clock.advance(Duration.ofHours(25));
        stream.removeShard("shard-p");
        StreamReader second = reader(deliveries).build();
        service.runToEnd(second);

        assertThat(deliveries.gapReports()).isEmpty();
        assertThat(second.failure()).isEmpty();
    }

    @Test
    void childrenTrimmedAwayDuringAnOutageAfterTheirParentEndedAreAGapNamingTheParent() throws Exception {
        stream.addShard("shard-p", null, 6, true);
        stream.addShard("shard-c1", "shard-p", 3, true);
        stream.addShard("shard-c2", "shard-p", 3, true);
        stream.addShard("shard-g", "shard-c1", 5, false);
        stream.write("shard-p", 3);
        AtomicBoolean closed = new AtomicBoolean();
        AtomicInteger outage = new AtomicInteger();
        // shard-p closes (and its children appear) once the reader reads it; as it reaches its end, the service
        // goes away for 27 hours, and the children are trimmed away whole meanwhile.
        service.serve(new Random(1), (operation, shard) -> outage.get() > 0 && outage.decrementAndGet() >= 0
                ? Fault.UNAVAILABLE : Fault.NONE, random -> {
                    if (!service.service().calls("GetRecords").isEmpty() && closed.compareAndSet(false, true)) {
                        stream.write("shard-p", 3);
                    }
                });
        Deliveries deliveries = new Deliveries(stream, false);
        StreamReader reader = service.reader()
                .processors(processorsEndingWith(deliveries, () -> {
                    if (outage.compareAndSet(0, 30)) {
                        service.clock.advance(Duration.ofHours(27));
                        stream.removeShard("shard-p");
                        stream.removeShard("shard-c1");
                        stream.removeShard("shard-c2");
                        stream.write("shard-g", 5);
                    }
                }))
                .onGap(deliveries)
                .onError(errors::add)
                .checkpointer(checkpoints)
                .retryBackoff(Duration.ofSeconds(1), Duration.ofMinutes(5))
                .build();

        service.runUntil(reader, () -> deliveries.of("shard-g").size() == 5);

        assertThat(deliveries.of("shard-p")).containsExactlyElementsOf(sequences(stream.written().get("shard-p")));
        assertThat(deliveries.gapReports()).singleElement().satisfies(gap -> {
            assertThat(gap.shardId()).isEqualTo("shard-p");
            assertThat(gap.reason()).isEqualTo(Gap.Reason.CHILDREN_GONE);
        });
        assertThat(deliveries.missing()).isEmpty();
        assertThat(errors).isEmpty();
        assertThat(service.service().injectedFaults()).containsEntry(Fault.UNAVAILABLE, 30);
        assertThat(checkpoints.read(FakeStream.ARN, "shard-p")).isEqualTo(Optional.empty());
    }
}
