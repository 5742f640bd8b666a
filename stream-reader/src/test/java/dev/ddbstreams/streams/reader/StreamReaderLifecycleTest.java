package dev.ddbstreams.streams.reader;

import dev.ddbstreams.streams.reader.checkpoint.Checkpoint;
import dev.ddbstreams.streams.reader.checkpoint.InMemoryCheckpointer;
import dev.ddbstreams.streams.reader.testing.Deliveries;
import dev.ddbstreams.streams.reader.testing.FakeStream;
import dev.ddbstreams.streams.reader.testing.SimulatedService;
import java.math.BigInteger;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Starting, stopping cleanly and restarting from checkpoints; the builder's checks. */
class StreamReaderLifecycleTest {

    private final SimulatedService service = new SimulatedService();
    private final FakeStream stream = service.stream;
    private final InMemoryCheckpointer checkpoints = new InMemoryCheckpointer();

    @AfterEach
    void stopService() {
        service.close();
    }

    @Test
    void closeFinishesTheBatchInHandRecordsItsCheckpointAndReadsNoMore() throws Exception {
        stream.addShard("shard-1", null, 30, true);
        stream.writeAll();
        CountDownLatch inHandler = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger batches = new AtomicInteger();
        AtomicBoolean interruptedInHandler = new AtomicBoolean();
        Deliveries deliveries = new Deliveries(stream, true);
        deliveries.afterEachBatch(batch -> {
            if (batches.incrementAndGet() == 2) {
                inHandler.countDown();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    interruptedInHandler.set(true);
                }
            }
        });
        StreamReader reader = service.reader().handler(deliveries).checkpointer(checkpoints).maxRecordsPerBatch(3).build();
        reader.start();
        assertThat(inHandler.await(30, TimeUnit.SECONDS)).isTrue();

        Thread closer = new Thread(reader::close);
        closer.start();
        // close() waits for the batch in hand: it cannot return while the handler is held.
        closer.join(200);
        assertThat(closer.isAlive()).isTrue();
        assertThat(reader.state()).isEqualTo(ReaderState.STOPPING);
        int requestsWhileStopping = service.service().calls().size();
        release.countDown();
        closer.join(30_000);
        assertThat(closer.isAlive()).isFalse();

        assertThat(reader.state()).isEqualTo(ReaderState.TERMINATED);
        assertThat(interruptedInHandler).isFalse();
        assertThat(batches).hasValue(2);
        assertThat(service.service().calls()).hasSize(requestsWhileStopping);
        List<BigInteger> got = deliveries.of("shard-1");
        assertThat(checkpoints.read(FakeStream.ARN, "shard-1"))
                .contains(Checkpoint.afterSequenceNumber(got.get(got.size() - 1).toString()));
    }

    @Test
    void aReaderRestartedFromCheckpointsDeliversNothingTwice() throws Exception {
        stream.addShard("shard-a", null, 12, true);
        stream.addShard("shard-b", "shard-a", 12, true);
        stream.addShard("shard-c", "shard-a", 12, true);
        stream.writeAll();
        Deliveries deliveries = new Deliveries(stream, true);
        // The first run stops itself in the middle of the lineage, from its handler: close() there cannot wait for
        // its own thread, so it only asks the reader to stop.
        StreamReader[] first = new StreamReader[1];
        deliveries.afterEachBatch(batch -> {
            if (deliveries.batches() == 6) {
                first[0].close();
            }
        });
        first[0] = service.reader().handler(deliveries).checkpointer(checkpoints).maxRecordsPerBatch(3).build();
        service.runToEnd(first[0]);
        // The sixth batch was in hand: it finished and was checkpointed; what was read ahead was dropped.
        assertThat(deliveries.batches()).isEqualTo(6);

        deliveries.afterEachBatch(batch -> { });
        StreamReader second = service.reader().handler(deliveries).checkpointer(checkpoints).maxRecordsPerBatch(3).build();
        service.runToEnd(second);

        assertThat(deliveries.violations()).isEmpty();
        assertThat(deliveries.missing()).isEmpty();
        int total = stream.written().values().stream().mapToInt(List::size).sum();
        assertThat(first[0].metrics().recordsDelivered() + second.metrics().recordsDelivered()).isEqualTo(total);
    }

    @Test
    void startRunsOnceAndAClosedReaderCannotStart() throws Exception {
        stream.addShard("shard-1", null, 1, true);
        stream.writeAll();
        StreamReader reader = service.reader().handler(batch -> { }).build();
        assertThat(reader.state()).isEqualTo(ReaderState.NEW);
        service.runToEnd(reader);
        assertThatThrownBy(reader::start).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("starts once");

        StreamReader neverStarted = service.reader().handler(batch -> { }).build();
        neverStarted.close();
        assertThat(neverStarted.state()).isEqualTo(ReaderState.TERMINATED);
        assertThatThrownBy(neverStarted::start).isInstanceOf(IllegalStateException.class);
        assertThat(neverStarted.awaitTermination(Duration.ZERO)).isTrue();
    }

    @Test
    void theBuilderNamesWhatIsMissingOrWrong() {
        assertThatThrownBy(() -> StreamReader.builder().build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageEndingWith("missing: client, streamArn, handler");
        assertThatThrownBy(() -> StreamReader.builder().client(service.client).handler(b -> { }).build())
                .hasMessageEndingWith("missing: streamArn");
        StreamReader.Builder builder = StreamReader.builder();
        assertThatThrownBy(() -> builder.maxConcurrentShards(0)).hasMessageContaining("at least 1");
        assertThatThrownBy(() -> builder.maxRecordsPerBatch(1001)).hasMessageContaining("1 to 1000");
        assertThatThrownBy(() -> builder.pollInterval(Duration.ofSeconds(-1))).hasMessageContaining("negative");
        assertThatThrownBy(() -> builder.shardDiscoveryInterval(Duration.ZERO)).hasMessageContaining("positive");
        assertThatThrownBy(() -> builder.retryBackoff(Duration.ofSeconds(2), Duration.ofSeconds(1)))
                .hasMessageContaining("below the base");
        assertThatThrownBy(() -> builder.handler(null)).isInstanceOf(NullPointerException.class);
    }
}
