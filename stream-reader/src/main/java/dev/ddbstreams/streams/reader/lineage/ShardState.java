package dev.ddbstreams.streams.reader.lineage;

/** Where the reader is with one shard. */
public enum ShardState {

    /** Known, waiting until its parent shard has been read to the end. */
    WAITING_FOR_PARENT,

    /** Being read (or waiting for a free thread to read it). */
    READING,

    /** Read to its end; its checkpoint says so. */
    FINISHED,

    /** Not read: it was already closed when a reader starting at {@code LATEST} found it. */
    SKIPPED,

    /** Stopped by an error, reported to the reader's error listener; its children are not read. */
    FAILED;

    /** Whether the reader is done with the shard, one way or another. */
    public boolean isTerminal() {
        return this == FINISHED || this == SKIPPED || this == FAILED;
    }

    /** Whether the shard's children may be read now. */
    public boolean releasesChildren() {
        return this == FINISHED || this == SKIPPED;
    }
}
