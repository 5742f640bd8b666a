package dev.ddbstreams.streams.reader;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ddbstreams.runtime.retry.RetryPolicy;
import dev.ddbstreams.streams.DynamoDbStreamsClient;
import dev.ddbstreams.streams.reader.testing.FakeStream;
import dev.ddbstreams.streams.reader.testing.SimulatedService;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Drains a simulated stream of 64 closed shards of 10,000 records each with a handler that takes 1 ms per record,
 * with prefetching off ({@code prefetchPages(0)}) and on (the default, one page), on the real clock, over real HTTP
 * on loopback, with a service latency per call (the round trip a real service adds). Run on demand, never in CI:
 *
 * <pre>
 * ./mvnw -B -q -pl stream-reader -am test -Dtest=PrefetchBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Dbenchmark.prefetch=true [-Dbenchmark.latencyMs=50] [-Dbenchmark.rounds=2]
 * </pre>
 *
 * It prints records per second for each setting and writes them to {@code stream-reader/target/prefetch-benchmark.txt}.
 */
@EnabledIfSystemProperty(named = "benchmark.prefetch", matches = "true")
class PrefetchBenchmark {

    private static final int SHARDS = 64;
    private static final int RECORDS_PER_SHARD = 10_000;
    private static final long HANDLER_NANOS_PER_RECORD = TimeUnit.MILLISECONDS.toNanos(1);

    @Test
    void recordsPerSecondWithAndWithoutPrefetch() throws Exception {
        Duration latency = Duration.ofMillis(Long.getLong("benchmark.latencyMs", 50));
        int rounds = Integer.getInteger("benchmark.rounds", 2);
        List<String> lines = new ArrayList<>();
        lines.add(String.format("%d shards x %,d records, handler 1 ms/record, service latency %d ms, %d cores, %s",
                SHARDS, RECORDS_PER_SHARD, latency.toMillis(), Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.vm.name") + " " + System.getProperty("java.version")));
        for (int round = 1; round <= rounds; round++) {
            for (int prefetch : new int[] {0, 1}) {
                double perSecond = drain(prefetch, latency);
                String line = String.format("round %d, prefetchPages(%d): %,.0f records/s", round, prefetch, perSecond);
                System.out.println("PrefetchBenchmark: " + line);
                lines.add(line);
            }
        }
        Path out = Path.of("target", "prefetch-benchmark.txt");
        Files.createDirectories(out.getParent());
        Files.write(out, lines);
    }

    private static double drain(int prefetchPages, Duration latency) throws InterruptedException, IOException {
        try (SimulatedService service = new SimulatedService(Clock.systemUTC());
                DynamoDbStreamsClient client = service.client(RetryPolicy.standard())) {
            for (int i = 0; i < SHARDS; i++) {
                service.stream.addShard(String.format("shard-%02d", i), null, RECORDS_PER_SHARD, true);
            }
            service.stream.writeAll();
            service.stream.fullPages(true);
            service.service().latency(latency);
            AtomicLong delivered = new AtomicLong();
            StreamReader reader = StreamReader.builder()
                    .client(client)
                    .streamArn(FakeStream.ARN)
                    .handler(batch -> {
                        LockSupport.parkNanos(batch.records().size() * HANDLER_NANOS_PER_RECORD);
                        delivered.addAndGet(batch.records().size());
                    })
                    .maxConcurrentShards(SHARDS)
                    .maxRecordsPerBatch(1000)
                    .prefetchPages(prefetchPages)
                    .maxRecordsInFlight(SHARDS * 1000 * 3)
                    .build();
            long start = System.nanoTime();
            reader.start();
            assertThat(reader.awaitTermination(Duration.ofMinutes(10))).as("drained within 10 minutes").isTrue();
            long elapsed = System.nanoTime() - start;
            assertThat(delivered.get()).isEqualTo((long) SHARDS * RECORDS_PER_SHARD);
            assertThat(reader.failure()).isEmpty();
            return delivered.get() / (elapsed / 1e9);
        }
    }
}
