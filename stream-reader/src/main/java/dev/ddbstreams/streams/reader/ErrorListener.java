package dev.ddbstreams.streams.reader;

/**
 * Told when an error stops a shard or the reader. Errors the reader retries (throttling, server errors, network
 * failures) and expired iterators are not reported here; {@link ReaderMetrics} counts them.
 *
 * <p>An exception thrown from here is logged and otherwise ignored.
 */
@FunctionalInterface
public interface ErrorListener {

    /** An error that stopped a shard or the whole reader. */
    void onError(ReadError error);
}
