package dev.ddbstreams.streams.reader;

import dev.ddbstreams.streams.reader.checkpoint.Checkpoint;
import dev.ddbstreams.streams.reader.checkpoint.Checkpointer;
import dev.ddbstreams.streams.reader.checkpoint.FileCheckpointer;
import dev.ddbstreams.streams.reader.checkpoint.InMemoryCheckpointer;
import dev.ddbstreams.streams.reader.testing.Deliveries;
import dev.ddbstreams.streams.reader.testing.FakeStream;
import dev.ddbstreams.streams.reader.testing.FakeStreamsService;
import dev.ddbstreams.streams.reader.testing.SimulatedService;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quicktheories.core.Gen;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.booleans;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

/**
 * Over many random schedules of a stream's life (shards splitting and closing, roots trimmed away, records written
 * while the reader runs, throttling, server errors, cut connections, expired iterators and trims at random, the
 * reader stopped and restarted from its checkpoints, in some schedules after more than a day down, long outages
 * of hours with the 24-hour retention trimming and unlisting shards meanwhile, cut error bodies, expired iterators
 * at a shard's start), what the reader promises holds:
 * <ul>
 *   <li>every record written is delivered, or lies inside a gap reported for its shard (after the gap's sequence
 *       number, before the next record delivered), unless the reader could not know of it (trimmed before it had any
 *       position in a shard it was not asked to read whole, or in a shard it never began that was removed whole);
 *   <li>the reader ends by itself once the disabled stream is read, with no error and no failure: never stuck;
 *   <li>within a shard, records arrive in order, and none twice, across the restart too (the first run stops
 *       cleanly), so nothing at or before a checkpoint is delivered again;
 *   <li>no shard's first batch comes before every record of its parent was delivered;
 *   <li>no more shards are handled at once than the reader has threads, no GetRecords call on a shard comes less than
 *       200 ms after the last one, and every shard ends with a shard-end checkpoint.
 * </ul>
 * The seed is fixed for CI; set {@code -DstreamReader.seed=...} to explore others, and
 * {@code -DstreamReader.schedules=...} to run more. A failure shows the schedule, which replays it.
 */
class StreamReaderPropertyTest {

    private static final long SEED = Long.getLong("streamReader.seed", 20240501L);
    private static final int SCHEDULES = Integer.getInteger("streamReader.schedules", 32);
    private static final Duration RETENTION = Duration.ofHours(24);

    @TempDir
    Path dir;

    @Test
    void everyRecordIsDeliveredInOrderThroughSplitsFaultsAndARestart() {
        System.out.println("StreamReaderPropertyTest: seed " + SEED + ", " + SCHEDULES + " schedules");
        qt().withFixedSeed(SEED)
                .withExamples(SCHEDULES)
                .withShrinkCycles(10)
                .forAll(schedules())
                .checkAssert(this::check);
    }

    private static Gen<RandomSchedule> schedules() {
        return longs().all().zip(integers().between(0, 3), integers().between(1, 4), integers().between(0, 12),
                booleans().all(), RandomSchedule::new);
    }

    private void check(RandomSchedule schedule) {
        try (SimulatedService service = new SimulatedService()) {
            new Run(schedule, service, dir).check();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    /** One schedule: its stream, its reader runs, and the checks. */
    private static final class Run {
        private final RandomSchedule schedule;
        private final String name;
        private final SimulatedService service;
        private final FakeStream stream;
        private final Path checkpointFile;
        private final Deliveries deliveries;
        private final List<ReadError> errors = new CopyOnWriteArrayList<>();
        private InMemoryCheckpointer memory = new InMemoryCheckpointer();

        Run(RandomSchedule schedule, SimulatedService service, Path dir) {
            this.schedule = schedule;
            this.name = schedule + " (property seed " + SEED + ": rerun with -DstreamReader.seed=" + SEED + ")";
            this.service = service;
            this.stream = service.stream;
            this.deliveries = new Deliveries(stream, true);
            try {
                this.checkpointFile = Files.createTempFile(dir, "schedule", ".checkpoints");
                Files.delete(checkpointFile);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        void check() throws InterruptedException {
            schedule.planLineage(stream);
            Random random = new Random(schedule.seed() * 31 + 7);
            RandomSchedule.Outage outage = schedule.outage();
            java.util.concurrent.atomic.AtomicInteger requests = new java.util.concurrent.atomic.AtomicInteger();
            FakeStreamsService.Faults faults = schedule.faults(random);
            service.serve(random, (operation, shardId) -> {
                int n = requests.incrementAndGet();
                if (outage != null && n >= outage.startAt() && n < outage.startAt() + outage.requests()) {
                    // Hours pass while the service is down; the 24-hour retention does its work meanwhile.
                    service.clock.advance(outage.lasting().dividedBy(outage.requests()));
                    stream.applyRetention(RETENTION);
                    return FakeStreamsService.Fault.UNAVAILABLE;
                }
                return faults.pick(operation, shardId);
            }, r -> schedule.passTime(stream, r));

            if (schedule.stopAfterBatches() > 0) {
                StreamReader first = newReader();
                deliveries.afterEachBatch(batch -> {
                    if (deliveries.batches() >= schedule.stopAfterBatches()) {
                        first.shutdown();
                    }
                });
                SimulatedService.runToEnd(first);
                deliveries.afterEachBatch(batch -> { });
                assertThat(first.failure()).as("%s: first run failed", name).isEmpty();
                // As between two processes: time passes (more than a day, in some schedules, for the retention to
                // trim and unlist what the reader was reading), and the checkpoints are read back from where they
                // were kept.
                service.clock.advance(schedule.downtime());
                stream.applyRetention(RETENTION);
                stream.forgetReadTimes();
                deliveries.expectOnlyAfter(positions(checkpointer()));
            }
            StreamReader reader = newReader();
            SimulatedService.runToEnd(reader);
            Checkpointer checkpoints = checkpointer();

            assertThat(reader.failure()).as("%s: the reader failed", name).isEmpty();
            assertThat(errors).as("%s: errors reported", name).isEmpty();
            assertThat(deliveries.violations()).as("%s: delivery violations", name).isEmpty();
            assertThat(deliveries.missing()).as("%s: records not delivered", name).isEmpty();
            assertThat(deliveries.maxConcurrentBatches()).as("%s: shards handled at once", name)
                    .isLessThanOrEqualTo(schedule.concurrency());
            assertThat(stream.rateViolations()).as("%s: GetRecords calls too close together", name).isZero();
            assertThat(deliveries.unfinishedShards(checkpoints)).as("%s: shards not checkpointed to their end", name)
                    .isEmpty();
        }

        private StreamReader newReader() {
            return service.reader()
                    .handler(deliveries)
                    .onGap(deliveries)
                    .onError(errors::add)
                    .checkpointer(checkpointer())
                    .maxConcurrentShards(schedule.concurrency())
                    .maxRecordsPerBatch(schedule.maxRecordsPerBatch())
                    .retryBackoff(Duration.ofMillis(50), Duration.ofSeconds(2))
                    .maxPollInterval(Duration.ofSeconds(2))
                    .prefetchPages(schedule.prefetchPages())
                    .maxRecordsInFlight(schedule.maxRecordsInFlight())
                    // Listing the whole stream is the slow path (children are looked up when a shard ends); on the
                    // manual clock a minute passes in an instant whenever nothing else is due.
                    .shardDiscoveryInterval(Duration.ofMinutes(1))
                    .build();
        }

        /** Each time asked, a fresh view of the stored checkpoints: the file is opened again, as by a new process. */
        private Checkpointer checkpointer() {
            return schedule.fileCheckpoints() ? FileCheckpointer.open(checkpointFile) : memory;
        }

        private Map<String, String> positions(Checkpointer checkpoints) {
            Map<String, String> positions = new HashMap<>();
            for (String shardId : stream.shardIds()) {
                checkpoints.read(FakeStream.ARN, shardId).flatMap(Checkpoint::sequenceNumber)
                        .ifPresent(sequence -> positions.put(shardId, sequence));
            }
            return positions;
        }
    }
}
