package dev.ddbstreams.streams.reader;

import dev.ddbstreams.runtime.exception.AwsServiceException;
import dev.ddbstreams.runtime.retry.RetryPolicy;
import dev.ddbstreams.streams.model.ResourceNotFoundException;
import dev.ddbstreams.streams.model.TrimmedDataAccessException;
import dev.ddbstreams.streams.reader.consume.Gap;
import dev.ddbstreams.streams.reader.checkpoint.Checkpoint;
import dev.ddbstreams.streams.reader.checkpoint.InMemoryCheckpointer;
import dev.ddbstreams.streams.reader.lineage.ShardState;
import dev.ddbstreams.streams.reader.testing.Deliveries;
import dev.ddbstreams.streams.reader.testing.FakeStream;
import dev.ddbstreams.streams.reader.testing.FakeStreamsService.Call;
import dev.ddbstreams.streams.reader.testing.FakeStreamsService.Fault;
import dev.ddbstreams.streams.reader.testing.FakeStreamsService;
import dev.ddbstreams.streams.reader.testing.SimulatedService;
import java.math.BigInteger;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** What the reader does on each fault the service can answer with. */
class StreamReaderFaultsTest {

    private final SimulatedService service = new SimulatedService();
    private final FakeStream stream = service.stream;
    private final List<ReadError> errors = new CopyOnWriteArrayList<>();
    private final InMemoryCheckpointer checkpoints = new InMemoryCheckpointer();

    @AfterEach
    void stopService() {
        service.close();
    }

    private StreamReader reader(Deliveries deliveries) {
        return service.reader()
                .handler(deliveries)
                .onGap(deliveries)
                .onError(errors::add)
                .checkpointer(checkpoints)
                .maxRecordsPerBatch(3)
                .build();
    }

    private static String sequence(List<FakeStream.FakeRecord> records, int index) {
        return records.get(index).sequenceNumber();
    }

    @Test
    void anExpiredIteratorIsReplacedAtTheShardsStartOrRightAfterTheLastRecordRead() throws Exception {
        stream.addShard("shard-1", null, 10, true);
        stream.writeAll();
        stream.fullPages(true);
        AtomicInteger getRecords = new AtomicInteger();
        // The first GetRecords finds its iterator expired before anything was read, the third after records 0-2.
        FakeStreamsService fake = service.serve((operation, shard) -> operation.equals("GetRecords")
                && (getRecords.incrementAndGet() == 1 || getRecords.get() == 3) ? Fault.EXPIRED_ITERATOR : Fault.NONE);
        Deliveries deliveries = new Deliveries(stream, true);
        StreamReader reader = reader(deliveries);

        service.runToEnd(reader);

        List<FakeStream.FakeRecord> written = stream.written().get("shard-1");
        assertThat(deliveries.of("shard-1")).containsExactlyElementsOf(
                written.stream().map(FakeStream.FakeRecord::sequence).toList());
        assertThat(deliveries.violations()).isEmpty();
        assertThat(reader.metrics().expiredIterators()).isEqualTo(2);
        // Begun at TRIM_HORIZON; renewed at the shard's own start while nothing was read (so that a trim meanwhile
        // is a gap, not a silent skip), then right after the last record read.
        assertThat(fake.calls("GetShardIterator")).extracting(call -> call.body().get("ShardIteratorType"),
                call -> call.body().get("SequenceNumber")).containsExactly(
                        tuple("TRIM_HORIZON", null),
                        tuple("AT_SEQUENCE_NUMBER", sequence(written, 0)),
                        tuple("AFTER_SEQUENCE_NUMBER", sequence(written, 2)));
        assertThat(errors).isEmpty();
    }

    @Test
    void trimmedRecordsAreReportedAsAGapAndReadingGoesOnAtTheOldestRecordLeft() throws Exception {
        stream.addShard("shard-1", null, 10, true);
        stream.writeAll();
        stream.fullPages(true);
        Deliveries deliveries = new Deliveries(stream, true);
        // While the first batch (records 0-2) is handled, the service trims records 0-5.
        deliveries.afterEachBatch(batch -> stream.trim("shard-1", 6));
        StreamReader reader = reader(deliveries);

        service.runToEnd(reader);

        List<FakeStream.FakeRecord> written = stream.written().get("shard-1");
        assertThat(deliveries.of("shard-1")).containsExactlyElementsOf(java.util.stream.Stream.concat(
                written.subList(0, 3).stream(), written.subList(6, 10).stream())
                .map(FakeStream.FakeRecord::sequence).toList());
        assertThat(deliveries.gapReports()).singleElement().satisfies(gap -> {
            assertThat(gap.shardId()).isEqualTo("shard-1");
            assertThat(gap.afterSequenceNumber()).contains(sequence(written, 2));
            assertThat(gap.reason()).isEqualTo(Gap.Reason.TRIMMED);
            assertThat(gap.cause()).get().isInstanceOf(TrimmedDataAccessException.class);
        });
        assertThat(reader.metrics().gaps()).isEqualTo(1);
        assertThat(errors).isEmpty();
        assertThat(checkpoints.read(FakeStream.ARN, "shard-1")).contains(Checkpoint.shardEnd());
    }

    @Test
    void aCheckpointThatWasTrimmedAwayIsAGapFromTheCheckpoint() throws Exception {
        stream.addShard("shard-1", null, 10, true);
        stream.writeAll();
        List<FakeStream.FakeRecord> written = stream.written().get("shard-1");
        checkpoints.write(FakeStream.ARN, "shard-1", Checkpoint.afterSequenceNumber(sequence(written, 2)));
        stream.trim("shard-1", 7);
        Deliveries deliveries = new Deliveries(stream, true);

        service.runToEnd(reader(deliveries));

        assertThat(deliveries.of("shard-1")).containsExactlyElementsOf(
                written.subList(7, 10).stream().map(FakeStream.FakeRecord::sequence).toList());
        assertThat(deliveries.gapReports()).singleElement()
                .satisfies(gap -> assertThat(gap.afterSequenceNumber()).contains(sequence(written, 2)));
    }

    @Test
    void aGapListenerThatThrowsStopsTheShardAtTheGap() throws Exception {
        stream.addShard("shard-1", null, 10, true);
        stream.addShard("shard-2", "shard-1", 2, true);
        stream.writeAll();
        List<FakeStream.FakeRecord> written = stream.written().get("shard-1");
        checkpoints.write(FakeStream.ARN, "shard-1", Checkpoint.afterSequenceNumber(sequence(written, 2)));
        stream.trim("shard-1", 7);
        Deliveries deliveries = new Deliveries(stream, true);
        IllegalStateException refusal = new IllegalStateException("lost records are not acceptable here");
        StreamReader reader = service.reader()
                .handler(deliveries)
                .onGap(gap -> {
                    throw refusal;
                })
                .onError(errors::add)
                .checkpointer(checkpoints)
                .build();

        // The stream is disabled: with shard-1 failed and shard-2 waiting for it, nothing is left to read, and the
        // reader ends, failed: a stopped shard must not look like a stream read whole.
        service.runToEnd(reader);

        assertThat(errors).hasSize(2);
        assertThat(errors.get(0).shardId()).contains("shard-1");
        assertThat(errors.get(0).cause()).isSameAs(refusal);
        assertThat(reader.failure()).get().isInstanceOfSatisfying(ReadIncompleteException.class,
                incomplete -> assertThat(incomplete.failedShards()).containsExactly("shard-1"));
        assertThat(deliveries.batches()).isZero();
        assertThat(checkpoints.read(FakeStream.ARN, "shard-1")).contains(Checkpoint.afterSequenceNumber(sequence(written, 2)));
        assertThat(reader.metrics().shards().get("shard-1").state()).isEqualTo(ShardState.FAILED);
        assertThat(reader.metrics().shards().get("shard-2").state()).isEqualTo(ShardState.WAITING_FOR_PARENT);
    }

    @Test
    void throttlingServerErrorsAndDroppedConnectionsAreRetriedUntilTheyPass() throws Exception {
        stream.addShard("shard-1", null, 6, true);
        stream.addShard("shard-2", "shard-1", 6, true);
        stream.writeAll();
        List<Fault> script = List.of(Fault.LIMIT_EXCEEDED, Fault.THROTTLING, Fault.INTERNAL_ERROR,
                Fault.UNAVAILABLE, Fault.DROP_CONNECTION, Fault.CUT_BODY);
        Map<String, AtomicInteger> perOperation = Map.of("DescribeStream", new AtomicInteger(),
                "GetShardIterator", new AtomicInteger(), "GetRecords", new AtomicInteger());
        // Each operation first meets every kind of transient fault in a row.
        FakeStreamsService fake = service.serve((operation, shard) -> {
            int n = perOperation.get(operation).getAndIncrement();
            return n < script.size() ? script.get(n) : Fault.NONE;
        });
        Deliveries deliveries = new Deliveries(stream, true);
        StreamReader reader = reader(deliveries);

        service.runToEnd(reader);

        assertThat(deliveries.missing()).isEmpty();
        assertThat(deliveries.violations()).isEmpty();
        assertThat(errors).isEmpty();
        assertThat(fake.injectedFaults()).containsEntry(Fault.LIMIT_EXCEEDED, 3).containsEntry(Fault.CUT_BODY, 3);
        // OkHttp itself retries a connection cut before the response; every other fault reaches the reader.
        assertThat(reader.metrics().retriedErrors()).isGreaterThanOrEqualTo(3 * (script.size() - 1));
        assertThat(reader.metrics().failures()).isZero();
    }

    @Test
    void theClientRetriesFirstAndTheReaderRetriesWhatTheClientGaveUpOn() throws Exception {
        stream.addShard("shard-1", null, 6, true);
        stream.writeAll();
        Map<String, AtomicInteger> perOperation = Map.of("DescribeStream", new AtomicInteger(),
                "GetShardIterator", new AtomicInteger(), "GetRecords", new AtomicInteger());
        // Five throttled answers per operation: the client's three attempts end in the first three, the reader
        // tries again, and the client's next attempts get through on the third.
        FakeStreamsService fake = service.serve((operation, shard) ->
                perOperation.get(operation).getAndIncrement() < 5 ? Fault.LIMIT_EXCEEDED : Fault.NONE);
        Deliveries deliveries = new Deliveries(stream, true);
        try (var retryingClient = service.client(RetryPolicy.builder().sleeper(duration -> { }).build())) {
            StreamReader reader = service.reader()
                    .client(retryingClient)
                    .handler(deliveries)
                    .onError(errors::add)
                    .build();

            service.runToEnd(reader);

            assertThat(deliveries.missing()).isEmpty();
            assertThat(errors).isEmpty();
            assertThat(fake.injectedFaults()).containsEntry(Fault.LIMIT_EXCEEDED, 15);
            assertThat(reader.metrics().retriedErrors()).isEqualTo(3);
        }
    }

    @Test
    void retriesBackOffExponentiallyOnTheReadersClock() throws Exception {
        stream.addShard("shard-1", null, 1, true);
        stream.writeAll();
        AtomicInteger getRecords = new AtomicInteger();
        FakeStreamsService fake = service.serve((operation, shard) -> operation.equals("GetRecords")
                && getRecords.incrementAndGet() <= 6 ? Fault.LIMIT_EXCEEDED : Fault.NONE);
        Deliveries deliveries = new Deliveries(stream, true);
        StreamReader reader = service.reader()
                .handler(deliveries)
                .onError(errors::add)
                .retryBackoff(Duration.ofMillis(400), Duration.ofSeconds(3))
                .build();

        service.runToEnd(reader);

        List<Call> calls = fake.calls("GetRecords");
        // Attempt n waits between half and all of min(3 s, 400 ms * 2^(n-1)): 200-400, 400-800, ..., 1500-3000.
        long[] floors = {200, 400, 800, 1500, 1500, 1500};
        for (int i = 1; i <= floors.length; i++) {
            Duration pause = Duration.between(calls.get(i - 1).at(), calls.get(i).at());
            assertThat(pause.toMillis()).as("pause before attempt %d", i + 1).isGreaterThanOrEqualTo(floors[i - 1]);
        }
        assertThat(deliveries.missing()).isEmpty();
    }

    @Test
    void aPermanentErrorStopsOnlyItsShardAndItsChildren() throws Exception {
        // A live table: the stream stays enabled, so the reader goes on with the shards it can read.
        stream.disableWhenAllClosed(false);
        stream.addShard("shard-a", null, 3, true);
        stream.addShard("shard-a2", "shard-a", 3, true);
        stream.addShard("shard-b", null, 4, true);
        stream.writeAll();
        service.serve((operation, shard) -> operation.equals("GetShardIterator") && "shard-a".equals(shard)
                ? Fault.ACCESS_DENIED : Fault.NONE);
        Deliveries deliveries = new Deliveries(stream, true);
        StreamReader reader = reader(deliveries);

        service.runUntil(reader, () -> !errors.isEmpty()
                && checkpoints.read(FakeStream.ARN, "shard-b").equals(Optional.of(Checkpoint.shardEnd())));

        assertThat(errors).singleElement().satisfies(error -> {
            assertThat(error.shardId()).contains("shard-a");
            assertThat(error.cause()).isInstanceOf(AwsServiceException.class);
            assertThat(((AwsServiceException) error.cause()).errorCode()).isEqualTo("AccessDeniedException");
        });
        assertThat(deliveries.of("shard-b")).hasSize(4);
        assertThat(deliveries.of("shard-a")).isEmpty();
        assertThat(deliveries.of("shard-a2")).isEmpty();
        ReaderMetrics metrics = reader.metrics();
        assertThat(metrics.shards().get("shard-a").state()).isEqualTo(ShardState.FAILED);
        assertThat(metrics.shards().get("shard-a2").state()).isEqualTo(ShardState.WAITING_FOR_PARENT);
        assertThat(metrics.failures()).isEqualTo(1);
        assertThat(reader.state()).isEqualTo(ReaderState.TERMINATED);
        assertThat(reader.failure()).isEmpty();
    }

    @Test
    void aHandlerThatThrowsStopsItsShardWithoutCheckpointingTheBatch() throws Exception {
        stream.addShard("shard-1", null, 9, true);
        stream.writeAll();
        RuntimeException boom = new RuntimeException("database down");
        Deliveries deliveries = new Deliveries(stream, true);
        AtomicInteger calls = new AtomicInteger();
        StreamReader reader = service.reader()
                .handler(batch -> {
                    if (calls.incrementAndGet() == 2) {
                        throw boom;
                    }
                    deliveries.handle(batch);
                })
                .onError(errors::add)
                .checkpointer(checkpoints)
                .maxRecordsPerBatch(3)
                .build();

        service.runToEnd(reader);

        assertThat(errors.get(0).cause()).isSameAs(boom);
        // A shard without children that failed is not success: awaitTermination returned, and failure() says why.
        assertThat(reader.failure()).get().isInstanceOf(ReadIncompleteException.class);
        assertThat(reader.failure().get().getSuppressed()).containsExactly(boom);
        List<BigInteger> first = deliveries.of("shard-1");
        assertThat(first).isNotEmpty();
        String lastAccepted = first.get(first.size() - 1).toString();
        assertThat(checkpoints.read(FakeStream.ARN, "shard-1")).contains(Checkpoint.afterSequenceNumber(lastAccepted));

        // The next run delivers the refused batch again, and everything after it.
        Deliveries again = new Deliveries(stream, true);
        service.runToEnd(reader(again));
        List<FakeStream.FakeRecord> written = stream.written().get("shard-1");
        assertThat(again.of("shard-1")).containsExactlyElementsOf(written.subList(first.size(), written.size())
                .stream().map(FakeStream.FakeRecord::sequence).toList());
    }

    @Test
    void aStreamThatCannotBeDescribedStopsTheWholeReader() throws Exception {
        Deliveries deliveries = new Deliveries(stream, true);
        StreamReader reader = service.reader()
                .streamArn(FakeStream.ARN + "-deleted")
                .handler(deliveries)
                .onError(errors::add)
                .build();

        service.runToEnd(reader);

        assertThat(reader.failure()).get().isInstanceOf(ResourceNotFoundException.class);
        assertThat(errors).singleElement().satisfies(error -> {
            assertThat(error.shardId()).isEmpty();
            assertThat(error.cause()).isInstanceOf(ResourceNotFoundException.class);
        });
        assertThat(reader.state()).isEqualTo(ReaderState.TERMINATED);
        assertThat(reader.metrics().failures()).isEqualTo(1);
    }
}
