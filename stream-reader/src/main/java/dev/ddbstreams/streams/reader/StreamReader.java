package dev.ddbstreams.streams.reader;

import dev.ddbstreams.runtime.retry.Sleeper;
import dev.ddbstreams.streams.DynamoDbStreamsClient;
import dev.ddbstreams.streams.reader.checkpoint.Checkpoint;
import dev.ddbstreams.streams.reader.checkpoint.Checkpointer;
import dev.ddbstreams.streams.reader.checkpoint.FileCheckpointer;
import dev.ddbstreams.streams.reader.checkpoint.InMemoryCheckpointer;
import dev.ddbstreams.streams.reader.consume.Gap;
import dev.ddbstreams.streams.reader.lineage.ShardLineage;
import dev.ddbstreams.streams.reader.schedule.TaskScheduler;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

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
 * <p><b>Guarantees.</b> Each record of a shard is handed to the {@link RecordHandler} at least once, and within a
 * shard in sequence-number order. After the handler returns, the batch's {@link Checkpoint} is written; a reader
 * started later with the same {@link Checkpointer} resumes right after it. A clean {@link #close()} finishes the
 * batch in hand and writes its checkpoint, so the next reader delivers nothing twice; after a crash, the batches
 * being handled at that moment are delivered again. Records the service trimmed before they were read are lost:
 * the {@link GapListener} is told.
 *
 * <p><b>Shards.</b> The reader lists the stream's shards with {@code DescribeStream} when it starts and then every
 * {@link Builder#shardDiscoveryInterval shard discovery interval}, and looks up a shard's children as soon as it
 * has read it to the end. A shard is read once its parent has been read to the end, or skipped, or is no longer
 * listed (the service trims shards after 24 hours). Shards that may be read are read in parallel on at most
 * {@link Builder#maxConcurrentShards} threads; a shard waiting for new records holds no thread.
 *
 * <p><b>Where shards start.</b> A shard with a checkpoint resumes after it. A shard whose parent this reader (or an
 * earlier one with the same checkpointer) read starts at its beginning ({@code TRIM_HORIZON}). The
 * {@link StartingPosition} applies only to the other shards of the first listing.
 *
 * <p><b>Polling.</b> An empty page is followed by a pause of {@link Builder#pollInterval}; calls to
 * {@code GetRecords} on one shard are never closer than 200 ms, the service's limit of five per second.
 *
 * <p>The reader ends by itself when the stream has been disabled and every shard read to its end, or when the
 * stream cannot be described at all (see {@link #failure()}). Otherwise it reads until {@link #close()}.
 */
public final class StreamReader implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(StreamReader.class.getName());

    private final ReaderSettings settings;
    private final ShardLineage lineage = new ShardLineage();
    private final MetricsRecorder metrics = new MetricsRecorder();
    private final TaskScheduler scheduler;
    private final Coordinator coordinator;
    private boolean started;

    private StreamReader(ReaderSettings settings) {
        this.settings = settings;
        // A step that throws is a bug in the reader or an Error such as OutOfMemoryError: stop everything.
        this.scheduler = new TaskScheduler(settings.clock(), settings.sleeper(), this::crashed);
        this.coordinator = new Coordinator(settings, lineage, metrics, scheduler);
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
        if (started || scheduler.isStopping()) {
            throw new IllegalStateException("A StreamReader starts once; build a new one to read again");
        }
        started = true;
        scheduler.start(settings.maxConcurrentShards(), settings.threadNamePrefix());
        coordinator.start();
    }

    /**
     * Asks the reader to stop, and returns at once: no new page is read, and the batches being handled are finished
     * and checkpointed. Safe to call from a handler or listener, and more than once.
     */
    public void shutdown() {
        scheduler.stop();
    }

    /**
     * Waits until the reader has stopped, whether closed, failed or done with a disabled stream.
     *
     * @return false when {@code timeout} passed first
     */
    public boolean awaitTermination(Duration timeout) throws InterruptedException {
        Objects.requireNonNull(timeout, "timeout");
        return scheduler.awaitTermination(timeout);
    }

    /** Waits, without a time limit, until the reader has stopped. */
    public void awaitTermination() throws InterruptedException {
        while (!scheduler.awaitTermination(Duration.ofDays(1))) {
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
        if (scheduler.isSchedulerThread()) {
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

    /** Where the reader is in its life. */
    public synchronized ReaderState state() {
        if (scheduler.isTerminated()) {
            return ReaderState.TERMINATED;
        }
        if (scheduler.isStopping()) {
            return ReaderState.STOPPING;
        }
        return started ? ReaderState.RUNNING : ReaderState.NEW;
    }

    /** The error that stopped the whole reader (the stream could not be described, for example), if any. */
    public Optional<Throwable> failure() {
        return Optional.ofNullable(coordinator.failure());
    }

    /** What the reader has done so far: records delivered, lag and errors, in total and for each shard. */
    public ReaderMetrics metrics() {
        return metrics.snapshot(lineage.states());
    }

    @Override
    public String toString() {
        return "StreamReader(" + settings.streamArn() + ", " + state() + ")";
    }

    private void crashed(Throwable error) {
        LOG.log(Level.ERROR, "The reader of " + settings.streamArn() + " stopped on an unexpected error", error);
        coordinator.failReader(error);
    }

    /** Configures a {@link StreamReader}. */
    public static final class Builder {

        private DynamoDbStreamsClient client;
        private String streamArn;
        private StartingPosition startingPosition = StartingPosition.TRIM_HORIZON;
        private Checkpointer checkpointer;
        private RecordHandler handler;
        private GapListener gapListener = Builder::logGap;
        private ErrorListener errorListener = Builder::logError;
        private int maxConcurrentShards = 4;
        private Duration pollInterval = Duration.ofSeconds(1);
        private int maxRecordsPerBatch = 1000;
        private Duration shardDiscoveryInterval = Duration.ofSeconds(30);
        private Duration retryBaseDelay = Duration.ofMillis(100);
        private Duration retryMaxDelay = Duration.ofSeconds(10);
        private Clock clock = Clock.systemUTC();
        private Sleeper sleeper = Sleeper.system();
        private String threadNamePrefix = "ddbstreams-reader";

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

        /** Receives the records (required); called from several threads, one shard at a time per thread. */
        public Builder handler(RecordHandler handler) {
            this.handler = Objects.requireNonNull(handler, "handler");
            return this;
        }

        /** Told of records lost to trimming; unless set, gaps are logged as warnings. */
        public Builder onGap(GapListener gapListener) {
            this.gapListener = Objects.requireNonNull(gapListener, "gapListener");
            return this;
        }

        /** Told of errors that stop a shard or the reader; unless set, they are logged as errors. */
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
         * The pause after a page without records before reading the shard again; 1 second unless set. Calls on one
         * shard stay at least 200 ms apart whatever this is.
         */
        public Builder pollInterval(Duration pollInterval) {
            this.pollInterval = nonNegative(pollInterval, "pollInterval");
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

        /** The names of the reader's threads: the prefix, a dash and a number; {@code ddbstreams-reader} unless set. */
        public Builder threadNamePrefix(String threadNamePrefix) {
            this.threadNamePrefix = Objects.requireNonNull(threadNamePrefix, "threadNamePrefix");
            return this;
        }

        /**
         * The reader, not yet started.
         *
         * @throws IllegalStateException when the client, stream ARN or handler is missing
         */
        public StreamReader build() {
            List<String> missing = new ArrayList<>();
            if (client == null) {
                missing.add("client");
            }
            if (streamArn == null) {
                missing.add("streamArn");
            }
            if (handler == null) {
                missing.add("handler");
            }
            if (!missing.isEmpty()) {
                throw new IllegalStateException("A StreamReader needs a client, a streamArn and a handler; missing: "
                        + String.join(", ", missing));
            }
            return new StreamReader(new ReaderSettings(client, streamArn, startingPosition,
                    checkpointer != null ? checkpointer : new InMemoryCheckpointer(), handler, gapListener,
                    errorListener, maxConcurrentShards, pollInterval, maxRecordsPerBatch, shardDiscoveryInterval,
                    retryBaseDelay, retryMaxDelay, clock, sleeper, threadNamePrefix));
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

        private static void logGap(Gap gap) {
            LOG.log(Level.WARNING, "Records were trimmed before they could be read: " + gap);
        }

        private static void logError(ReadError error) {
            LOG.log(Level.ERROR, "Reading stopped: " + error, error.cause());
        }
    }
}
