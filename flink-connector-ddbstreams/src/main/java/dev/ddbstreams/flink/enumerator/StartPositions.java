package dev.ddbstreams.flink.enumerator;

import dev.ddbstreams.flink.InitialPosition;
import dev.ddbstreams.flink.split.ShardSplit;
import dev.ddbstreams.streams.model.Shard;
import dev.ddbstreams.streams.reader.consume.ShardPosition;
import dev.ddbstreams.streams.reader.consume.ShardReader;
import dev.ddbstreams.streams.reader.lineage.ShardLineage;

/**
 * Where the split of a shard released for reading starts, as {@code StreamReader} decides it for a shard without a
 * checkpoint (docs/stream-reader.md, "Where each shard starts"):
 *
 * <ul>
 *   <li>a shard of the first listing whose parent was not listed (a root, or its parent was trimmed away):
 *       {@code TRIM_HORIZON}, the oldest record still there (what was trimmed before was never the source's to
 *       read); with {@code LATEST}, an open shard starts at {@code LATEST} (closed ones are skipped before this);</li>
 *   <li>every other shard (its parent was read by this job, or it appeared while the job ran): its own
 *       {@code StartingSequenceNumber}, so that a trim of its first records is a gap, never a silent skip.</li>
 * </ul>
 *
 * With {@code AT_TIMESTAMP}, every split also skips the records created before the time, up to its first record at
 * or after it.
 */
final class StartPositions {

    private final InitialPosition initial;

    StartPositions(InitialPosition initial) {
        this.initial = initial;
    }

    /** Whether a shard of the first listing is skipped whole: closed, with {@code LATEST}. */
    boolean skipsAtFirstListing(Shard shard) {
        return initial.kind() == InitialPosition.Kind.LATEST && isClosed(shard);
    }

    /** The split of a shard the lineage just released. */
    ShardSplit splitOf(Shard shard, ShardLineage lineage) {
        Long skipBefore = initial.timestamp().map(t -> t.toEpochMilli()).orElse(null);
        ShardLineage.Parent parent = lineage.parentOf(shard);
        boolean owedWhole = !lineage.isInitial(shard.shardId())
                || parent == ShardLineage.Parent.FINISHED;
        if (owedWhole) {
            return ShardSplit.of(shard, ShardReader.startOf(shard), skipBefore);
        }
        ShardPosition start = initial.kind() == InitialPosition.Kind.LATEST
                ? ShardPosition.latest()
                : ShardPosition.trimHorizon();
        return ShardSplit.of(shard, start, skipBefore);
    }

    private static boolean isClosed(Shard shard) {
        return shard.sequenceNumberRange() != null && shard.sequenceNumberRange().endingSequenceNumber() != null;
    }
}
