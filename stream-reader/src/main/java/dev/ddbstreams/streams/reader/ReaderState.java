package dev.ddbstreams.streams.reader;

/** The life of a {@link StreamReader}. */
public enum ReaderState {

    /** Built, not started. */
    NEW,

    /** Reading. */
    RUNNING,

    /** Asked to stop: finishing the batches in hand. */
    STOPPING,

    /**
     * Stopped: closed, failed (see {@link StreamReader#failure()}), or done because the stream was disabled and every
     * shard was read to its end.
     */
    TERMINATED
}
