package dev.ddbstreams.streams.reader;

import dev.ddbstreams.streams.reader.checkpoint.Checkpoint;
import dev.ddbstreams.streams.reader.checkpoint.FileCheckpointer;
import dev.ddbstreams.streams.reader.testing.FakeStream;
import dev.ddbstreams.streams.reader.testing.FakeStreamsService;
import dev.ddbstreams.streams.reader.testing.Json;
import dev.ddbstreams.streams.reader.testing.SimulatedService;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import static org.assertj.core.api.Assertions.assertThat;

/** Runs the documented example against the simulated service, with its real clock and pauses. */
class TailStreamTest {

    // The example runs on the system clock; so must the service, whose rate limit it keeps to.
    private final SimulatedService service = new SimulatedService(Clock.systemUTC());
    private final FakeStream stream = service.stream;

    @TempDir
    Path dir;

    @AfterEach
    void stopService() {
        service.close();
    }

    @Test
    void printsEveryChangeMadeAfterItStartedAsOneLineOfJson() throws Exception {
        stream.addShard("shard-1", null, 8, false);
        stream.write("shard-1", 3);
        AtomicBoolean wrote = new AtomicBoolean();
        // Changes made once the example holds its LATEST iterator: those are the ones it prints.
        service.serve(new Random(1), FakeStreamsService.Faults.NONE, random -> {
            if (stream.latestPosition("shard-1") != null && wrote.compareAndSet(false, true)) {
                stream.write("shard-1", 5);
            }
        });
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8);
        Path checkpoints = dir.resolve("tail.checkpoints");

        try (StreamReader reader = TailStream.tail(service.client, FakeStream.ARN, checkpoints, out)) {
            reader.start();
            awaitLines(printed, 5);
        }

        List<String> lines = printed.toString(StandardCharsets.UTF_8).lines().toList();
        List<FakeStream.FakeRecord> changes = stream.written().get("shard-1").subList(3, 8);
        assertThat(lines).hasSize(5);
        for (int i = 0; i < 5; i++) {
            Map<String, Object> json = Json.parseObject(lines.get(i));
            assertThat(json).containsEntry("eventName", "INSERT");
            @SuppressWarnings("unchecked")
            Map<String, Object> dynamodb = (Map<String, Object>) json.get("dynamodb");
            assertThat(dynamodb).containsEntry("SequenceNumber", changes.get(i).sequenceNumber())
                    .containsEntry("Keys", Map.of("OrderId", Map.of("N", Long.toString(changes.get(i).itemId()))));
        }
        assertThat(FileCheckpointer.open(checkpoints).read(FakeStream.ARN, "shard-1"))
                .contains(Checkpoint.afterSequenceNumber(changes.get(4).sequenceNumber()));
    }

    private static void awaitLines(ByteArrayOutputStream printed, int count) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (printed.toString(StandardCharsets.UTF_8).lines().count() < count) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("printed within 30 s: " + printed.toString(StandardCharsets.UTF_8));
            }
            Thread.sleep(10);
        }
    }
}
