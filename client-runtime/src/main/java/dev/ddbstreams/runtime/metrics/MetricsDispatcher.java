package dev.ddbstreams.runtime.metrics;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers one client's call metrics to their publishers without ever making a call wait: each publisher has a
 * bounded queue and a daemon thread of its own (started at its first record), so a slow or failing publisher loses
 * records, and counts them, instead of slowing calls or the other publishers. One per client; thread-safe.
 */
public final class MetricsDispatcher implements AutoCloseable {

    /** Records a publisher's queue holds; more are dropped until it catches up. */
    public static final int QUEUE_CAPACITY = 1024;

    /** How long {@link #close()} waits for each publisher to take what is queued. */
    public static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(5);

    private static final Logger LOG = LoggerFactory.getLogger(MetricsDispatcher.class);

    private final List<PublisherQueue> clientQueues;
    private final ConcurrentMap<MetricPublisher, PublisherQueue> queues = new ConcurrentHashMap<>();
    private volatile boolean closed;

    /** A dispatcher for a client configured with {@code clientPublishers}. */
    public MetricsDispatcher(List<MetricPublisher> clientPublishers) {
        List<PublisherQueue> list = new ArrayList<>(clientPublishers.size());
        for (MetricPublisher publisher : clientPublishers) {
            list.add(queueOf(publisher));
        }
        this.clientQueues = List.copyOf(list);
    }

    /** Whether the client has publishers of its own (requests may still name theirs). */
    public boolean hasClientPublishers() {
        return !clientQueues.isEmpty();
    }

    /** Queues {@code metrics} for the client's publishers; never blocks. */
    public void dispatch(CallMetrics metrics) {
        for (PublisherQueue queue : clientQueues) {
            queue.offer(metrics);
        }
    }

    /** Queues {@code metrics} for {@code publishers} (a request's, instead of the client's); never blocks. */
    public void dispatch(CallMetrics metrics, List<MetricPublisher> publishers) {
        for (MetricPublisher publisher : publishers) {
            queueOf(publisher).offer(metrics);
        }
    }

    private PublisherQueue queueOf(MetricPublisher publisher) {
        return queues.computeIfAbsent(publisher, PublisherQueue::new);
    }

    /**
     * Stops accepting records and delivers what every queue holds, waiting at most {@link #CLOSE_TIMEOUT} per
     * publisher. Publishers themselves are not closed.
     */
    @Override
    public void close() {
        closed = true;
        for (PublisherQueue queue : queues.values()) {
            queue.drainAndStop();
        }
    }

    @Override
    public String toString() {
        return "MetricsDispatcher(publishers=" + queues.size() + ")";
    }

    /** One publisher's queue and the thread that empties it. */
    private final class PublisherQueue implements Runnable {

        private final MetricPublisher publisher;
        private final BlockingQueue<CallMetrics> records = new ArrayBlockingQueue<>(QUEUE_CAPACITY);
        private final AtomicLong dropped = new AtomicLong();
        private volatile Thread worker;
        private volatile boolean stopping;

        PublisherQueue(MetricPublisher publisher) {
            this.publisher = publisher;
        }

        void offer(CallMetrics metrics) {
            if (closed || !records.offer(metrics)) {
                dropped.incrementAndGet();
                return;
            }
            if (worker == null) {
                startWorker();
            }
        }

        private synchronized void startWorker() {
            if (worker == null && !stopping) {
                Thread thread = new Thread(this, "ddbstreams-metrics-" + publisher.getClass().getSimpleName());
                thread.setDaemon(true);
                thread.start();
                worker = thread;
            }
        }

        @Override
        public void run() {
            try {
                while (true) {
                    CallMetrics next = records.poll(100, TimeUnit.MILLISECONDS);
                    if (next == null) {
                        if (stopping) {
                            reportDropped();
                            return;
                        }
                        continue;
                    }
                    reportDropped();
                    try {
                        publisher.publish(next);
                    } catch (RuntimeException e) {
                        dropped.incrementAndGet();
                        LOG.warn("Metric publisher {} failed to publish the metrics of {}; the record is lost",
                                publisher, next.operationName(), e);
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        private void reportDropped() {
            long count = dropped.getAndSet(0);
            if (count > 0) {
                try {
                    publisher.dropped(count);
                } catch (RuntimeException e) {
                    LOG.warn("Metric publisher {} failed in dropped({})", publisher, count, e);
                }
            }
        }

        void drainAndStop() {
            Thread thread;
            synchronized (this) {
                stopping = true;
                thread = worker;
            }
            if (thread == null) {
                // Never started (nothing queued), but drops may have to be reported.
                reportDropped();
                return;
            }
            try {
                thread.join(CLOSE_TIMEOUT.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (thread.isAlive()) {
                LOG.warn("Metric publisher {} did not take its {} queued records within {}; they are abandoned",
                        publisher, records.size(), CLOSE_TIMEOUT);
            }
        }
    }
}
