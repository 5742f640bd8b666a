package dev.ddbstreams.runtime.metrics;

/**
 * Receives the metrics of every call of a client (or of the requests that name it), the counterpart of the AWS SDK
 * for Java v2's {@code MetricPublisher}. Configure it with
 * {@code ClientOverrideConfiguration.builder().addMetricPublisher(publisher)}.
 *
 * <p>Records are delivered off the caller's thread, one at a time and in the order calls finished, by one thread of
 * the client's per publisher. Delivery never makes a call wait: while a publisher is slow, records queue up to a
 * bound ({@link MetricsDispatcher#QUEUE_CAPACITY}) and the ones that do not fit are lost; a record whose
 * {@link #publish} throws is lost too. Either way the publisher hears how many were lost through {@link #dropped}.
 *
 * <p>Closing the client delivers what is queued (for at most {@link MetricsDispatcher#CLOSE_TIMEOUT}) but does not
 * close the publisher, which an application may share between clients: close it yourself when done.
 */
@FunctionalInterface
public interface MetricPublisher extends AutoCloseable {

    /** Handles the metrics of one finished call. */
    void publish(CallMetrics metrics);

    /**
     * Called, on the delivery thread, before the next record is published (or as the client closes) when
     * {@code count} records were lost since the last call: the queue was full, or {@link #publish} threw.
     */
    default void dropped(long count) {}

    /** Releases what the publisher holds, flushing what it buffers; the client never calls it. */
    @Override
    default void close() {}
}
