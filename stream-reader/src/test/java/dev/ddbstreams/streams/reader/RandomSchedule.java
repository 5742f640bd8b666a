package dev.ddbstreams.streams.reader;

import dev.ddbstreams.streams.reader.checkpoint.FileCheckpointer;
import dev.ddbstreams.streams.reader.testing.FakeStream;
import dev.ddbstreams.streams.reader.testing.FakeStreamsService.Fault;
import dev.ddbstreams.streams.reader.testing.FakeStreamsService;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * One random history of a stream for the property test: a lineage of shards that split and roll over (some roots
 * already trimmed away), records written while the reader runs, faults at random, and whether the reader is stopped
 * halfway and restarted from its checkpoints. Everything follows from the fields, so a failing schedule can be run
 * again from its description.
 *
 * @param seed drives the lineage, the writes and the faults
 * @param faultLevel 0 (none) to 3 (often): scales every fault's rate
 * @param concurrency the reader's maxConcurrentShards
 * @param stopAfterBatches stop the first run after this many batches and start a second; 0 for one run
 * @param fileCheckpoints whether checkpoints go to a {@link FileCheckpointer} (else in memory)
 */
record RandomSchedule(long seed, int faultLevel, int concurrency, int stopAfterBatches, boolean fileCheckpoints) {

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
                return random.nextBoolean() ? Fault.CUT_BODY : Fault.DROP_CONNECTION;
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

    private static String plan(FakeStream stream, Random random, String parent, int[] count) {
        String id = String.format("shardId-%020d-%08x", 1_700_000_000_000L + count[0]++, random.nextInt());
        stream.addShard(id, parent, random.nextInt(13), true);
        return id;
    }
}
