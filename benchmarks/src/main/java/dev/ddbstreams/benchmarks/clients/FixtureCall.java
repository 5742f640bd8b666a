package dev.ddbstreams.benchmarks.clients;

/**
 * One client, set up to call the operation of one fixture; what an end-to-end benchmark repeats. The request is
 * built anew on every call, as a stream poller builds each GetRecords request from the previous page's iterator.
 */
public interface FixtureCall extends AutoCloseable {

    /** Calls the operation once and returns the whole parsed response. */
    Object call();

    /** How many records, shards or streams {@code response} (a result of {@link #call()}) holds. */
    int items(Object response);

    @Override
    void close();
}
