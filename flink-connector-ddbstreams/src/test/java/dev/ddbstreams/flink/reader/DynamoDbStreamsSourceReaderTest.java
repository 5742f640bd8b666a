package dev.ddbstreams.flink.reader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ddbstreams.flink.GapPolicy;
import dev.ddbstreams.flink.InitialPosition;
import dev.ddbstreams.flink.SourceSettings;
import dev.ddbstreams.flink.event.FinishedSplitsAcknowledged;
import dev.ddbstreams.flink.event.SplitsFinishedEvent;
import dev.ddbstreams.flink.serialization.DynamoDbStreamsDeserializer;
import dev.ddbstreams.flink.split.ShardSplit;
import dev.ddbstreams.runtime.retry.RetryPolicy;
import dev.ddbstreams.streams.model.Record;
import dev.ddbstreams.streams.reader.consume.ShardPosition;
import dev.ddbstreams.streams.reader.testing.FakeStream;
import dev.ddbstreams.streams.reader.testing.FakeStreamsService;
import dev.ddbstreams.streams.reader.testing.SimulatedService;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.connector.testutils.source.reader.TestingReaderContext;
import org.apache.flink.connector.testutils.source.reader.TestingReaderOutput;
import org.apache.flink.core.io.InputStatus;
import org.apache.flink.metrics.testutils.MetricListener;
import org.apache.flink.runtime.metrics.groups.InternalSourceReaderMetricGroup;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * One parallel reader against the simulated service over HTTP: what it emits, what its checkpoints hold, and how it
 * reports a finished shard until the enumerator has acknowledged it.
 */
// "try": a reader's close() may throw InterruptedException, which a test may well let through.
@SuppressWarnings("try")
class DynamoDbStreamsSourceReaderTest {

    private final SimulatedService service = new SimulatedService(Clock.systemUTC());
    private final TestingReaderContext context = new TestingReaderContext();
    private final TestingReaderOutput<Record> output = new TestingReaderOutput<>();

    @AfterEach
    void close() {
        service.close();
    }

    @Test
    void aFinishedSplitStaysInCheckpointsUntilTheEnumeratorAcknowledgesIt() throws Exception {
        service.stream.addShard("r0", null, 5, true);
        service.stream.writeAll();
        service.stream.fullPages(true);
        try (DynamoDbStreamsSourceReader<Record> reader = reader(InitialPosition.TRIM_HORIZON)) {
            reader.start();
            reader.addSplits(List.of(split("r0", ShardPosition.trimHorizon(), null)));
            pollUntil(reader, () -> !context.getSentEvents().isEmpty(), "r0 reported finished");

            assertThat(sequenceNumbersEmitted()).isEqualTo(sequenceNumbers("r0", 0, 5));
            assertThat(context.getSentEvents()).containsExactly(new SplitsFinishedEvent(List.of("r0")));
            ShardSplit checkpointed = reader.snapshotState(1).get(0);
            assertThat(checkpointed.finished()).isTrue();
            assertThat(checkpointed.position()).isEqualTo(ShardPosition.after(sequenceNumbers("r0", 4, 5).get(0)));

            reader.handleSourceEvents(new FinishedSplitsAcknowledged(List.of("r0")));
            assertThat(reader.snapshotState(2)).isEmpty();
        }
    }

    @Test
    void aReaderRestoredWithAFinishedSplitReportsItAgainWithoutReadingIt() throws Exception {
        service.stream.addShard("r0", null, 5, true);
        service.stream.writeAll();
        try (DynamoDbStreamsSourceReader<Record> reader = reader(InitialPosition.TRIM_HORIZON)) {
            reader.start();
            reader.addSplits(List.of(split("r0", ShardPosition.after(sequenceNumbers("r0", 4, 5).get(0)), null)
                    .asFinished()));
            assertThat(context.getSentEvents()).containsExactly(new SplitsFinishedEvent(List.of("r0")));
            assertThat(reader.snapshotState(1)).extracting(ShardSplit::finished).containsExactly(true);
            assertThat(service.service().calls("GetShardIterator")).isEmpty();
        }
    }

    @Test
    void aRestoredSplitResumesRightAfterTheLastRecordEmitted() throws Exception {
        service.stream.addShard("r0", null, 6, true);
        service.stream.writeAll();
        service.stream.fullPages(true);
        try (DynamoDbStreamsSourceReader<Record> reader = reader(InitialPosition.TRIM_HORIZON)) {
            reader.start();
            reader.addSplits(List.of(split("r0", ShardPosition.after(sequenceNumbers("r0", 2, 3).get(0)), null)));
            pollUntil(reader, () -> !context.getSentEvents().isEmpty(), "r0 reported finished");
            assertThat(sequenceNumbersEmitted()).isEqualTo(sequenceNumbers("r0", 3, 6));
        }
    }

    @Test
    void atTimestampSkipsRecordsCreatedBeforeTheTimeAndStampsEventTime() throws Exception {
        // On a manual clock that moves one second per request, so the records' creation times differ.
        SimulatedService manual = new SimulatedService();
        try (manual) {
            manual.serve(new Random(1), FakeStreamsService.Faults.NONE, random -> manual.clock.advance(
                    Duration.ofSeconds(1)));
            manual.stream.addShard("r0", null, 5, true);
            manual.stream.write("r0", 2);
            manual.clock.advance(Duration.ofSeconds(10));
            Instant from = manual.clock.instant();
            manual.stream.write("r0", 3);
            manual.stream.fullPages(true);
            SourceSettings settings = settings(() -> manual.client(RetryPolicy.none()),
                    InitialPosition.atTimestamp(from));
            try (DynamoDbStreamsSourceReader<Record> reader = new DynamoDbStreamsSourceReader<>(settings,
                    DynamoDbStreamsDeserializer.records(), context)) {
                reader.start();
                reader.addSplits(List.of(split("r0", ShardPosition.trimHorizon(), from.toEpochMilli())));
                pollUntil(reader, () -> !context.getSentEvents().isEmpty(), "r0 reported finished");
                assertThat(output.getEmittedRecords()).extracting(r -> r.dynamodb().sequenceNumber())
                        .containsExactlyElementsOf(manual.stream.written().get("r0").subList(2, 5).stream()
                                .map(FakeStream.FakeRecord::sequenceNumber).toList());
                assertThat(output.getEmittedRecords()).allSatisfy(r ->
                        assertThat(r.dynamodb().approximateCreationDateTime()).isAfterOrEqualTo(from));
            }
        }
    }

    @Test
    void shardMetricsCountRecordsIteratorRefreshesAndGaps() throws Exception {
        service.stream.addShard("r0", null, 6, true);
        service.stream.writeAll();
        service.stream.fullPages(true);
        service.stream.trim("r0", 2); // the shard's first two records are gone before they were read
        AtomicBoolean expired = new AtomicBoolean();
        service.serve(new Random(1), (operation, shardId) -> operation.equals("GetRecords")
                && expired.compareAndSet(false, true) ? FakeStreamsService.Fault.EXPIRED_ITERATOR
                : FakeStreamsService.Fault.NONE, random -> { });
        MetricListener metrics = new MetricListener();
        TestingReaderContext measured = new TestingReaderContext(new Configuration(),
                InternalSourceReaderMetricGroup.mock(metrics.getMetricGroup()));
        SourceSettings settings = new SourceSettings(FakeStream.ARN, () -> service.client(RetryPolicy.none()),
                InitialPosition.TRIM_HORIZON, GapPolicy.LOG, Duration.ofSeconds(1), Duration.ofMillis(10),
                Duration.ofMillis(50), 1000, Duration.ofMillis(10), Duration.ofMillis(100), false, true);
        try (DynamoDbStreamsSourceReader<Record> reader = new DynamoDbStreamsSourceReader<>(settings,
                DynamoDbStreamsDeserializer.records(), measured)) {
            reader.start();
            // Owed whole (as a child would be): from its own first record, so the trim is a gap.
            reader.addSplits(List.of(split("r0", ShardPosition.at(sequenceNumbers("r0", 0, 1).get(0)), null)));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (measured.getSentEvents().isEmpty() && System.nanoTime() < deadline) {
                if (reader.pollNext(output) == InputStatus.NOTHING_AVAILABLE) {
                    try {
                        reader.isAvailable().get(100, TimeUnit.MILLISECONDS);
                    } catch (java.util.concurrent.TimeoutException e) {
                        // Poll again until the deadline.
                    }
                }
            }
        }
        assertThat(sequenceNumbersEmitted()).isEqualTo(sequenceNumbers("r0", 2, 6));
        assertThat(metrics.getCounter("shardId", "r0", "records")).map(c -> c.getCount()).contains(4L);
        assertThat(metrics.getCounter("shardId", "r0", "gaps")).map(c -> c.getCount()).contains(1L);
        assertThat(metrics.getCounter("shardId", "r0", "iteratorRefreshes")).map(c -> c.getCount()).contains(1L);
        assertThat(metrics.<Long>getGauge("shardId", "r0", "millisBehindLatest")).map(g -> g.getValue())
                .hasValueSatisfying(lag -> assertThat(lag).isBetween(0L, 60_000L));
    }

    @Test
    void gapPolicyFailStopsTheReaderWithTheGapNamed() throws Exception {
        service.stream.addShard("r0", null, 4, true);
        service.stream.writeAll();
        service.stream.trim("r0", 2);
        try (DynamoDbStreamsSourceReader<Record> reader = reader(InitialPosition.TRIM_HORIZON)) {
            reader.start();
            reader.addSplits(List.of(split("r0", ShardPosition.at(sequenceNumbers("r0", 0, 1).get(0)), null)));
            assertThatThrownBy(() -> pollUntil(reader, () -> false, "the gap to fail the reader"))
                    .hasStackTraceContaining("Records lost (GapPolicy.FAIL)")
                    .hasStackTraceContaining("shard=r0");
            assertThat(output.getEmittedRecords()).isEmpty();
        }
    }

    private DynamoDbStreamsSourceReader<Record> reader(InitialPosition initial) {
        return new DynamoDbStreamsSourceReader<>(settings(() -> service.client(RetryPolicy.none()), initial),
                DynamoDbStreamsDeserializer.records(), context);
    }

    private static SourceSettings settings(dev.ddbstreams.flink.ClientFactory clients, InitialPosition initial) {
        return new SourceSettings(FakeStream.ARN, clients, initial, GapPolicy.FAIL, Duration.ofSeconds(1),
                Duration.ofMillis(10), Duration.ofMillis(50), 1000, Duration.ofMillis(10), Duration.ofMillis(100),
                false, true);
    }

    private ShardSplit split(String shardId, ShardPosition position, Long skipBefore) {
        FakeStream.ShardView view = service.stream.describe(null, null).stream()
                .filter(s -> s.shardId().equals(shardId)).findFirst().orElse(null);
        String start = view == null ? null : view.startingSequenceNumber();
        String end = view == null ? null : view.endingSequenceNumber();
        return new ShardSplit(shardId, null, start, end, position, skipBefore, false);
    }

    /** Polls the reader as Flink's task would, waiting on its availability, until {@code done} (10 s at most). */
    private void pollUntil(DynamoDbStreamsSourceReader<Record> reader, BooleanSupplier done, String what)
            throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within 10 s: " + what + "; emitted " + output.getEmittedRecords().size()
                        + ", events " + context.getSentEvents());
            }
            InputStatus status = reader.pollNext(output);
            if (status == InputStatus.NOTHING_AVAILABLE) {
                try {
                    reader.isAvailable().get(100, TimeUnit.MILLISECONDS);
                } catch (java.util.concurrent.TimeoutException e) {
                    // Poll again: the deadline bounds the wait.
                }
            }
        }
    }

    private List<String> sequenceNumbersEmitted() {
        return output.getEmittedRecords().stream().map(r -> r.dynamodb().sequenceNumber()).toList();
    }

    private List<String> sequenceNumbers(String shardId, int from, int to) {
        return service.stream.written().get(shardId).subList(from, to).stream()
                .map(FakeStream.FakeRecord::sequenceNumber).toList();
    }
}
