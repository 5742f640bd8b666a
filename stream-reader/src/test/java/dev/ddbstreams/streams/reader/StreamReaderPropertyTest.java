package dev.ddbstreams.streams.reader;

import dev.ddbstreams.runtime.retry.Sleeper;
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
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quicktheories.core.Gen;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

/**
 * Over many random schedules of a stream's life (shards splitting and closing, roots trimmed away, records written
 * while the reader runs, throttling, server errors, cut connections, expired iterators and trims at random, the
 * reader stopped and restarted from its checkpoints, in some schedules after more than a day down, long outages
 * of hours with the 24-hour retention trimming and unlisting shards meanwhile, cut error bodies, expired iterators
 * at a shard's start, the process dying at a random point of its first run, the machine stalling for 10 to 40
 * minutes between two steps so that the iterators the reader holds expire), what the reader promises holds:
 * <ul>
 *   <li>every record written is delivered, or lies inside a gap reported for its shard (after the gap's sequence
 *       number, before the next record delivered), unless the reader could not know of it (trimmed before it had any
 *       position in a shard it was not asked to read whole, or in a shard it never began that was removed whole);
 *   <li>the reader ends by itself once the disabled stream is read, with no error and no failure: never stuck;
 *   <li>within a shard, records arrive in order, and none twice, across the restart too (the first run stops
 *       cleanly), so nothing at or before a checkpoint is delivered again;
 *   <li>after a crash (from then on, the dead process's checkpoint writes, deliveries, gap reports and requests
 *       have no effect; a checkpoint write it was in the middle of is cut halfway through its bytes), a new reader
 *       starts from what the checkpointer held, after a second or more than a day: each record was delivered by
 *       one of the two runs or lies in a gap reported by one of them; each run delivers a shard in order; the only
 *       records delivered twice are those after the shard's checkpoint at the crash; nothing of a shard finished
 *       at the crash is delivered again;
 *   <li>no shard's first batch (of a run) comes before every record of its parent was delivered (by that run,
 *       from the parent's checkpoint at the crash on);
 *   <li>no more shards are handled at once than the reader has threads, no GetRecords call on a shard comes less than
 *       200 ms after the last one, and every shard ends with a shard-end checkpoint.
 * </ul>
 * Each schedule runs on a {@code deterministic} reader (one thread, the manual clock moving only while it waits),
 * so a schedule replays exactly, however busy the machine; fewer run again on the reader's threads, where what must
 * hold holds whatever the order in which the threads happen to run.
 *
 * <p>The seed is fixed for CI; set {@code -DstreamReader.seed=...} to explore others, and
 * {@code -DstreamReader.schedules=...} to run more. A failure shows the schedule; replay it with
 * {@code -DstreamReader.replay=seed,faultLevel,concurrency,stopAfterBatches,fileCheckpoints,crash,stalls} (and
 * {@code -DstreamReader.threaded=true} for one found on threads, {@code -DstreamReader.debug=true} to print what the
 * service saw when records went missing).
 */
class StreamReaderPropertyTest {

    private static final long SEED = Long.getLong("streamReader.seed", 20240501L);
    private static final int SCHEDULES = Integer.getInteger("streamReader.schedules", 40);
    private static final int THREADED_SCHEDULES = Integer.getInteger("streamReader.threadedSchedules", 12);
    private static final Duration RETENTION = Duration.ofHours(24);
    /** Stalls are rare: a few per run at most, so that a run takes hours at most, not days. */
    private static final int MAX_STALLS_PER_RUN = 3;

    /** What the schedules of this run played out (crashes by kind, stalls), printed at the end. */
    private static final Map<String, AtomicInteger> PLAYED = new ConcurrentSkipListMap<>();

    @TempDir
    Path dir;

    @AfterAll
    static void printWhatWasPlayed() {
        System.out.println("StreamReaderPropertyTest played: " + PLAYED);
    }

    private static void played(String what) {
        played(what, 1);
    }

    private static void played(String what, int times) {
        PLAYED.computeIfAbsent(what, key -> new AtomicInteger()).addAndGet(times);
    }

    @Test
    void everyRecordIsDeliveredInOrderThroughSplitsFaultsAndARestart() {
        System.out.println("StreamReaderPropertyTest: seed " + SEED + ", " + SCHEDULES + " schedules");
        qt().withFixedSeed(SEED)
                .withExamples(SCHEDULES)
                .withShrinkCycles(10)
                .forAll(schedules())
                .checkAssert(schedule -> check(schedule, false));
    }

    @Test
    void theSameHoldsOnTheReadersThreadsWhateverOrderTheyRunIn() {
        qt().withFixedSeed(SEED + 1)
                .withExamples(THREADED_SCHEDULES)
                .withShrinkCycles(3)
                .forAll(schedules())
                .checkAssert(schedule -> check(schedule, true));
    }

    /**
     * Schedules that once lost records without a report: the first run had begun a shard (held its iterator, read a
     * page ahead) but handled nothing of it when it stopped, and the shard was trimmed away whole while the reader
     * was down for more than a day. Whether the first run got that far depended on how its threads ran.
     */
    @Test
    void schedulesThatOnceLostRecordsReportThemNow() {
        List<RandomSchedule> found = List.of(
                new RandomSchedule(2789268469623713298L, 2, 4, 2, false),
                new RandomSchedule(5723085516416565792L, 2, 4, 4, false),
                new RandomSchedule(5723085516416565792L, 3, 4, 4, true),
                new RandomSchedule(8176757764919257100L, 3, 4, 4, false));
        for (RandomSchedule schedule : found) {
            check(schedule, false);
            check(schedule, true);
        }
    }

    /**
     * Schedules in which the simulated service once listed a shard's children on a later page of a listing that had
     * passed over the shard itself, created meanwhile: the reader took it for a shard trimmed away and never read
     * its records. The service lists shards in the order they are created, so children never come without their
     * parent (the simulation now does too); these schedules must find every record.
     */
    @Test
    void schedulesWhoseListingOnceHidAParentFindEveryRecord() {
        check(new RandomSchedule(-2835643244436015127L, 0, 3, 1, false), false);
        check(new RandomSchedule(4483814883237660335L, 0, 1, 3, true, false, true), false);
    }

    /**
     * The same schedule twice on a deterministic reader: the same calls, at the same times, and the same deliveries;
     * with a clean stop, and with a crash and stalls.
     */
    @Test
    void aDeterministicReaderRepeatsItselfExactly() {
        repeatsItselfExactly(new RandomSchedule(-6067722847165505006L, 3, 4, 11, false));
        repeatsItselfExactly(new RandomSchedule(-6067722847165505006L, 3, 4, 11, true, true, true));
    }

    private void repeatsItselfExactly(RandomSchedule schedule) {
        Run first = check(schedule, false);
        Run second = check(schedule, false);
        assertThat(second.calls).isEqualTo(first.calls).hasSizeGreaterThan(50);
        assertThat(second.deliveries.gapReports()).hasToString(first.deliveries.gapReports().toString());
        for (String shardId : first.stream.shardIds()) {
            assertThat(second.deliveries.of(shardId)).isEqualTo(first.deliveries.of(shardId));
        }
    }

    /** Replays the schedule of {@code -DstreamReader.replay}, {@code -DstreamReader.replays} times. */
    @Test
    void replay() {
        String replay = System.getProperty("streamReader.replay");
        assumeTrue(replay != null, "no -DstreamReader.replay");
        String[] fields = replay.split(",");
        RandomSchedule schedule = new RandomSchedule(Long.parseLong(fields[0].trim()),
                Integer.parseInt(fields[1].trim()), Integer.parseInt(fields[2].trim()),
                Integer.parseInt(fields[3].trim()), Boolean.parseBoolean(fields[4].trim()),
                fields.length > 5 && Boolean.parseBoolean(fields[5].trim()),
                fields.length > 6 && Boolean.parseBoolean(fields[6].trim()));
        for (int i = 0; i < Integer.getInteger("streamReader.replays", 1); i++) {
            check(schedule, Boolean.getBoolean("streamReader.threaded"));
        }
    }

    /** The last draw holds three flags: file checkpoints, a crash rather than a clean stop, and stalls. */
    private static Gen<RandomSchedule> schedules() {
        return longs().all().zip(integers().between(0, 3), integers().between(1, 4), integers().between(0, 12),
                integers().between(0, 7), (seed, faultLevel, concurrency, stopAfterBatches, flags) ->
                        new RandomSchedule(seed, faultLevel, concurrency, stopAfterBatches, (flags & 1) != 0,
                                (flags & 2) != 0, (flags & 4) != 0));
    }

    private Run check(RandomSchedule schedule, boolean threaded) {
        try (SimulatedService service = new SimulatedService()) {
            Run run = new Run(schedule, threaded, service, dir);
            run.check();
            return run;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    /** One schedule: its stream, its reader runs, and the checks. */
    private static final class Run {
        private final RandomSchedule schedule;
        private final boolean threaded;
        private final String name;
        private final SimulatedService service;
        private final FakeStream stream;
        private final Path checkpointFile;
        private final Deliveries deliveries;
        private final List<ReadError> errors = new CopyOnWriteArrayList<>();
        private InMemoryCheckpointer memory = new InMemoryCheckpointer();
        private final List<String> checkpointLog = new CopyOnWriteArrayList<>();
        /** What the service saw, in order, once the reader ran. */
        private List<String> calls;
        /** Where the first run dies, or null. */
        private final RandomSchedule.CrashPoint crashPoint;
        /** Set at the crash: from then on, nothing the first run's process does has any effect. */
        private final AtomicBoolean dead = new AtomicBoolean();
        /** The second run's process, which never dies. */
        private final AtomicBoolean neverDies = new AtomicBoolean();
        /** Held while a checkpoint is written, and to crash: a write is made whole before the crash, or not at all. */
        private final Object crashLock = new Object();
        private final AtomicInteger firstRunRequests = new AtomicInteger();
        private final AtomicInteger firstRunWrites = new AtomicInteger();
        private volatile boolean inFirstRun;
        private volatile StreamReader first;
        private final Random stallRandom;
        private int stallsLeft = MAX_STALLS_PER_RUN;

        Run(RandomSchedule schedule, boolean threaded, SimulatedService service, Path dir) {
            this.schedule = schedule;
            this.threaded = threaded;
            this.name = schedule + (threaded ? " on threads" : "") + " (replay with -DstreamReader.replay="
                    + schedule.seed() + "," + schedule.faultLevel() + "," + schedule.concurrency() + ","
                    + schedule.stopAfterBatches() + "," + schedule.fileCheckpoints() + "," + schedule.crash() + ","
                    + schedule.stalls() + (threaded ? " -DstreamReader.threaded=true" : "") + ")";
            this.service = service;
            this.stream = service.stream;
            this.crashPoint = schedule.crashPoint();
            this.stallRandom = new Random(schedule.seed() ^ 0x57A115L);
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
            AtomicInteger requests = new AtomicInteger();
            FakeStreamsService.Faults faults = schedule.faults(random);
            service.serve(random, (operation, shardId) -> {
                if (inFirstRun && dead.get()) {
                    // The process is dead: what it still sends has no effect on the stream.
                    return FakeStreamsService.Fault.UNAVAILABLE;
                }
                int n = requests.incrementAndGet();
                if (outage != null && n >= outage.startAt() && n < outage.startAt() + outage.requests()) {
                    // Hours pass while the service is down; the 24-hour retention does its work meanwhile.
                    service.clock.advance(outage.lasting().dividedBy(outage.requests()));
                    stream.applyRetention(RETENTION);
                    return FakeStreamsService.Fault.UNAVAILABLE;
                }
                return faults.pick(operation, shardId);
            }, r -> {
                if (inFirstRun && crashPoint != null && crashPoint.kind() == RandomSchedule.CrashKind.AT_REQUEST
                        && firstRunRequests.incrementAndGet() == crashPoint.n()) {
                    crash("as request " + crashPoint.n() + " arrived");
                }
                if (!(inFirstRun && dead.get())) {
                    schedule.passTime(stream, r);
                }
            });

            if (schedule.stopAfterBatches() > 0) {
                first = newReader(dead);
                deliveries.afterEachBatch(batch -> {
                    if (deliveries.batches() < schedule.stopAfterBatches()) {
                        return;
                    }
                    if (crashPoint == null) {
                        first.shutdown();
                    } else if (crashPoint.kind() == RandomSchedule.CrashKind.AFTER_BATCH) {
                        // Handled, and dead before its checkpoint.
                        crash("as the handler of batch " + deliveries.batches() + " returned");
                    }
                });
                inFirstRun = true;
                service.runToEnd(first);
                inFirstRun = false;
                deliveries.afterEachBatch(batch -> { });
                if (!dead.get()) {
                    assertThat(first.failure()).as("%s: first run failed", name).isEmpty();
                }
                // As between two processes: time passes (more than a day, in some schedules, for the retention to
                // trim and unlist what the reader was reading), and the checkpoints are read back from where they
                // were kept.
                service.clock.advance(schedule.downtime());
                stream.applyRetention(RETENTION);
                stream.forgetReadTimes();
                played((dead.get() ? "restart after a crash" : crashPoint != null ? "run ended before its crash"
                        : "clean restart") + (schedule.longDowntime() ? ", over a day down" : ""));
                if (dead.get()) {
                    deliveries.restartAfterCrash(checkpointer(neverDies).list(FakeStream.ARN));
                } else {
                    deliveries.expectOnlyAfter(positions(checkpointer(neverDies)));
                }
            }
            stallsLeft = MAX_STALLS_PER_RUN;
            StreamReader reader = newReader(neverDies);
            service.runToEnd(reader);
            if (schedule.stalls() && schedule.faultLevel() == 0) {
                // Without faults, only a stall expires an iterator.
                played("iterators expired in fault-free schedules with stalls", (int) (reader.metrics().expiredIterators()
                        + (first == null ? 0 : first.metrics().expiredIterators())));
            }
            Checkpointer checkpoints = checkpointer(neverDies);
            calls = service.service().calls().stream().map(call -> call.at() + " " + call.operation() + " "
                    + call.shardId() + " " + call.fault() + " " + call.recordCount() + " " + call.body()).toList();

            try {
                checkWhatHolds(reader, checkpoints);
            } catch (AssertionError e) {
                if (Boolean.getBoolean("streamReader.debug")) {
                    printWhatHappened();
                }
                throw e;
            }
        }

        private void checkWhatHolds(StreamReader reader, Checkpointer checkpoints) {
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

        private void printWhatHappened() {
            System.out.println(name + "\nshards:");
            for (String id : stream.shardIds()) {
                System.out.println("  " + id + " parent=" + stream.parentOf(id) + " gone=" + stream.isGone(id)
                        + " begun=" + stream.begun(id) + " written=" + stream.written().get(id).size()
                        + " trimmed=" + stream.trimmedCount(id) + " unseen=" + stream.trimmedUnseen(id)
                        + " delivered=" + deliveries.of(id).size());
            }
            System.out.println("gaps: " + deliveries.gapReports() + "\ncalls:");
            calls.forEach(call -> System.out.println("  " + call));
            System.out.println("checkpoints:");
            checkpointLog.forEach(line -> System.out.println("  " + line));
        }

        /**
         * The process dies: its checkpoint writes, deliveries, gap reports, errors and requests have no effect from
         * now on, and the reader is only asked to stop, to free its threads.
         */
        private void crash(String where) {
            synchronized (crashLock) {
                die(where);
            }
            first.shutdown();
        }

        /** The instant of death; called holding {@link #crashLock}. */
        private void die(String where) {
            if (dead.compareAndSet(false, true)) {
                played("crash " + crashPoint.kind());
                deliveries.crashed();
                checkpointLog.add(service.clock.instant() + " crashed " + where);
            }
        }

        /** Now and then, in schedules with stalls, the machine stalls: the clock jumps while the reader does nothing. */
        private void maybeStall(AtomicBoolean processDead) {
            Duration stall;
            synchronized (stallRandom) {
                if (processDead.get() || stallsLeft == 0 || !schedule.stallsNow(stallRandom)) {
                    return;
                }
                stallsLeft--;
                stall = schedule.stall(stallRandom);
            }
            played("stall");
            service.clock.advance(stall);
            stream.applyRetention(RETENTION);
            checkpointLog.add(service.clock.instant() + " stalled " + stall);
        }

        /** A reader in a process that is dead once {@code processDead} is set. */
        private StreamReader newReader(AtomicBoolean processDead) {
            Sleeper sleeper = service.clock.sleeper();
            return (threaded ? service.threadedReader() : service.reader())
                    .handler(batch -> {
                        if (processDead == dead && crashPoint != null
                                && crashPoint.kind() == RandomSchedule.CrashKind.BEFORE_BATCH
                                && deliveries.batches() + 1 >= crashPoint.n()) {
                            crash("as the handler of batch " + crashPoint.n() + " began");
                        }
                        deliveries.handle(batch);
                        maybeStall(processDead);
                    })
                    .sleeper(duration -> {
                        maybeStall(processDead);
                        sleeper.sleep(duration);
                    })
                    .onGap(deliveries)
                    .onError(error -> {
                        if (!processDead.get()) {
                            errors.add(error);
                        }
                    })
                    .checkpointer(checkpointer(processDead))
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

        /**
         * Each time asked, a fresh view of the stored checkpoints: the file is opened again, as by a new process.
         * What is written and removed is noted, for {@link #printWhatHappened}. Once {@code processDead} is set,
         * writes and removals have no effect.
         */
        private Checkpointer checkpointer(AtomicBoolean processDead) {
            Checkpointer stored = schedule.fileCheckpoints() ? FileCheckpointer.open(checkpointFile) : memory;
            return new Checkpointer() {
                @Override
                public Optional<Checkpoint> read(String streamArn, String shardId) {
                    return stored.read(streamArn, shardId);
                }

                @Override
                public void write(String streamArn, String shardId, Checkpoint checkpoint) {
                    synchronized (crashLock) {
                        if (processDead.get()) {
                            return;
                        }
                        if (!(inFirstRun && crashPoint != null
                                && crashPoint.kind() == RandomSchedule.CrashKind.IN_CHECKPOINT_WRITE
                                && firstRunWrites.incrementAndGet() == crashPoint.n())) {
                            stored.write(streamArn, shardId, checkpoint);
                            checkpointLog.add(service.clock.instant() + " " + shardId + " " + checkpoint);
                            return;
                        }
                        writeCutHalfway(stored, streamArn, shardId, checkpoint);
                        // Dead before another thread can write: its line would go after the one cut short.
                        die("writing " + shardId + " " + checkpoint);
                    }
                    first.shutdown();
                }

                @Override
                public Map<String, Checkpoint> list(String streamArn) {
                    return stored.list(streamArn);
                }

                @Override
                public void remove(String streamArn, Collection<String> shardIds) {
                    synchronized (crashLock) {
                        if (processDead.get()) {
                            return;
                        }
                        stored.remove(streamArn, shardIds);
                        checkpointLog.add(service.clock.instant() + " removed " + shardIds);
                    }
                }
            };
        }

        /**
         * The write a crash interrupts: in memory, not made; in the file, the line it appends is cut halfway through
         * its bytes (or, when the write compacted the file, the file is left as it was before the rename).
         */
        private void writeCutHalfway(Checkpointer stored, String streamArn, String shardId, Checkpoint checkpoint) {
            if (!schedule.fileCheckpoints()) {
                return;
            }
            try {
                byte[] before = Files.exists(checkpointFile) ? Files.readAllBytes(checkpointFile) : new byte[0];
                stored.write(streamArn, shardId, checkpoint);
                byte[] after = Files.readAllBytes(checkpointFile);
                boolean appended = after.length > before.length
                        && Arrays.equals(before, Arrays.copyOf(after, before.length));
                Files.write(checkpointFile, appended
                        ? Arrays.copyOf(after, before.length + (after.length - before.length) / 2) : before);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private Map<String, String> positions(Checkpointer checkpoints) {
            Map<String, String> positions = new HashMap<>();
            for (String shardId : stream.shardIds()) {
                checkpoints.read(FakeStream.ARN, shardId).flatMap(Checkpoint::lastHandled)
                        .ifPresent(sequence -> positions.put(shardId, sequence));
            }
            return positions;
        }
    }
}
