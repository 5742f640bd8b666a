package dev.ddbstreams.flink.split;

import dev.ddbstreams.streams.reader.consume.ShardPosition;

/**
 * The mutable state of a split being read, kept by the reader's task thread: it moves past each record as that
 * record is emitted (or skipped by {@code AT_TIMESTAMP}), so a checkpoint holds exactly the last record emitted.
 */
public final class ShardSplitState {

    private final ShardSplit split;
    private String lastSequenceNumber;
    private Long skipBeforeMillis;

    /** The state of a split about to be read from its position. */
    public ShardSplitState(ShardSplit split) {
        this.split = split;
        this.skipBeforeMillis = split.skipBeforeMillis().orElse(null);
    }

    /** The split as it was assigned. */
    public ShardSplit split() {
        return split;
    }

    /** The record with this sequence number was emitted (or deliberately skipped): a restore resumes after it. */
    public void advanceTo(String sequenceNumber) {
        this.lastSequenceNumber = sequenceNumber;
    }

    /**
     * For {@code AT_TIMESTAMP}: whether a record created at {@code createdMillis} comes before the starting time.
     * The first record at or after it ends the skipping for good: records after it are all emitted, even if a later
     * one carries an earlier (approximate, whole-second) time.
     */
    public boolean skips(long createdMillis) {
        if (skipBeforeMillis == null) {
            return false;
        }
        if (createdMillis < skipBeforeMillis) {
            return true;
        }
        skipBeforeMillis = null;
        return false;
    }

    /** The split to checkpoint: resuming after the last record emitted. */
    public ShardSplit toSplit() {
        ShardPosition position = lastSequenceNumber == null ? split.position() : ShardPosition.after(lastSequenceNumber);
        return split.at(position, skipBeforeMillis);
    }
}
