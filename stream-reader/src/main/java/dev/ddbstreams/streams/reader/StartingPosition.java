package dev.ddbstreams.streams.reader;

/**
 * Where the reader starts the shards it finds when it starts and that have no checkpoint.
 *
 * <p>It applies only to that first set of shards. A shard whose parent the reader read to the end, in this run or
 * an earlier one, always starts at its beginning (the service's {@code TRIM_HORIZON}): anything else would lose the
 * records written between the parent's end and the child's first read. A shard with a checkpoint resumes right
 * after it.
 */
public enum StartingPosition {

    /** The oldest record the service still holds (records are kept for 24 hours): the whole retained stream. */
    TRIM_HORIZON,

    /**
     * Only changes made after the reader starts. Shards that are already closed are skipped (counted as done), and
     * open shards start after their newest record.
     */
    LATEST
}
