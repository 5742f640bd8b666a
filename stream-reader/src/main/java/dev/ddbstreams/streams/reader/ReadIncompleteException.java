package dev.ddbstreams.streams.reader;

import java.util.List;

/**
 * The stream was disabled and read as far as it can be, but shards failed, so their records (and their
 * children's) were not all delivered: {@link StreamReader#failure()} after the reader ended. Each shard's error is
 * attached as a suppressed exception.
 */
public final class ReadIncompleteException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final List<String> failedShards;

    ReadIncompleteException(String streamArn, List<String> failedShards, List<Throwable> causes) {
        super("The disabled stream " + streamArn + " is read as far as it can be, but these shards failed, so they and"
                + " their children were not read to their end: " + String.join(", ", failedShards)
                + " (their errors are attached; see also the error listener)");
        this.failedShards = List.copyOf(failedShards);
        causes.forEach(this::addSuppressed);
    }

    /** The shards that failed. */
    public List<String> failedShards() {
        return failedShards;
    }
}
