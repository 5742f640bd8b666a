package dev.ddbstreams.flink;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ddbstreams.flink.serialization.DynamoDbStreamsDeserializer;
import dev.ddbstreams.flink.testing.CommittingCollector;
import dev.ddbstreams.flink.testing.FailOnce;
import dev.ddbstreams.runtime.retry.RetryPolicy;
import dev.ddbstreams.streams.model.Record;
import dev.ddbstreams.streams.reader.testing.FakeStream;
import dev.ddbstreams.streams.reader.testing.FakeStreamsService;
import dev.ddbstreams.streams.reader.testing.SimulatedService;
import java.math.BigInteger;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.configuration.StateRecoveryOptions;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.core.execution.SavepointFormatType;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.sink.v2.DiscardingSink;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The source on a real Flink runtime (one MiniCluster, parallelism 4) against the simulated service over HTTP, with
 * an exactly-once collecting sink ({@link CommittingCollector}). What it proves, on the committed output: every
 * record written is delivered exactly once, in sequence order within its shard, and no record of a child shard
 * before the last record of its parent; across shard splits made while the job runs, a task failure injected
 * mid-run (recovery from the last checkpoint), and a stop-with-savepoint followed by a restart from it.
 *
 * <p>The stream is written from the test (and, once the test allows, a few records per request the service gets),
 * so each phase is where the test wants it, whatever the machine's speed; every wait is bounded and says what it
 * waited for.
 */
class SourceOnMiniClusterTest {

    private static final int PARALLELISM = 4;

    @RegisterExtension
    static final MiniClusterExtension MINI_CLUSTER = new MiniClusterExtension(
            new MiniClusterResourceConfiguration.Builder()
                    .setNumberTaskManagers(1)
                    .setNumberSlotsPerTaskManager(PARALLELISM)
                    .build());

    /** The simulated services of running tests, by name: a client factory travels with the job, a service cannot. */
    private static final Map<String, SimulatedService> SERVICES = new ConcurrentHashMap<>();

    private final SimulatedService service = new SimulatedService(Clock.systemUTC());
    private final AtomicBoolean writing = new AtomicBoolean();
    private String serviceName;

    @BeforeEach
    void start() {
        serviceName = "service-" + System.nanoTime();
        SERVICES.put(serviceName, service);
        // Once the test allows it, every request makes some writes to the open shards: the table being written to.
        service.serve(new Random(7), FakeStreamsService.Faults.NONE, random -> {
            if (writing.get()) {
                service.stream.writeSome(random);
                service.stream.writeSome(random);
            }
        });
        CommittingCollector.reset();
        FailOnce.disarm();
    }

    @AfterEach
    void stop() {
        SERVICES.remove(serviceName);
        service.close();
    }

    @Test
    void shardSplitsDuringTheJobAndATaskFailureDeliverEveryRecordOnceInOrder() throws Exception {
        // Four roots, each splitting into two children, one of which splits again: 16 shards of 50 records.
        for (int r = 0; r < 4; r++) {
            service.stream.addShard("r" + r, null, 50, true);
            service.stream.addShard("c" + r + "a", "r" + r, 50, true);
            service.stream.addShard("c" + r + "b", "r" + r, 50, true);
            service.stream.addShard("g" + r, "c" + r + "a", 50, true);
            service.stream.write("r" + r, 25);
        }
        JobClient job = job(new Configuration()).executeAsync("shard splits and a failure");

        awaitCommitted(100, "the first 100 records (the roots' first halves) committed", job);
        FailOnce.arm(60);
        writing.set(true);
        job.getJobExecutionResult().get(90, TimeUnit.SECONDS);

        assertThat(FailOnce.failed()).as("the injected task failure happened").isTrue();
        assertDeliveredExactlyOnceInOrder(800);
    }

    @Test
    void stopWithSavepointThenRestartDeliversEveryRecordOnce(@TempDir Path savepoints) throws Exception {
        for (int r = 0; r < 4; r++) {
            service.stream.addShard("r" + r, null, 40, true);
            service.stream.addShard("c" + r, "r" + r, 40, true);
            service.stream.write("r" + r, 20);
        }
        JobClient first = job(new Configuration()).executeAsync("before the savepoint");
        awaitCommitted(80, "every record written so far committed", first);
        String savepoint = first.stopWithSavepoint(false, savepoints.toUri().toString(), SavepointFormatType.CANONICAL)
                .get(60, TimeUnit.SECONDS);
        int beforeRestart = CommittingCollector.committed().size();

        writing.set(true);
        Configuration restore = new Configuration();
        restore.set(StateRecoveryOptions.SAVEPOINT_PATH, savepoint);
        job(restore).executeAsync("restored from the savepoint").getJobExecutionResult().get(90, TimeUnit.SECONDS);

        assertThat(beforeRestart).as("the first job's committed output").isEqualTo(80);
        assertDeliveredExactlyOnceInOrder(320);
    }

    private StreamExecutionEnvironment job(Configuration configuration) {
        configuration.set(RestartStrategyOptions.RESTART_STRATEGY, "fixed-delay");
        configuration.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_ATTEMPTS, 3);
        configuration.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_DELAY, Duration.ofMillis(100));
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(configuration);
        env.setParallelism(PARALLELISM);
        env.enableCheckpointing(100);
        String name = serviceName;
        DynamoDbStreamsSource<String> source = DynamoDbStreamsSource.<String>builder()
                .streamArn(FakeStream.ARN)
                .clientFactory(() -> SERVICES.get(name).client(RetryPolicy.none()))
                .deserializer(DynamoDbStreamsDeserializer.map(SourceOnMiniClusterTest::shardAndSequence, Types.STRING))
                .gapPolicy(GapPolicy.FAIL)
                .shardDiscoveryInterval(Duration.ofMillis(300))
                .pollInterval(Duration.ofMillis(20), Duration.ofMillis(100))
                .retryBackoff(Duration.ofMillis(20), Duration.ofMillis(200))
                .stopAtStreamEnd(true)
                .build();
        env.fromSource(source, WatermarkStrategy.noWatermarks(), "DynamoDB stream")
                .map(new FailOnce())
                .process(new CommittingCollector())
                .sinkTo(new DiscardingSink<>());
        return env;
    }

    /** "shard sequence": the simulated service writes the shard's id into each item. */
    private static String shardAndSequence(Record record) {
        return record.dynamodb().newImage().get("Shard").s() + " " + record.dynamodb().sequenceNumber();
    }

    private static void awaitCommitted(int count, String what, JobClient job) throws Exception {
        await(() -> CommittingCollector.committed().size() >= count, Duration.ofSeconds(60), what, job);
    }

    private static void await(BooleanSupplier condition, Duration limit, String what, JobClient job)
            throws Exception {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Not within " + limit.toSeconds() + " s: " + what + "; committed "
                        + CommittingCollector.committed().size() + ", job " + job.getJobStatus().get());
            }
            if (job.getJobExecutionResult().isDone()) {
                job.getJobExecutionResult().get();
                throw new AssertionError("The job ended before " + what);
            }
            Thread.onSpinWait();
            TimeUnit.MILLISECONDS.sleep(20);
        }
    }

    /**
     * The committed output against what the stream holds: each record exactly once, in order within its shard
     * (by emission), and every record of a child emitted after the last one of its parent.
     */
    private void assertDeliveredExactlyOnceInOrder(int expectedRecords) {
        List<CommittingCollector.Committed> committed = new ArrayList<>(CommittingCollector.committed());
        committed.sort(Comparator.comparingLong(CommittingCollector.Committed::tick));
        Map<String, List<BigInteger>> byShard = new LinkedHashMap<>();
        Map<String, long[]> ticks = new HashMap<>();
        List<String> problems = new ArrayList<>();
        Map<String, Integer> copies = new HashMap<>();
        for (CommittingCollector.Committed value : committed) {
            copies.merge(value.value(), 1, Integer::sum);
            String[] parts = value.value().split(" ");
            List<BigInteger> sequences = byShard.computeIfAbsent(parts[0], s -> new ArrayList<>());
            BigInteger sequence = new BigInteger(parts[1]);
            if (!sequences.isEmpty() && sequence.compareTo(sequences.get(sequences.size() - 1)) <= 0) {
                problems.add(parts[0] + ": " + sequence + " emitted after " + sequences.get(sequences.size() - 1));
            }
            sequences.add(sequence);
            ticks.computeIfAbsent(parts[0], s -> new long[] {Long.MAX_VALUE, Long.MIN_VALUE});
            ticks.get(parts[0])[0] = Math.min(ticks.get(parts[0])[0], value.tick());
            ticks.get(parts[0])[1] = Math.max(ticks.get(parts[0])[1], value.tick());
        }
        copies.forEach((value, count) -> {
            if (count > 1) {
                problems.add(value + " committed " + count + " times");
            }
        });
        int written = 0;
        for (Map.Entry<String, List<FakeStream.FakeRecord>> shard : service.stream.written().entrySet()) {
            for (FakeStream.FakeRecord record : shard.getValue()) {
                written++;
                if (!copies.containsKey(shard.getKey() + " " + record.sequenceNumber())) {
                    problems.add(shard.getKey() + ": record " + record.index() + " never committed");
                }
            }
            String parent = service.stream.parentOf(shard.getKey());
            if (parent != null && ticks.containsKey(shard.getKey()) && ticks.containsKey(parent)
                    && ticks.get(shard.getKey())[0] < ticks.get(parent)[1]) {
                problems.add(shard.getKey() + " had a record emitted before the last record of its parent " + parent);
            }
        }
        assertThat(problems).as("what the committed output got wrong").isEmpty();
        assertThat(written).as("records the stream holds").isEqualTo(expectedRecords);
        assertThat(committed).hasSize(expectedRecords);
    }
}
