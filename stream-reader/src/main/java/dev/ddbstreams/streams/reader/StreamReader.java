package dev.ddbstreams.streams.reader;

import dev.ddbstreams.runtime.retry.Sleeper;
import dev.ddbstreams.streams.DynamoDbStreamsClient;
import dev.ddbstreams.streams.reader.checkpoint.Checkpoint;
import dev.ddbstreams.streams.reader.checkpoint.Checkpointer;
import dev.ddbstreams.streams.reader.checkpoint.FileCheckpointer;
import dev.ddbstreams.streams.reader.checkpoint.InMemoryCheckpointer;
import dev.ddbstreams.streams.reader.lineage.ShardLineage;
import dev.ddbstreams.streams.reader.schedule.StepLoop;
import dev.ddbstreams.streams.reader.schedule.TaskScheduler;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a whole DynamoDB stream: every record, delivered in order within its shard, with each parent shard read to
 * its end before any of its children, through shard splits, expired iterators, trimmed data and throttling.
 *
 * <pre>{@code
 * try (StreamReader reader = StreamReader.builder()
 *         .client(client)
 *         .streamArn(streamArn)
 *         .checkpointer(FileCheckpointer.open(Path.of("orders.checkpoints")))
 *         .handler(batch -> batch.records().forEach(record -> System.out.println(ChangeJson.toJson(record))))
 *         .build()) {
 *     reader.start();
 *     reader.awaitTermination();
 * }
 * }</pre>
 *
 * <p><b>Guarantees.</b> Each record of a shard is handed to the {@link RecordHandler} (or {@link ShardProcessor}) at
 * least once, and within a shard in sequence-number order; a record that cannot be delivered because the service
 * removed it first is inside a {@link dev.ddbstreams.streams.reader.consume.Gap Gap} told to the {@link GapListener}, except records trimmed before the reader
 * had any position in their shard (docs/stream-reader.md says exactly when). After the handler returns, the batch's
 * {@link Checkpoint} is written (or, with {@link CheckpointMode#BY_APPLICATION}, when the application says so); a
 * reader started later with the same {@link Checkpointer} resumes right after it. A clean {@link #close()} finishes
 * the batches in hand, so the next reader delivers nothing twice; after a crash, the batches being handled at that
 * moment are delivered again.
 *
 * <p><b>Shards.</b> The reader lists the stream's shards with {@code DescribeStream} when it starts and then every
 * {@link Builder#shardDiscoveryInterval shard discovery interval}, and looks up a shard's children as soon as it
 * has read it to the end. A shard is read once its parent has been read to its end, or skipped, or is no longer
 * listed. Shards are handled in parallel on at most {@link Builder#maxConcurrentShards} threads, and read (with
 * {@link Builder#prefetchPages prefetching}) on as many others; a shard waiting for new records holds no thread.
 *
 * <p><b>Polling.</b> An empty page is followed by a pause of {@link Builder#pollInterval}, growing up to
 * {@link Builder#maxPollInterval} while the shard stays idle; the reader's calls to {@code GetRecords} on one shard
 * are never closer than 200 ms, the service's limit of five per second (a client that retries on its own may send
 * its retry of a refused call sooner; see docs/stream-reader.md).
 *
 * <p>The reader ends by itself once the stream has been disabled and nothing is left to read (at once, not at the
 * next listing), or when the stream cannot be described at all (see {@link #failure()}). Otherwise it reads until
 * {@link #close()}.
 */
public final class StreamReader implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(StreamReader.class);

    /** How long {@link #close(Duration)} waits for interrupted handlers to return. */
    private static final Duration INTERRUPT_GRACE = Duration.ofSeconds(1);

    private final ReaderSettings settings;
    private final ShardLineage lineage = new ShardLineage();
    private final MetricsRecorder metrics = new MetricsRecorder();
    private final TaskScheduler fetcher;
    private final TaskScheduler handlers;
    private final Coordinator coordinator;
    private boolean started;

    private StreamReader(ReaderSettings settings) {
        this.settings = settings;
        // A step that throws is a bug in the reader or an Error such as OutOfMemoryError: stop everything.
        if (settings.oneThread()) {
            StepLoop loop = new StepLoop(settings.clock(), settings.sleeper());
            this.fetcher = new TaskScheduler(loop, this::crashed);
            this.handlers = new TaskScheduler(loop, this::crashed);
        } else {
            this.fetcher = new TaskScheduler(settings.clock(), settings.sleeper(), this::crashed);
            this.handlers = new TaskScheduler(settings.clock(), settings.sleeper(), this::crashed);
        }
        this.coordinator = new Coordinator(settings, lineage, metrics, fetcher, handlers);
    }

    /** A builder; {@link Builder#client}, {@link Builder#streamArn} and {@link Builder#handler} are required. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Starts reading on the reader's own threads, and returns.
     *
     * @throws IllegalStateException when the reader was started or closed before
     */
    public synchronized void start() {
        if (started || coordinator.isStopping()) {
            throw new IllegalStateException("A StreamReader starts once; build a new one to read again");
        }
        started = true;
        handlers.start(settings.maxConcurrentShards(), settings.threadNamePrefix());
        fetcher.start(settings.maxConcurrentShards(), settings.threadNamePrefix() + "-fetch");
        coordinator.start();
    }

    /**
     * Asks the reader to stop, and returns at once: no new page is read, pages read ahead are dropped (a later
     * reader reads them again), the batches being handled are finished and checkpointed, and each shard's
     * {@link ShardProcessor#shutdownRequested} is called. Safe to call from a handler or listener, and more than once.
     */
    public void shutdown() {
        coordinator.stop();
    }

    /**
     * Waits until the reader has stopped, whether closed, failed or done with a disabled stream.
     *
     * @return false when {@code timeout} passed first
     */
    public boolean awaitTermination(Duration timeout) throws InterruptedException {
        Objects.requireNonNull(timeout, "timeout");
        long deadline = System.nanoTime() + timeout.toNanos();
        return handlers.awaitTermination(timeout)
                && fetcher.awaitTermination(Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
    }

    /** Waits, without a time limit, until the reader has stopped. */
    public void awaitTermination() throws InterruptedException {
        while (!awaitTermination(Duration.ofDays(1))) {
            // Waits on.
        }
    }

    /**
     * Stops the reader cleanly: no new page is read, the batches being handled are finished and their checkpoints
     * written, and then this returns. Called from one of the reader's own threads (from a handler), it cannot wait
     * for itself, and only asks the reader to stop, as {@link #shutdown()} does.
     */
    @Override
    public void close() {
        shutdown();
        if (isReaderThread()) {
            return;
        }
        boolean interrupted = false;
        while (true) {
            try {
                awaitTermination();
                break;
            } catch (InterruptedException e) {
                // Closing must not leave threads behind: wait on, and restore the interrupt afterwards.
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Stops the reader cleanly, as {@link #close()} does, but waits at most {@code timeout}: then the threads still
     * running a handler (or a call to the service) are interrupted, and given one more second to return. A handler
     * interrupted this way gets no checkpoint for its batch, which a later reader delivers again.
     *
     * @return whether every thread of the reader has ended; false when a handler ignored the interrupt, or when
     *     called from one of the reader's own threads (which cannot wait for itself)
     */
    public boolean close(Duration timeout) throws InterruptedException {
        Objects.requireNonNull(timeout, "timeout");
        shutdown();
        if (isReaderThread()) {
            return false;
        }
        if (awaitTermination(timeout)) {
            return true;
        }
        int interrupted = handlers.interruptRunningSteps() + fetcher.interruptRunningSteps();
        LOG.warn("The reader of {} did not stop within {}: interrupted {} thread(s) still running a handler or a call",
                settings.streamArn(), timeout, interrupted);
        return awaitTermination(INTERRUPT_GRACE);
    }

    /**
     * Reads a shard that failed (with {@link FailurePolicy#stopShard()}) again, from its last checkpoint, without
     * restarting the reader; its children follow once it is read to its end.
     *
     * @return false when the reader knows no such shard, or the shard has not failed
     */
    public boolean restartShard(String shardId) {
        Objects.requireNonNull(shardId, "shardId");
        return coordinator.restartShard(shardId);
    }

    /** Where the reader is in its life. */
    public synchronized ReaderState state() {
        if (handlers.isTerminated() && fetcher.isTerminated()) {
            return ReaderState.TERMINATED;
        }
        if (coordinator.isStopping()) {
            return ReaderState.STOPPING;
        }
        return started ? ReaderState.RUNNING : ReaderState.NEW;
    }

    /** The error that stopped the whole reader (the stream could not be described, for example), if any. */
    public Optional<Throwable> failure() {
        return Optional.ofNullable(coordinator.failure());
    }

    /** The ARN of the stream the reader reads. */
    public String streamArn() {
        return settings.streamArn();
    }

    /** What the reader has done so far: records delivered, lag and errors, in total and for each shard. */
    public ReaderMetrics metrics() {
        return metrics.snapshot(lineage.states());
    }

    @Override
    public String toString() {
        return "StreamReader(" + settings.streamArn() + ", " + state() + ")";
    }

    private boolean isReaderThread() {
        return handlers.isSchedulerThread() || fetcher.isSchedulerThread();
    }

    private void crashed(Throwable error) {
        LOG.error("The reader of {} stopped on an unexpected error", settings.streamArn(), error);
        coordinator.failReader(error);
        // The scheduler that crashed stopped itself; the other one follows.
        fetcher.stop();
        handlers.stop();
    }

    /** Configures a {@link StreamReader}. */
    public static final class Builder {

        private DynamoDbStreamsClient client;
        private String streamArn;
        private StartingPosition startingPosition = StartingPosition.TRIM_HORIZON;
        private Checkpointer checkpointer;
        private Supplier<? extends ShardProcessor> processors;
        private CheckpointMode checkpointMode = CheckpointMode.AFTER_EACH_BATCH;
        private FailurePolicy failurePolicy = FailurePolicy.stopShard();
        private GapListener gapListener = gap -> { };
        private ErrorListener errorListener = error -> { };
        private int maxConcurrentShards = 4;
        private Duration pollInterval = Duration.ofSeconds(1);
        private Duration maxPollInterval = Duration.ofSeconds(5);
        private int maxRecordsPerBatch = 1000;
        private int prefetchPages = 1;
        private int maxRecordsInFlight = 10_000;
        private long maxBytesInFlight = 64L * 1024 * 1024;
        private Duration shardDiscoveryInterval = Duration.ofSeconds(30);
        private Duration retryBaseDelay = Duration.ofMillis(100);
        private Duration retryMaxDelay = Duration.ofSeconds(10);
        private Clock clock = Clock.systemUTC();
        private Sleeper sleeper = Sleeper.system();
        private String threadNamePrefix = "ddbstreams-reader";
        private boolean oneThread;
        private DoubleSupplier jitter = () -> ThreadLocalRandom.current().nextDouble();

        private Builder() {}

        /** The client to read with (required). The reader does not close it. */
        public Builder client(DynamoDbStreamsClient client) {
            this.client = Objects.requireNonNull(client, "client");
            return this;
        }

        /** The ARN of the stream to read (required), such as {@code LatestStreamArn} of a table. */
        public Builder streamArn(String streamArn) {
            this.streamArn = Objects.requireNonNull(streamArn, "streamArn");
            return this;
        }

        /**
         * Where to start the shards of the first listing that have no checkpoint; {@link StartingPosition#TRIM_HORIZON}
         * unless set. Children of shards the reader read always start at their beginning.
         */
        public Builder startingPosition(StartingPosition startingPosition) {
            this.startingPosition = Objects.requireNonNull(startingPosition, "startingPosition");
            return this;
        }

        /**
         * Where checkpoints are kept; unless set, a new {@link InMemoryCheckpointer}, so that a reader in a new
         * process starts over.
         */
        public Builder checkpointer(Checkpointer checkpointer) {
            this.checkpointer = Objects.requireNonNull(checkpointer, "checkpointer");
            return this;
        }

        /**
         * Receives the records; called from several threads, one shard at a time per thread. This or
         * {@link #processors} is required; the last one set wins.
         */
        public Builder handler(RecordHandler handler) {
            Objects.requireNonNull(handler, "handler");
            this.processors = () -> (ShardProcessor) (batch, checkpointer) -> handler.handle(batch);
            return this;
        }

        /**
         * Makes a {@link ShardProcessor} for each shard the reader begins (again after a restart of the shard): the
         * shard's life (started, ended, shutdown requested) and its batches. This or {@link #handler} is required.
         */
        public Builder processors(Supplier<? extends ShardProcessor> processors) {
            this.processors = Objects.requireNonNull(processors, "processors");
            return this;
        }

        /** Who checkpoints: the reader after each batch (the default), or the application. */
        public Builder checkpointMode(CheckpointMode checkpointMode) {
            this.checkpointMode = Objects.requireNonNull(checkpointMode, "checkpointMode");
            return this;
        }

        /** What a failed shard does: stop (the default), retry from its checkpoint, or stop the reader. */
        public Builder onShardFailure(FailurePolicy failurePolicy) {
            this.failurePolicy = Objects.requireNonNull(failurePolicy, "failurePolicy");
            return this;
        }

        /**
         * Told of records lost because the service removed them before they were read. Every gap is logged as a
         * warning (logger {@code dev.ddbstreams.streams.reader.StreamReader}) whether this is set or not.
         */
        public Builder onGap(GapListener gapListener) {
            this.gapListener = Objects.requireNonNull(gapListener, "gapListener");
            return this;
        }

        /**
         * Told of errors that stop (or restart) a shard, or stop the reader. Every such error is logged as an error
         * whether this is set or not.
         */
        public Builder onError(ErrorListener errorListener) {
            this.errorListener = Objects.requireNonNull(errorListener, "errorListener");
            return this;
        }

        /** The number of threads reading shards, and so of shards read at the same moment; 4 unless set. */
        public Builder maxConcurrentShards(int maxConcurrentShards) {
            if (maxConcurrentShards < 1) {
                throw new IllegalArgumentException("maxConcurrentShards must be at least 1: " + maxConcurrentShards);
            }
            this.maxConcurrentShards = maxConcurrentShards;
            return this;
        }

        /**
         * The pause after a page without records before reading the shard again; 1 second unless set. Each further
         * empty page in a row doubles it, up to {@link #maxPollInterval}. Calls on one shard stay at least 200 ms
         * apart whatever this is.
         */
        public Builder pollInterval(Duration pollInterval) {
            this.pollInterval = nonNegative(pollInterval, "pollInterval");
            return this;
        }

        /**
         * The longest pause between polls of an idle shard; 5 seconds unless set, and never below
         * {@link #pollInterval}. Set it to the poll interval to poll idle shards at a fixed pace.
         */
        public Builder maxPollInterval(Duration maxPollInterval) {
            this.maxPollInterval = nonNegative(maxPollInterval, "maxPollInterval");
            return this;
        }

        /**
         * How many pages of a shard may be read ahead of its handler; 1 unless set, 0 to read the next page only once
         * the handler returned. Reading ahead overlaps the service's latency with the handler's work.
         */
        public Builder prefetchPages(int prefetchPages) {
            if (prefetchPages < 0) {
                throw new IllegalArgumentException("prefetchPages must not be negative: " + prefetchPages);
            }
            this.prefetchPages = prefetchPages;
            return this;
        }

        /**
         * The most records read and not yet handled, over all shards (backpressure); 10,000 unless set. A shard
         * reads a page only with room for a whole one ({@link #maxRecordsPerBatch}), so this must be at least that.
         */
        public Builder maxRecordsInFlight(int maxRecordsInFlight) {
            if (maxRecordsInFlight < 1) {
                throw new IllegalArgumentException("maxRecordsInFlight must be at least 1: " + maxRecordsInFlight);
            }
            this.maxRecordsInFlight = maxRecordsInFlight;
            return this;
        }

        /**
         * About the most bytes of records ({@code SizeBytes}) read and not yet handled, over all shards; 64 MiB unless
         * set. Checked before each read, so the pages being read at that moment may go past it.
         */
        public Builder maxBytesInFlight(long maxBytesInFlight) {
            if (maxBytesInFlight < 1) {
                throw new IllegalArgumentException("maxBytesInFlight must be at least 1: " + maxBytesInFlight);
            }
            this.maxBytesInFlight = maxBytesInFlight;
            return this;
        }

        /** The most records asked for in one {@code GetRecords} call, 1 to 1000; 1000 unless set. */
        public Builder maxRecordsPerBatch(int maxRecordsPerBatch) {
            if (maxRecordsPerBatch < 1 || maxRecordsPerBatch > 1000) {
                throw new IllegalArgumentException("maxRecordsPerBatch must be 1 to 1000: " + maxRecordsPerBatch);
            }
            this.maxRecordsPerBatch = maxRecordsPerBatch;
            return this;
        }

        /**
         * How often the whole stream is listed to find new shards; 30 seconds unless set. Children of a shard the
         * reader finished are looked up at once besides.
         */
        public Builder shardDiscoveryInterval(Duration shardDiscoveryInterval) {
            this.shardDiscoveryInterval = positive(shardDiscoveryInterval, "shardDiscoveryInterval");
            return this;
        }

        /**
         * The backoff of retried errors: the n-th retry in a row waits between half and all of
         * {@code min(max, base * 2^(n-1))}; 100 ms and 10 s unless set. Retries go on as long as the errors do.
         */
        public Builder retryBackoff(Duration base, Duration max) {
            positive(base, "base");
            positive(max, "max");
            if (max.compareTo(base) < 0) {
                throw new IllegalArgumentException("the maximum backoff " + max + " is below the base " + base);
            }
            this.retryBaseDelay = base;
            this.retryMaxDelay = max;
            return this;
        }

        /** The clock for pauses, lag and report times; the system clock unless set. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * How the reader waits for a pause to pass; {@link Thread#sleep} unless set. It must return early when
         * interrupted, as {@code Thread.sleep} does, for {@link StreamReader#close()} to be prompt.
         */
        public Builder sleeper(Sleeper sleeper) {
            this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
            return this;
        }

        /**
         * Makes the reader repeat itself exactly, for tests: every step (the listings, and each shard's reads and
         * deliveries) runs on one thread, one at a time, always the one due first, waiting through the
         * {@link #sleeper} only when nothing is due; and the jitter of its backoffs comes from a random source seeded
         * with {@code seed}. With a manual {@link #clock} whose sleeper moves it, the same answers of the service
         * give the same calls, deliveries and checkpoints every time, and time passes only while the reader waits.
         * {@link #maxConcurrentShards} then does not apply, nor does reading ahead overlap the handler.
         */
        public Builder deterministic(long seed) {
            Random random = new Random(seed);
            this.oneThread = true;
            this.jitter = random::nextDouble;
            return this;
        }

        /** The names of the reader's threads: the prefix, a dash and a number; {@code ddbstreams-reader} unless set. */
        public Builder threadNamePrefix(String threadNamePrefix) {
            this.threadNamePrefix = Objects.requireNonNull(threadNamePrefix, "threadNamePrefix");
            return this;
        }

        /**
         * The reader, not yet started.
         *
         * @throws IllegalStateException when the client, stream ARN or handler is missing, or settings contradict
         *     each other
         */
        public StreamReader build() {
            List<String> missing = new ArrayList<>();
            if (client == null) {
                missing.add("client");
            }
            if (streamArn == null) {
                missing.add("streamArn");
            }
            if (processors == null) {
                missing.add("handler");
            }
            if (!missing.isEmpty()) {
                throw new IllegalStateException("A StreamReader needs a client, a streamArn and a handler (or"
                        + " processors); missing: " + String.join(", ", missing));
            }
            if (maxPollInterval.compareTo(pollInterval) < 0) {
                throw new IllegalStateException("maxPollInterval " + maxPollInterval + " is below pollInterval "
                        + pollInterval);
            }
            if (maxRecordsInFlight < maxRecordsPerBatch) {
                throw new IllegalStateException("maxRecordsInFlight " + maxRecordsInFlight + " leaves no room for a"
                        + " page of maxRecordsPerBatch " + maxRecordsPerBatch + " records");
            }
            return new StreamReader(new ReaderSettings(client, streamArn, startingPosition,
                    checkpointer != null ? checkpointer : new InMemoryCheckpointer(), processors, checkpointMode,
                    failurePolicy, gapListener, errorListener, maxConcurrentShards, pollInterval, maxPollInterval,
                    maxRecordsPerBatch, shardDiscoveryInterval, retryBaseDelay, retryMaxDelay, prefetchPages,
                    maxRecordsInFlight, maxBytesInFlight, clock, sleeper, threadNamePrefix, oneThread, jitter));
        }

        private static Duration nonNegative(Duration duration, String name) {
            Objects.requireNonNull(duration, name);
            if (duration.isNegative()) {
                throw new IllegalArgumentException(name + " must not be negative: " + duration);
            }
            return duration;
        }

        private static Duration positive(Duration duration, String name) {
            nonNegative(duration, name);
            if (duration.isZero()) {
                throw new IllegalArgumentException(name + " must be positive");
            }
            return duration;
        }
    }
}
