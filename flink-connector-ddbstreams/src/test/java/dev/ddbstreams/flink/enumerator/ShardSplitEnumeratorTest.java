package dev.ddbstreams.flink.enumerator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ddbstreams.flink.GapPolicy;
import dev.ddbstreams.flink.InitialPosition;
import dev.ddbstreams.flink.SourceSettings;
import dev.ddbstreams.flink.event.FinishedSplitsAcknowledged;
import dev.ddbstreams.flink.event.SplitsFinishedEvent;
import dev.ddbstreams.flink.split.ShardSplit;
import dev.ddbstreams.runtime.retry.RetryPolicy;
import dev.ddbstreams.streams.model.ShardIteratorType;
import dev.ddbstreams.streams.reader.consume.ShardPosition;
import dev.ddbstreams.streams.reader.lineage.ShardDiscovery;
import dev.ddbstreams.streams.reader.testing.FakeStream;
import dev.ddbstreams.streams.reader.testing.SimulatedService;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.flink.connector.testutils.source.reader.TestingSplitEnumeratorContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The enumerator's assignment logic with Flink's testing context, against the simulated service over HTTP: which
 * shards are assigned when, to which reader, from where, and what survives a checkpoint.
 */
class ShardSplitEnumeratorTest {

    private final SimulatedService service = new SimulatedService();
    private TestingSplitEnumeratorContext<ShardSplit> context = new TestingSplitEnumeratorContext<>(2);

    @AfterEach
    void close() {
        service.close();
    }

    @Test
    void rootsFirstBalancedOverReadersAndChildrenOnlyAfterTheirParentFinished() {
        service.stream.addShard("r0", null, 3, true);
        service.stream.addShard("r1", null, 3, false);
        service.stream.addShard("r2", null, 3, false);
        service.stream.addShard("c0a", "r0", 2, false);
        service.stream.addShard("c0b", "r0", 2, false);
        service.stream.writeAll();
        ShardSplitEnumerator enumerator = started(InitialPosition.TRIM_HORIZON, false, 0, 1);

        assertThat(assignments()).isEqualTo(Map.of(0, List.of("r0", "r2"), 1, List.of("r1")));
        assertThat(split("r0").position()).isEqualTo(ShardPosition.trimHorizon());

        enumerator.handleSourceEvent(0, new SplitsFinishedEvent(List.of("r0")));
        assertThat(assignments()).as("children wait for a checkpoint after the end").doesNotContainValue(
                List.of("r0", "r2", "c0a"));
        checkpoint(enumerator);

        // The children are known from the listing, so no CHILD_SHARDS call is needed; each reader holds one split
        // after r0 finished, so the first child goes to reader 0 and the second to reader 1.
        assertThat(assignments()).isEqualTo(Map.of(0, List.of("r0", "r2", "c0a"), 1, List.of("r1", "c0b")));
        assertThat(split("c0a").position()).isEqualTo(ShardPosition.at(service.stream.describe(null, null).stream()
                .filter(s -> s.shardId().equals("c0a")).findFirst().orElseThrow().startingSequenceNumber()));
        assertThat(context.getSentEvents().get(0)).containsExactly(new FinishedSplitsAcknowledged(List.of("r0")));
    }

    @Test
    void childrenOfAFinishedParentAreLookedUpWithTheChildShardsFilter() {
        service.stream.addShard("r0", null, 3, true);
        service.stream.addShard("c0", "r0", 2, false);
        service.stream.write("r0", 1);
        ShardSplitEnumerator enumerator = started(InitialPosition.TRIM_HORIZON, false, 0);
        assertThat(assignments()).isEqualTo(Map.of(0, List.of("r0")));

        service.stream.write("r0", 2); // r0 closes, c0 appears
        enumerator.handleSourceEvent(0, new SplitsFinishedEvent(List.of("r0")));
        checkpoint(enumerator);
        context.getExecutorService().triggerAll();

        assertThat(assignments()).isEqualTo(Map.of(0, List.of("r0", "c0")));
        assertThat(service.service().calls("DescribeStream"))
                .anySatisfy(call -> assertThat(call.body()).containsKey("ShardFilter"));
    }

    @Test
    void aFinishedReportIsTakenOnceAndAcknowledgedEachTime() {
        service.stream.addShard("r0", null, 1, true);
        service.stream.addShard("c0", "r0", 1, false);
        service.stream.writeAll();
        ShardSplitEnumerator enumerator = started(InitialPosition.TRIM_HORIZON, false, 0, 1);

        enumerator.handleSourceEvent(0, new SplitsFinishedEvent(List.of("r0")));
        enumerator.handleSourceEvent(0, new SplitsFinishedEvent(List.of("r0")));
        assertThat(context.getSentEvents()).as("no acknowledgement before the end is final").isEmpty();
        checkpoint(enumerator);
        enumerator.handleSourceEvent(1, new SplitsFinishedEvent(List.of("r0")));

        // c0 is assigned once; with both readers empty again, to the lower one.
        assertThat(assignments()).isEqualTo(Map.of(0, List.of("r0", "c0")));
        assertThat(context.getSentEvents().get(0)).containsExactly(new FinishedSplitsAcknowledged(List.of("r0")));
        assertThat(context.getSentEvents().get(1)).containsExactly(new FinishedSplitsAcknowledged(List.of("r0")));
    }

    @Test
    void anEndReportedByAReaderThatFailsBeforeTheCheckpointCompletesIsNotFinal() {
        service.stream.addShard("r0", null, 1, true);
        service.stream.addShard("c0", "r0", 1, false);
        service.stream.writeAll();
        ShardSplitEnumerator enumerator = started(InitialPosition.TRIM_HORIZON, false, 0, 1);
        enumerator.handleSourceEvent(0, new SplitsFinishedEvent(List.of("r0")));
        EnumeratorState taken = enumerator.snapshotState(1);
        assertThat(taken.finishedShardIds()).as("restored from this checkpoint, the end is final")
                .containsExactly("r0");

        // Reader 0 fails before checkpoint 1 completes: it restarts from an earlier one that still reads r0.
        enumerator.addSplitsBack(List.of(), 0);
        enumerator.notifyCheckpointComplete(1);
        assertThat(assignments()).isEqualTo(Map.of(0, List.of("r0")));
        assertThat(enumerator.snapshotState(2).assignedShardIds()).containsExactly("r0");

        // It reads r0's tail again and reports the end again (restored with r0 marked finished, it would report
        // before registering), then registers; this time a checkpoint completes after the report.
        enumerator.handleSourceEvent(0, new SplitsFinishedEvent(List.of("r0")));
        enumerator.addReader(0);
        enumerator.notifyCheckpointComplete(2);
        assertThat(assignments()).as("checkpoint 2 was taken before the new report").isEqualTo(
                Map.of(0, List.of("r0")));
        enumerator.snapshotState(3);
        enumerator.notifyCheckpointComplete(3);
        assertThat(assignments()).isEqualTo(Map.of(0, List.of("r0", "c0")));
    }

    @Test
    void latestSkipsClosedShardsAndStartsOpenOnesAtLatest() {
        service.stream.addShard("r0", null, 2, true);
        service.stream.addShard("c0", "r0", 2, false);
        service.stream.addShard("r1", null, 2, false);
        service.stream.writeAll();
        started(InitialPosition.LATEST, false, 0);

        assertThat(assignments()).isEqualTo(Map.of(0, List.of("r1", "c0")));
        assertThat(split("r1").position()).isEqualTo(ShardPosition.latest());
        assertThat(split("c0").position()).isEqualTo(ShardPosition.latest());
    }

    @Test
    void atTimestampReadsFromTheOldestRecordAndSkipsWhatCameBefore() {
        service.stream.addShard("r0", null, 2, false);
        service.stream.writeAll();
        Instant from = Instant.parse("2024-05-01T12:00:00Z");
        started(InitialPosition.atTimestamp(from), false, 0);

        assertThat(split("r0").position().type()).isEqualTo(ShardIteratorType.TRIM_HORIZON);
        assertThat(split("r0").skipBeforeMillis()).contains(from.toEpochMilli());
    }

    @Test
    void aRestoredEnumeratorKeepsFinishedAssignedAndPendingShardsAndReassignsWhatComesBack() throws IOException {
        service.stream.addShard("r0", null, 1, true);
        service.stream.addShard("c0", "r0", 1, true);
        service.stream.addShard("g0", "c0", 1, false);
        service.stream.writeAll();
        ShardSplitEnumerator enumerator = started(InitialPosition.TRIM_HORIZON, false, 0);
        enumerator.handleSourceEvent(0, new SplitsFinishedEvent(List.of("r0")));
        checkpoint(enumerator);
        EnumeratorState state = EnumeratorStateSerializer.INSTANCE.deserialize(1,
                EnumeratorStateSerializer.INSTANCE.serialize(enumerator.snapshotState(1)));
        assertThat(state.finishedShardIds()).containsExactly("r0");
        assertThat(state.assignedShardIds()).containsExactly("c0");
        assertThat(state.knownShards()).extracting(s -> s.shardId()).containsExactly("r0", "c0", "g0");

        context = new TestingSplitEnumeratorContext<>(2);
        ShardSplitEnumerator restored = new ShardSplitEnumerator(context, settings(InitialPosition.TRIM_HORIZON,
                false), new ShardDiscovery(service.client, FakeStream.ARN), service.client(
                        RetryPolicy.none()), state);
        context.registerReader(1, "localhost");
        restored.start();
        context.getExecutorService().triggerPeriodicScheduledTasks();
        // c0 is held by a restored reader: not assigned again; g0 waits for it.
        assertThat(assignments()).isEmpty();

        ShardSplit c0 = ShardSplit.of(service.client.describeStream(r -> r.streamArn(FakeStream.ARN))
                .streamDescription().shards().get(1), ShardPosition.after("5"), null);
        restored.addSplitsBack(List.of(c0), 0);
        assertThat(assignments()).isEqualTo(Map.of(1, List.of("c0")));
        assertThat(split("c0")).isEqualTo(c0);

        restored.handleSourceEvent(1, new SplitsFinishedEvent(List.of("c0")));
        checkpoint(restored);
        assertThat(assignments()).isEqualTo(Map.of(1, List.of("c0", "g0")));
    }

    @Test
    void aBoundedSourceEndsOnceTheDisabledStreamIsReadWhole() {
        service.stream.addShard("r0", null, 1, true);
        service.stream.addShard("c0", "r0", 1, true);
        service.stream.writeAll();
        ShardSplitEnumerator enumerator = started(InitialPosition.TRIM_HORIZON, true, 0, 1);
        assertThat(context.getSplitAssignments().get(0).hasReceivedNoMoreSplitsSignal()).isFalse();

        enumerator.handleSourceEvent(0, new SplitsFinishedEvent(List.of("r0")));
        checkpoint(enumerator);
        assertThat(context.getSplitAssignments().get(0).hasReceivedNoMoreSplitsSignal()).isFalse();
        enumerator.handleSourceEvent(1, new SplitsFinishedEvent(List.of("c0")));
        checkpoint(enumerator);

        assertThat(context.getSplitAssignments().get(0).hasReceivedNoMoreSplitsSignal()).isTrue();
        assertThat(context.getSplitAssignments().get(1).hasReceivedNoMoreSplitsSignal()).isTrue();
        // A reader that registers later (after a failover) is told at once.
        context.registerReader(2, "localhost");
        enumerator.addReader(2);
        assertThat(context.getSplitAssignments().get(2).hasReceivedNoMoreSplitsSignal()).isTrue();
    }

    @Test
    void anUnboundedSourceNeverEnds() {
        service.stream.addShard("r0", null, 1, true);
        service.stream.writeAll();
        ShardSplitEnumerator enumerator = started(InitialPosition.TRIM_HORIZON, false, 0);
        enumerator.handleSourceEvent(0, new SplitsFinishedEvent(List.of("r0")));
        checkpoint(enumerator);
        context.getExecutorService().triggerAll();
        assertThat(context.getSplitAssignments().get(0).hasReceivedNoMoreSplitsSignal()).isFalse();
    }

    private long checkpointId;

    /** A checkpoint taken and completed. */
    private void checkpoint(ShardSplitEnumerator enumerator) {
        checkpointId++;
        enumerator.snapshotState(checkpointId);
        enumerator.notifyCheckpointComplete(checkpointId);
    }

    private ShardSplitEnumerator started(InitialPosition initial, boolean bounded, int... readers) {
        for (int reader : readers) {
            context.registerReader(reader, "localhost");
        }
        ShardSplitEnumerator enumerator = new ShardSplitEnumerator(context, settings(initial, bounded),
                new ShardDiscovery(service.client, FakeStream.ARN),
                service.client(RetryPolicy.none()), EnumeratorState.initial());
        enumerator.start();
        context.getExecutorService().triggerPeriodicScheduledTasks();
        for (int reader : readers) {
            enumerator.addReader(reader);
        }
        return enumerator;
    }

    private SourceSettings settings(InitialPosition initial, boolean bounded) {
        return new SourceSettings(FakeStream.ARN, () -> service.client, initial, GapPolicy.LOG, Duration.ofSeconds(1),
                Duration.ofMillis(10), Duration.ofMillis(10), 1000, Duration.ofMillis(10), Duration.ofMillis(100),
                bounded, true);
    }

    private Map<Integer, List<String>> assignments() {
        Map<Integer, List<String>> byReader = new TreeMap<>();
        context.getSplitAssignments().forEach((reader, state) -> {
            if (!state.getAssignedSplits().isEmpty()) {
                byReader.put(reader, state.getAssignedSplits().stream().map(ShardSplit::shardId)
                        .collect(Collectors.toList()));
            }
        });
        return byReader;
    }

    private ShardSplit split(String shardId) {
        return context.getSplitAssignments().values().stream()
                .flatMap(state -> state.getAssignedSplits().stream())
                .filter(split -> split.shardId().equals(shardId))
                .reduce((first, second) -> second)
                .orElseThrow(() -> new AssertionError(shardId + " was not assigned"));
    }
}
