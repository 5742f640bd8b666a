package dev.ddbstreams.streams.reader;

import dev.ddbstreams.streams.model.Shard;
import dev.ddbstreams.streams.reader.checkpoint.Checkpoint;
import dev.ddbstreams.streams.reader.checkpoint.CheckpointException;
import dev.ddbstreams.streams.reader.checkpoint.Checkpointer;
import dev.ddbstreams.streams.reader.consume.ShardPosition;
import dev.ddbstreams.streams.reader.consume.ShardReader;
import dev.ddbstreams.streams.reader.lineage.ShardLineage;
import java.util.Optional;

/**
 * Decides where the reader begins a shard: after its checkpoint, at the configured {@link StartingPosition}, or at
 * the shard's own start because the reader owes the application all of its records.
 *
 * <p>A shard the reader owes whole (its parent was read, by this reader or an earlier one with the same
 * checkpoints, or it appeared while the reader ran) begins {@code AT_SEQUENCE_NUMBER} its starting sequence number:
 * if the service trimmed its first records meanwhile, that fails with trimmed data, which is reported as a gap.
 * Only the shards of the first listing that nothing read before begin at the configured position: records trimmed
 * before that were never the reader's to deliver.
 *
 * <p>A shard begun from its start (owed whole, or at {@code TRIM_HORIZON}) without a checkpoint first gets one
 * {@linkplain Checkpoint#atSequenceNumber at its starting sequence number}: from then on the checkpoints say the
 * reader was reading it, so a later reader reports its records as a gap should they be trimmed, or the shard be
 * gone, before anything of it was handled. A shard begun at {@code LATEST} gets none: there is no position to give.
 */
final class StartPlanner {

    /** What to do with a shard the lineage released. */
    sealed interface Start {
        /**
         * Read it from this position.
         *
         * @param marker the checkpoint to write before reading, saying the shard was begun; {@code null} when it has
         *     a checkpoint already, or begins at {@code LATEST}
         */
        record Read(ShardPosition position, Checkpoint marker) implements Start {}

        /** An earlier run read it to its end: nothing to read. */
        record AlreadyFinished() implements Start {}

        /** Do not read it: closed before a reader that starts at LATEST found it. */
        record Skip() implements Start {}
    }

    private final String streamArn;
    private final StartingPosition startingPosition;
    private final Checkpointer checkpointer;
    private final ShardLineage lineage;
    private volatile boolean resumed;

    StartPlanner(String streamArn, StartingPosition startingPosition, Checkpointer checkpointer,
            ShardLineage lineage) {
        this.streamArn = streamArn;
        this.startingPosition = startingPosition;
        this.checkpointer = checkpointer;
        this.lineage = lineage;
    }

    /**
     * Says whether the checkpoints held anything for the stream before this reader wrote any: then an earlier run
     * read it, and a shard of the first listing whose parent the checkpoints do not know was created after that
     * run (from a shard it read, since trimmed away) rather than before it. Called at the first listing, before any
     * shard begins.
     */
    void resumedFromCheckpoints(boolean resumed) {
        this.resumed = resumed;
    }

    /**
     * Where to begin the shard.
     *
     * @throws CheckpointException when the checkpointer cannot be read
     */
    Start startOf(Shard shard) {
        Optional<Checkpoint> checkpoint = checkpointer.read(streamArn, shard.shardId());
        if (checkpoint.isPresent()) {
            String sequenceNumber = checkpoint.get().sequenceNumber().orElse(null);
            return switch (checkpoint.get().kind()) {
                case SHARD_END -> new Start.AlreadyFinished();
                case AFTER_SEQUENCE_NUMBER -> new Start.Read(ShardPosition.after(sequenceNumber), null);
                case AT_SEQUENCE_NUMBER -> new Start.Read(ShardPosition.at(sequenceNumber), null);
            };
        }
        // Its descendants began (their checkpoints say so), so it was done with: its own shard-end checkpoint was
        // pruned once its children had checkpoints, and theirs perhaps too since.
        for (String descendant : lineage.descendantsOf(shard.shardId())) {
            if (checkpointer.read(streamArn, descendant).isPresent()) {
                return new Start.AlreadyFinished();
            }
        }
        // Shards found after the first listing were created while the reader ran: all their records are owed.
        if (!lineage.isInitial(shard.shardId()) || parentRead(shard)) {
            return new Start.Read(ShardReader.startOf(shard), markerOf(shard));
        }
        if (startingPosition == StartingPosition.TRIM_HORIZON) {
            return new Start.Read(ShardPosition.trimHorizon(), markerOf(shard));
        }
        boolean closed = shard.sequenceNumberRange() != null
                && shard.sequenceNumberRange().endingSequenceNumber() != null;
        return closed ? new Start.Skip() : new Start.Read(ShardPosition.latest(), null);
    }

    /** The checkpoint at the shard's first record, or null when the listing gave no starting sequence number. */
    private static Checkpoint markerOf(Shard shard) {
        String start = shard.sequenceNumberRange() == null ? null
                : shard.sequenceNumberRange().startingSequenceNumber();
        return start == null ? null : Checkpoint.atSequenceNumber(start);
    }

    /** Whether the reader reads (or an earlier one read) the shard's parent, and so owes the shard from its start. */
    private boolean parentRead(Shard shard) {
        return switch (lineage.parentOf(shard)) {
            case FINISHED, NOT_DONE -> true;
            // A parent that is no longer listed may still have been read by an earlier run of this reader. One the
            // checkpoints do not know either, while they show an earlier run from TRIM_HORIZON: the shard was
            // created while the reader was stopped, from the part of the stream it was reading, whose shards in
            // between were trimmed away whole (their loss is reported from their ancestor's checkpoint). All of it
            // is owed, so a trim of its first records is a gap too.
            case UNKNOWN -> checkpointer.read(streamArn, shard.parentShardId()).isPresent()
                    || (resumed && startingPosition == StartingPosition.TRIM_HORIZON);
            case NONE, SKIPPED -> false;
        };
    }
}
