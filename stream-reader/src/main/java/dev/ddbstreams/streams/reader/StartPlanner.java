package dev.ddbstreams.streams.reader;

import dev.ddbstreams.streams.model.Shard;
import dev.ddbstreams.streams.reader.checkpoint.Checkpoint;
import dev.ddbstreams.streams.reader.checkpoint.CheckpointException;
import dev.ddbstreams.streams.reader.checkpoint.Checkpointer;
import dev.ddbstreams.streams.reader.consume.ShardPosition;
import dev.ddbstreams.streams.reader.lineage.ShardLineage;
import java.util.Optional;

/**
 * Decides where the reader begins a shard: after its checkpoint, at the configured {@link StartingPosition}, or at
 * the shard's beginning because the reader read its parent.
 */
final class StartPlanner {

    /** What to do with a shard the lineage released. */
    sealed interface Start {
        /** Read it from this position. */
        record Read(ShardPosition position) implements Start {}

        /** An earlier run read it to its end: nothing to read. */
        record AlreadyFinished() implements Start {}

        /** Do not read it: closed before a reader that starts at LATEST found it. */
        record Skip() implements Start {}
    }

    private final String streamArn;
    private final StartingPosition startingPosition;
    private final Checkpointer checkpointer;
    private final ShardLineage lineage;

    StartPlanner(String streamArn, StartingPosition startingPosition, Checkpointer checkpointer,
            ShardLineage lineage) {
        this.streamArn = streamArn;
        this.startingPosition = startingPosition;
        this.checkpointer = checkpointer;
        this.lineage = lineage;
    }

    /**
     * Where to begin the shard.
     *
     * @throws CheckpointException when the checkpointer cannot be read
     */
    Start startOf(Shard shard) {
        Optional<Checkpoint> checkpoint = checkpointer.read(streamArn, shard.shardId());
        if (checkpoint.isPresent()) {
            return checkpoint.get().isShardEnd()
                    ? new Start.AlreadyFinished()
                    : new Start.Read(ShardPosition.after(checkpoint.get().sequenceNumber().orElseThrow()));
        }
        // Shards found after the first listing were created while the reader ran: all their records are new.
        if (startingPosition == StartingPosition.TRIM_HORIZON || !lineage.isInitial(shard.shardId())) {
            return new Start.Read(ShardPosition.trimHorizon());
        }
        return latestStartOf(shard);
    }

    private Start latestStartOf(Shard shard) {
        boolean parentRead = switch (lineage.parentOf(shard)) {
            case FINISHED, NOT_DONE -> true;
            // A parent that is no longer listed may still have been read by an earlier run of this reader.
            case UNKNOWN -> checkpointer.read(streamArn, shard.parentShardId()).isPresent();
            case NONE, SKIPPED -> false;
        };
        if (parentRead) {
            // Reading on from a parent: starting anywhere but the beginning would lose the child's first records.
            return new Start.Read(ShardPosition.trimHorizon());
        }
        boolean closed = shard.sequenceNumberRange() != null
                && shard.sequenceNumberRange().endingSequenceNumber() != null;
        return closed ? new Start.Skip() : new Start.Read(ShardPosition.latest());
    }
}
