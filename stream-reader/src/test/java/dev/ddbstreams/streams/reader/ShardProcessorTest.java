package dev.ddbstreams.streams.reader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ddbstreams.streams.reader.checkpoint.Checkpoint;
import dev.ddbstreams.streams.reader.checkpoint.InMemoryCheckpointer;
import dev.ddbstreams.streams.reader.lineage.ShardState;
import dev.ddbstreams.streams.reader.testing.Deliveries;
import dev.ddbstreams.streams.reader.testing.FakeStream;
import dev.ddbstreams.streams.reader.testing.SimulatedService;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What KCL users expect: the shard's life, checkpoints by the application, failure policies, a close deadline. */
class ShardProcessorTest {

    private final SimulatedService service = new SimulatedService();
    private final FakeStream stream = service.stream;
    private final InMemoryCheckpointer checkpoints = new InMemoryCheckpointer();
    private final List<ReadError> errors = new CopyOnWriteArrayList<>();
    private final List<String> events = new CopyOnWriteArrayList<>();

    @AfterEach
    void stopService() {
        service.close();
    }

    /** Records the life of each shard, and hands batches on to {@link Deliveries}. */
    private final class Recording implements ShardProcessor {
        private final Deliveries deliveries;
        private String shardId;

        Recording(Deliveries deliveries) {
            this.deliveries = deliveries;
        }

        @Override
        public void shardStarted(ShardStart start) {
            shardId = start.shardId();
            events.add(shardId + " started at " + start.position().type());
        }

        @Override
        public void processBatch(ShardBatch batch, ShardCheckpointer checkpointer) throws Exception {
            deliveries.handle(batch);
        }

        @Override
        public void shardEnded(ShardCheckpointer checkpointer) {
            events.add(shardId + " ended");
        }

        @Override
        public void shutdownRequested(ShardCheckpointer checkpointer) {
            events.add(shardId + " shutdown requested");
        }
    }

    @Test
    void eachShardIsStartedProcessedAndEndedInOrderParentsBeforeChildren() throws Exception {
        stream.addShard("shard-a", null, 5, true);
        stream.addShard("shard-b", "shard-a", 4, true);
        stream.writeAll();
        Deliveries deliveries = new Deliveries(stream, true);
        StreamReader reader = service.reader().processors(() -> new Recording(deliveries)).onError(errors::add)
                .checkpointer(checkpoints).maxRecordsPerBatch(2).build();

        service.runToEnd(reader);

        assertThat(events).containsExactly("shard-a started at TRIM_HORIZON", "shard-a ended",
                "shard-b started at AT_SEQUENCE_NUMBER", "shard-b ended");
        assertThat(deliveries.missing()).isEmpty();
        assertThat(deliveries.violations()).isEmpty();
        assertThat(errors).isEmpty();
    }

    @Test
    void withApplicationCheckpointsAShardEndsAndItsChildrenStartOnlyOnceItsLastRecordIsCheckpointed()
            throws Exception {
        stream.addShard("shard-a", null, 6, true);
        stream.addShard("shard-b", "shard-a", 3, true);
        stream.writeAll();
        Deliveries deliveries = new Deliveries(stream, true);
        ExecutorService async = Executors.newSingleThreadExecutor();
        // Each batch is "written elsewhere" asynchronously, and checkpointed when that completes.
        ShardProcessor asyncProcessor = new ShardProcessor() {
            @Override
            public void processBatch(ShardBatch batch, ShardCheckpointer checkpointer) {
                deliveries.handle(batch);
                String last = batch.lastSequenceNumber();
                async.execute(() -> checkpointer.checkpoint(last));
            }
        };
        try {
            StreamReader reader = service.reader().processors(() -> asyncProcessor)
                    .checkpointMode(CheckpointMode.BY_APPLICATION).onError(errors::add).checkpointer(checkpoints)
                    .maxRecordsPerBatch(2).build();
            service.runToEnd(reader);
        } finally {
            async.shutdown();
            assertThat(async.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
        }

        assertThat(deliveries.missing()).isEmpty();
        assertThat(deliveries.violations()).isEmpty();
        assertThat(errors).isEmpty();
        assertThat(checkpoints.read(FakeStream.ARN, "shard-b")).contains(Checkpoint.shardEnd());
    }

    @Test
    void theApplicationCannotCheckpointARecordNotDeliveredYetAndAnOlderCheckpointChangesNothing() throws Exception {
        stream.addShard("shard-a", null, 4, true);
        stream.writeAll();
        List<Throwable> refused = new CopyOnWriteArrayList<>();
        StreamReader reader = service.reader().processors(() -> (batch, checkpointer) -> {
            try {
                checkpointer.checkpoint("999999999999999999999999");
            } catch (IllegalArgumentException e) {
                refused.add(e);
            }
            checkpointer.checkpoint();
            checkpointer.checkpoint(batch.records().get(0).dynamodb().sequenceNumber());
        }).checkpointMode(CheckpointMode.BY_APPLICATION).checkpointer(checkpoints).build();

        service.runToEnd(reader);

        assertThat(refused).isNotEmpty().allSatisfy(e -> assertThat(e).hasMessageContaining("last record delivered"));
        assertThat(checkpoints.read(FakeStream.ARN, "shard-a")).contains(Checkpoint.shardEnd());
    }

    @Test
    void aFailedShardIsRetriedFromItsCheckpointWithoutRestartingTheReader() throws Exception {
        stream.addShard("shard-a", null, 9, true);
        stream.addShard("shard-b", "shard-a", 3, true);
        stream.writeAll();
        Deliveries deliveries = new Deliveries(stream, true);
        AtomicInteger calls = new AtomicInteger();
        RuntimeException boom = new RuntimeException("database down");
        StreamReader reader = service.reader()
                .handler(batch -> {
                    if (calls.incrementAndGet() == 2) {
                        throw boom;
                    }
                    deliveries.handle(batch);
                })
                .onShardFailure(FailurePolicy.retry(Duration.ofSeconds(1), Duration.ofSeconds(30)))
                .onError(errors::add)
                .checkpointer(checkpoints)
                .maxRecordsPerBatch(3)
                .build();

        service.runToEnd(reader);

        assertThat(errors).singleElement().satisfies(error -> assertThat(error.cause()).isSameAs(boom));
        assertThat(deliveries.missing()).isEmpty();
        assertThat(deliveries.violations()).isEmpty();
        assertThat(reader.failure()).isEmpty();
    }

    @Test
    void aStoppedShardCanBeRestartedByTheApplication() throws Exception {
        stream.addShard("shard-a", null, 6, true);
        stream.addShard("shard-b", "shard-a", 3, true);
        stream.writeAll();
        stream.disableWhenAllClosed(false);
        Deliveries deliveries = new Deliveries(stream, true);
        AtomicInteger calls = new AtomicInteger();
        StreamReader reader = service.reader()
                .handler(batch -> {
                    if (calls.incrementAndGet() == 1) {
                        throw new IllegalStateException("not yet");
                    }
                    deliveries.handle(batch);
                })
                .onError(errors::add)
                .checkpointer(checkpoints)
                .maxRecordsPerBatch(3)
                .build();
        // The application restarts the shard once it sees it failed: here, before the reader's next call.
        List<Boolean> restarts = new CopyOnWriteArrayList<>();
        service.serve(new java.util.Random(1), dev.ddbstreams.streams.reader.testing.FakeStreamsService.Faults.NONE,
                random -> {
                    ShardMetrics shardA = reader.metrics().shards().get("shard-a");
                    if (restarts.isEmpty() && shardA != null && shardA.state() == ShardState.FAILED) {
                        restarts.add(reader.restartShard("shard-a"));
                        restarts.add(reader.restartShard("shard-a"));
                    }
                });

        service.runUntil(reader,
                () -> checkpoints.read(FakeStream.ARN, "shard-b").equals(java.util.Optional.of(Checkpoint.shardEnd())));

        assertThat(restarts).containsExactly(true, false);
        assertThat(deliveries.missing()).isEmpty();
        assertThat(errors).hasSize(1);
    }

    @Test
    void closeWithADeadlineInterruptsAHungHandlerAndItsBatchIsNotCheckpointed() throws Exception {
        stream.addShard("shard-a", null, 6, false);
        stream.writeAll();
        CountDownLatch inHandler = new CountDownLatch(1);
        List<String> interrupted = new CopyOnWriteArrayList<>();
        StreamReader reader = service.reader()
                .handler(batch -> {
                    inHandler.countDown();
                    try {
                        new CountDownLatch(1).await();
                    } catch (InterruptedException e) {
                        interrupted.add(batch.shardId());
                        throw e;
                    }
                })
                .onError(errors::add)
                .checkpointer(checkpoints)
                .build();
        reader.start();
        assertThat(inHandler.await(30, TimeUnit.SECONDS)).isTrue();

        assertThat(reader.close(Duration.ofMillis(200))).isTrue();

        assertThat(interrupted).containsExactly("shard-a");
        assertThat(reader.state()).isEqualTo(ReaderState.TERMINATED);
        // Still where the shard was begun: nothing of it was handled.
        assertThat(checkpoints.read(FakeStream.ARN, "shard-a"))
                .contains(Checkpoint.atSequenceNumber(stream.written().get("shard-a").get(0).sequenceNumber()));
    }

    @Test
    void theBuilderRefusesSettingsThatContradictEachOther() {
        StreamReader.Builder builder = service.reader().handler(batch -> { });
        assertThatThrownBy(() -> builder.maxRecordsInFlight(10).maxRecordsPerBatch(100).build())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("leaves no room");
        assertThatThrownBy(() -> service.reader().handler(batch -> { }).pollInterval(Duration.ofSeconds(5))
                .maxPollInterval(Duration.ofSeconds(1)).build())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("below pollInterval");
        assertThatThrownBy(() -> builder.prefetchPages(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> FailurePolicy.retry(Duration.ZERO, Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
