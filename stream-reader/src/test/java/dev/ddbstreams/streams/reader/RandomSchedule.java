package dev.ddbstreams.streams.reader;

import dev.ddbstreams.streams.reader.checkpoint.FileCheckpointer;
import dev.ddbstreams.streams.reader.testing.FakeStream;
import dev.ddbstreams.streams.reader.testing.FakeStreamsService.Fault;
import dev.ddbstreams.streams.reader.testing.FakeStreamsService;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * One random history of a stream for the property test: a lineage of shards that split and roll over (some roots
 * already trimmed away), records written while the reader runs, faults at random, whether the reader is stopped
 * halfway (or its process dies) and restarted from its checkpoints, and whether the machine stalls now and then.
 * Everything follows from the fields, so a failing schedule can be run again from its description.
 *
 * @param seed drives the lineage, the writes and the faults
 * @param faultLevel 0 (none) to 3 (often): scales every fault's rate
 * @param concurrency the reader's maxConcurrentShards
 * @param stopAfterBatches stop the first run after this many batches (or crash near there, see {@link #crash()})
 *     and start a second; 0 for one run
 * @param fileCheckpoints whether checkpoints go to a {@link FileCheckpointer} (else in memory)
 * @param crash whether the first run ends in a crash (see {@link #crashPoint()}) rather than a clean stop
 * @param stalls whether the machine stalls now and then: the clock jumps 10 to 40 minutes between two steps
 */
record RandomSchedule(long seed, int faultLevel, int concurrency, int stopAfterBatches, boolean fileCheckpoints,
        boolean crash, boolean stalls) {

    /** A schedule with a clean stop (if any) and no stalls, as the first ones were. */
    RandomSchedule(long seed, int faultLevel, int concurrency, int stopAfterBatches, boolean fileCheckpoints) {
        this(seed, faultLevel, concurrency, stopAfterBatches, fileCheckpoints, false, false);
    }

    /** Where in the first run the process dies. */
    enum CrashKind {
        /** As the handler of the n-th batch begins: never handled. */
        BEFORE_BATCH,
        /** As the handler of the n-th batch returns: handled, never checkpointed. */
        AFTER_BATCH,
        /** As the service receives the n-th request: it and everything after it have no effect. */
        AT_REQUEST,
        /** In the middle of the n-th checkpoint write: not made (with a file, cut halfway through its bytes). */
        IN_CHECKPOINT_WRITE
    }

    /** The instant of a crash: the n-th event of its kind. */
    record CrashPoint(CrashKind kind, int n) {}

    /** Where the first run dies, when {@link #crash} and {@link #stopAfterBatches} say it does; else null. */
    CrashPoint crashPoint() {
        if (!crash || stopAfterBatches == 0) {
            return null;
        }
        CrashKind kind = CrashKind.values()[Math.floorMod(seed >> 24, CrashKind.values().length)];
        return switch (kind) {
            case BEFORE_BATCH, AFTER_BATCH -> new CrashPoint(kind, stopAfterBatches);
            // About as far into the run as that many batches: a few requests each, besides listings.
            case AT_REQUEST -> new CrashPoint(kind, 3 + stopAfterBatches * 4 + Math.floorMod(seed >> 32, 4));
            case IN_CHECKPOINT_WRITE -> new CrashPoint(kind, stopAfterBatches + Math.floorMod(seed >> 32, 3));
        };
    }

    /** Whether the machine stalls now, between two steps; drawn from {@code random}. */
    boolean stallsNow(Random random) {
        return stalls && random.nextInt(20) == 0;
    }

    /** How long a stall lasts: 10 to 40 minutes, past the 15 minutes iterators live. */
    Duration stall(Random random) {
        return Duration.ofMinutes(10 + random.nextInt(31));
    }

    /** Plans the lineage into the stream. */
    void planLineage(FakeStream stream) {
        Random random = new Random(seed);
        int roots = 1 + random.nextInt(3);
        List<String> frontier = new ArrayList<>();
        int[] count = {0};
        for (int r = 0; r < roots; r++) {
            String root = plan(stream, random, null, count);
            frontier.add(root);
        }
        for (int depth = 0; depth < 3 && !frontier.isEmpty(); depth++) {
            List<String> next = new ArrayList<>();
            for (String parent : frontier) {
                // Ends, rolls over to one child, or splits in two, as DynamoDB's shards do.
                int children = count[0] >= 10 ? 0 : random.nextInt(100) < 40 ? 0 : random.nextInt(100) < 60 ? 1 : 2;
                for (int c = 0; c < children; c++) {
                    next.add(plan(stream, random, parent, count));
                }
                if (depth == 0 && children > 0 && random.nextInt(4) == 0) {
                    // Its 24 hours are over: the root is gone, its children are the oldest shards left.
                    stream.removeShard(parent);
                }
            }
            frontier = next;
        }
    }

    /** Pages read ahead per shard: 0 to 2, so fetching parks and is woken often. */
    int prefetchPages() {
        return Math.floorMod(seed >> 8, 3);
    }

    /** A tight bound on records in flight, from one page to a few, so shards wait for room. */
    int maxRecordsInFlight() {
        return maxRecordsPerBatch() * (1 + Math.floorMod(seed >> 16, 4));
    }

    /** The batch limit the reader asks for. */
    int maxRecordsPerBatch() {
        return 2 + new Random(seed ^ 0x5A5A).nextInt(7);
    }

    /** The faults, drawn from the service's random source (used under its lock). */
    FakeStreamsService.Faults faults(Random random) {
        return (operation, shardId) -> {
            double roll = random.nextDouble();
            double step = 0.02 * faultLevel;
            if ((roll -= step) < 0) {
                return random.nextBoolean() ? Fault.LIMIT_EXCEEDED : Fault.THROTTLING;
            }
            if ((roll -= step) < 0) {
                return random.nextBoolean() ? Fault.INTERNAL_ERROR : Fault.UNAVAILABLE;
            }
            if ((roll -= step / 2) < 0) {
                int kind = random.nextInt(3);
                return kind == 0 ? Fault.CUT_BODY : kind == 1 ? Fault.DROP_CONNECTION
                        : operation.equals("GetRecords") ? Fault.CUT_ERROR_BODY : Fault.UNAVAILABLE;
            }
            if (operation.equals("GetRecords") && (roll -= step) < 0) {
                return Fault.EXPIRED_ITERATOR;
            }
            return Fault.NONE;
        };
    }

    /** What happens in the stream as each request arrives: writes, and now and then a trim. */
    void passTime(FakeStream stream, Random random) {
        stream.writeSome(random);
        if (random.nextDouble() < 0.01 * faultLevel) {
            stream.trimSome(random);
        }
    }

    /**
     * Whether the first run is followed by a restart after more than 24 hours down (the 24-hour retention trims and
     * unlists what the reader was reading), rather than after a second.
     */
    boolean longDowntime() {
        return stopAfterBatches > 0 && faultLevel >= 2 && Math.floorMod(seed, 3) == 0;
    }

    /** How long the reader is down between its two runs. */
    Duration downtime() {
        return longDowntime() ? Duration.ofHours(24 + Math.floorMod(seed, 7)) : Duration.ofSeconds(1);
    }

    /**
     * A long outage during the run, or none: from the given request on, the service answers 503 to the next
     * requests while hours pass (2 to 27), and the 24-hour retention trims and unlists what it may meanwhile.
     */
    Outage outage() {
        if (faultLevel < 2 || Math.floorMod(seed, 3) != 1) {
            return null;
        }
        Random random = new Random(seed ^ 0x07a9eL);
        return new Outage(20 + random.nextInt(60), 5 + random.nextInt(20), Duration.ofHours(2 + random.nextInt(26)));
    }

    /**
     * A long outage: from request {@code startAt}, {@code requests} requests are answered with 503, and the clock
     * moves {@code lasting} over them.
     */
    record Outage(int startAt, int requests, Duration lasting) {}

    private static String plan(FakeStream stream, Random random, String parent, int[] count) {
        String id = String.format("shardId-%020d-%08x", 1_700_000_000_000L + count[0]++, random.nextInt());
        stream.addShard(id, parent, random.nextInt(13), true);
        return id;
    }
}
