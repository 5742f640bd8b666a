package dev.ddbstreams.streams.reader;

/** Who records a shard's progress. */
public enum CheckpointMode {

    /** The reader checkpoints each batch as soon as the handler or processor returns from it. */
    AFTER_EACH_BATCH,

    /**
     * The application checkpoints through the {@link ShardCheckpointer} when its (possibly asynchronous) work is done.
     * A shard counts as finished, and its children are read, only once its last record has been checkpointed.
     */
    BY_APPLICATION
}
