package dev.ddbstreams.streams.reader;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ddbstreams.streams.reader.checkpoint.Checkpoint;
import dev.ddbstreams.streams.reader.checkpoint.InMemoryCheckpointer;
import dev.ddbstreams.streams.reader.consume.Gap;
import dev.ddbstreams.streams.reader.testing.Deliveries;
import dev.ddbstreams.streams.reader.testing.FakeStream;
import dev.ddbstreams.streams.reader.testing.FakeStreamsService;
import dev.ddbstreams.streams.reader.testing.FakeStreamsService.Call;
import dev.ddbstreams.streams.reader.testing.FakeStreamsService.Fault;
import dev.ddbstreams.streams.reader.testing.SimulatedService;
import java.math.BigInteger;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The four failures of issue 14, each as the story that found it, on the simulated service and its manual clock
 * (no real waiting): silent loss after a long stop, stuck after a long outage, a cut error body, and an unreported
 * skip at a shard's start. Then what else was found: a disabled stream ends the reader at once, and the reader's
 * threads are never daemons.
 */
class StreamReaderStoriesTest {

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

    @Test
    void aCheckpointedShardTheServiceNoLongerListsAfterALongStopIsReportedAsAGap() throws Exception {
        stream.addShard("shard-1", null, 10, true);
        stream.addShard("shard-2", "shard-1", 4, true);
        stream.write("shard-1", 6);
        Deliveries deliveries = new Deliveries(stream, false);
        // The first run stops after its first batch: a checkpoint in the middle of shard-1.
        StreamReader[] first = new StreamReader[1];
        deliveries.afterEachBatch(batch -> first[0].shutdown());
        first[0] = reader(deliveries).build();
        service.runToEnd(first[0]);
        deliveries.afterEachBatch(batch -> { });
        String checkpoint = checkpoints.read(FakeStream.ARN, "shard-1").orElseThrow().sequenceNumber().orElseThrow();

        // Down for 25 hours: shard-1 filled up, closed, and was trimmed away; its child is all that is listed.
        stream.writeAll();
        service.clock.advance(Duration.ofHours(25));
        stream.removeShard("shard-1");
        StreamReader second = reader(deliveries).build();
        service.runToEnd(second);

        assertThat(deliveries.gapReports()).singleElement().satisfies(gap -> {
            assertThat(gap.shardId()).isEqualTo("shard-1");
            assertThat(gap.reason()).isEqualTo(Gap.Reason.SHARD_GONE);
            assertThat(gap.afterSequenceNumber()).contains(checkpoint);
        });
        assertThat(deliveries.of("shard-2")).containsExactlyElementsOf(sequences(stream.written().get("shard-2")));
        assertThat(deliveries.missing()).isEmpty();
        assertThat(errors).isEmpty();
        assertThat(second.failure()).isEmpty();
        // Reported once: the checkpoint became shard-end, and was then pruned, since shard-2 has its own.
        assertThat(checkpoints.list(FakeStream.ARN)).containsOnlyKeys("shard-2");
    }

    @Test
    void aShardTrimmedAwayDuringALongOutageIsAGapItsChildrenGoOnAndTheReaderEnds() throws Exception {
        stream.addShard("shard-1", null, 10, true);
        stream.addShard("shard-2", "shard-1", 5, true);
        stream.addShard("shard-3", "shard-1", 5, true);
        stream.writeAll();
        Deliveries deliveries = new Deliveries(stream, false);
        AtomicInteger outage = new AtomicInteger();
        // While the first batch is handled, the service goes away for 27 hours: shard-1 is trimmed away meanwhile.
        deliveries.afterEachBatch(batch -> {
            if (batch.shardId().equals("shard-1") && outage.compareAndSet(0, 40)) {
                service.clock.advance(Duration.ofHours(27));
                stream.removeShard("shard-1");
            }
        });
        service.serve(new Random(1), (operation, shard) -> outage.get() > 0 && outage.decrementAndGet() >= 0
                ? Fault.UNAVAILABLE : Fault.NONE, random -> { });

        StreamReader reader = reader(deliveries).retryBackoff(Duration.ofSeconds(1), Duration.ofMinutes(5)).build();
        service.runToEnd(reader);

        List<BigInteger> read = deliveries.of("shard-1");
        assertThat(deliveries.gapReports()).singleElement().satisfies(gap -> {
            assertThat(gap.shardId()).isEqualTo("shard-1");
            assertThat(gap.reason()).isEqualTo(Gap.Reason.SHARD_GONE);
            assertThat(gap.afterSequenceNumber()).contains(read.get(read.size() - 1).toString());
            assertThat(gap.cause()).get().hasToString(gap.cause().get().toString())
                    .satisfies(cause -> assertThat(cause.getClass().getSimpleName()).isEqualTo("ResourceNotFoundException"));
        });
        assertThat(deliveries.of("shard-2")).containsExactlyElementsOf(sequences(stream.written().get("shard-2")));
        assertThat(deliveries.of("shard-3")).containsExactlyElementsOf(sequences(stream.written().get("shard-3")));
        assertThat(deliveries.missing()).isEmpty();
        assertThat(errors).isEmpty();
        assertThat(reader.failure()).isEmpty();
        assertThat(service.service().injectedFaults()).containsEntry(Fault.UNAVAILABLE, 40);
    }

    @Test
    void anErrorResponseCutOffInTransitIsRetriedAndTheShardGoesOn() throws Exception {
        stream.addShard("shard-1", null, 6, true);
        stream.addShard("shard-2", "shard-1", 3, true);
        stream.writeAll();
        AtomicInteger getRecords = new AtomicInteger();
        // The first two GetRecords answer a 400 ExpiredIteratorException whose body is cut off.
        service.serve((operation, shard) -> operation.equals("GetRecords") && getRecords.incrementAndGet() <= 2
                ? Fault.CUT_ERROR_BODY : Fault.NONE);
        Deliveries deliveries = new Deliveries(stream, true);
        StreamReader reader = reader(deliveries).build();

        service.runToEnd(reader);

        assertThat(deliveries.missing()).isEmpty();
        assertThat(deliveries.violations()).isEmpty();
        assertThat(errors).isEmpty();
        assertThat(reader.failure()).isEmpty();
        assertThat(reader.metrics().retriedErrors()).isEqualTo(2);
        assertThat(service.service().injectedFaults()).containsEntry(Fault.CUT_ERROR_BODY, 2);
    }

    @Test
    void anIteratorThatExpiredBeforeAnyRecordIsRenewedAtTheShardsStartAndATrimInBetweenIsAGap() throws Exception {
        stream.addShard("shard-1", null, 10, true);
        stream.writeAll();
        AtomicBoolean expired = new AtomicBoolean();
        // The reader holds its first iterator; before its first read the iterator expires, and records 0-4 are
        // trimmed meanwhile. Renewed at TRIM_HORIZON, they would be skipped with no report.
        FakeStreamsService fake = service.serve((operation, shard) -> {
            if (operation.equals("GetRecords") && expired.compareAndSet(false, true)) {
                stream.trim("shard-1", 5);
                return Fault.EXPIRED_ITERATOR;
            }
            return Fault.NONE;
        });
        Deliveries deliveries = new Deliveries(stream, true);
        // A shard the reader owes whole: found after the first listing would do too; here, a parent it read.
        StreamReader reader = reader(deliveries).build();

        service.runToEnd(reader);

        List<Call> iterators = fake.calls("GetShardIterator");
        assertThat(iterators).extracting(call -> call.body().get("ShardIteratorType"))
                .containsExactly("TRIM_HORIZON", "AT_SEQUENCE_NUMBER", "TRIM_HORIZON");
        assertThat(iterators.get(1).body().get("SequenceNumber"))
                .isEqualTo(stream.written().get("shard-1").get(0).sequenceNumber());
        assertThat(deliveries.gapReports()).singleElement().satisfies(gap -> {
            assertThat(gap.reason()).isEqualTo(Gap.Reason.TRIMMED);
            assertThat(gap.afterSequenceNumber()).isEmpty();
        });
        assertThat(deliveries.of("shard-1")).containsExactlyElementsOf(
                sequences(stream.written().get("shard-1").subList(5, 10)));
        assertThat(errors).isEmpty();
    }

    /**
     * On the real clock, with an hour between listings: a reader that waited for the next listing to notice it is
     * done would not end within {@link SimulatedService#runToEnd}'s limit of real time.
     */
    @Test
    void aDisabledStreamWithNothingLeftEndsTheReaderAtOnceNotAtTheNextListing() throws Exception {
        try (SimulatedService live = new SimulatedService(Clock.systemUTC())) {
            live.stream.addShard("shard-1", null, 3, true);
            live.stream.addShard("shard-2", "shard-1", 3, true);
            live.stream.writeAll();
            Deliveries deliveries = new Deliveries(live.stream, true);
            StreamReader reader = liveReader(live, deliveries).build();

            live.runToEnd(reader);

            assertThat(deliveries.missing()).isEmpty();
            assertThat(reader.failure()).isEmpty();
            // Read again with every shard checkpointed to its end: nothing to read; it ends once it has listed.
            StreamReader second = liveReader(live, new Deliveries(live.stream, true)).build();
            live.runToEnd(second);
            assertThat(second.failure()).isEmpty();
            assertThat(second.metrics().recordsDelivered()).isZero();
        }
    }

    private StreamReader.Builder liveReader(SimulatedService live, Deliveries deliveries) {
        return StreamReader.builder()
                .client(live.client)
                .streamArn(FakeStream.ARN)
                .handler(deliveries)
                .onGap(deliveries)
                .onError(errors::add)
                .checkpointer(checkpoints)
                .pollInterval(Duration.ofMillis(10))
                .maxPollInterval(Duration.ofMillis(10))
                .shardDiscoveryInterval(Duration.ofHours(1));
    }

    @Test
    void aStreamDisabledWhileBeingReadEndsTheReaderWhenTheLastShardIsDone() throws Exception {
        try (SimulatedService live = new SimulatedService(Clock.systemUTC())) {
            live.stream.addShard("shard-1", null, 6, true);
            live.stream.write("shard-1", 2);
            AtomicBoolean closed = new AtomicBoolean();
            // The table's stream is disabled once the reader is reading: the last shard closes with what it has.
            live.serve(new Random(1), FakeStreamsService.Faults.NONE, random -> {
                if (!live.service().calls("GetRecords").isEmpty() && closed.compareAndSet(false, true)) {
                    live.stream.close("shard-1");
                }
            });
            Deliveries deliveries = new Deliveries(live.stream, true);
            StreamReader reader = liveReader(live, deliveries).build();

            live.runToEnd(reader);

            assertThat(deliveries.missing()).isEmpty();
            assertThat(reader.failure()).isEmpty();
        }
    }

    @Test
    void theReadersThreadsAreNeverDaemonsWhoeverStartsIt() throws Exception {
        stream.addShard("shard-1", null, 3, false);
        stream.writeAll();
        for (StreamReader.Builder builder : List.of(service.threadedReader(), service.reader())) {
            StreamReader reader = builder.handler(new Deliveries(stream, true)).threadNamePrefix("daemon-test").build();
            Thread starter = new Thread(reader::start);
            starter.setDaemon(true);
            starter.start();
            starter.join();

            List<Thread> threads = Thread.getAllStackTraces().keySet().stream()
                    .filter(thread -> thread.getName().startsWith("daemon-test"))
                    .toList();
            reader.close();
            assertThat(threads).isNotEmpty().allSatisfy(thread -> assertThat(thread.isDaemon()).isFalse());
        }
    }

    @Test
    void checkpointsOfFinishedShardsStayFewOverManyRollovers() throws Exception {
        // Three days of a live table in miniature: the open shard rolls over to a child every 4 hours, and the
        // service trims records (and then unlists shards) after 24 hours.
        int generations = 18;
        String parent = null;
        for (int generation = 0; generation < generations; generation++) {
            String id = String.format("shard-%03d", generation);
            stream.addShard(id, parent, 3, generation < generations - 1);
            parent = id;
        }
        stream.disableWhenAllClosed(false);
        Instant origin = service.clock.instant();
        int[] rolledOver = {0};
        int[] mostHeld = {0};
        service.serve(new Random(1), FakeStreamsService.Faults.NONE, random -> {
            int due = (int) Math.min(generations - 1, Duration.between(origin, service.clock.instant()).toHours() / 4);
            while (rolledOver[0] < due) {
                stream.write(String.format("shard-%03d", rolledOver[0]++), 3);
            }
            stream.applyRetention(Duration.ofHours(24));
            mostHeld[0] = Math.max(mostHeld[0], checkpoints.list(FakeStream.ARN).size());
        });
        Deliveries deliveries = new Deliveries(stream, true);
        StreamReader reader = reader(deliveries)
                .pollInterval(Duration.ofMinutes(10))
                .maxPollInterval(Duration.ofMinutes(30))
                .shardDiscoveryInterval(Duration.ofHours(1))
                .build();

        service.runUntil(reader, () -> rolledOver[0] == generations - 1
                && checkpoints.read(FakeStream.ARN, String.format("shard-%03d", generations - 2))
                        .equals(java.util.Optional.of(Checkpoint.shardEnd())));

        assertThat(deliveries.missing()).isEmpty();
        assertThat(deliveries.gapReports()).isEmpty();
        assertThat(stream.isGone("shard-000")).isTrue();
        // About a day of shards is listed at any time (six rollovers), each holding one checkpoint; the rest pruned.
        assertThat(mostHeld[0]).isBetween(2, 9);
        assertThat(checkpoints.list(FakeStream.ARN)).hasSizeLessThanOrEqualTo(9)
                .doesNotContainKeys("shard-000", "shard-001", "shard-002");
    }
}
