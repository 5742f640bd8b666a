package dev.ddbstreams.streams.reader;

import dev.ddbstreams.streams.model.Record;
import dev.ddbstreams.streams.model.Shard;
import dev.ddbstreams.streams.model.ShardIteratorType;
import dev.ddbstreams.streams.reader.checkpoint.Checkpoint;
import dev.ddbstreams.streams.reader.consume.Backoff;
import dev.ddbstreams.streams.reader.consume.Gap;
import dev.ddbstreams.streams.reader.consume.InFlightBudget;
import dev.ddbstreams.streams.reader.consume.ReadResult;
import dev.ddbstreams.streams.reader.consume.SequenceNumbers;
import dev.ddbstreams.streams.reader.consume.ShardPosition;
import dev.ddbstreams.streams.reader.consume.ShardReader;
import dev.ddbstreams.streams.reader.consume.ShardReaderContext;
import dev.ddbstreams.streams.reader.lineage.ShardState;
import dev.ddbstreams.streams.reader.schedule.TaskScheduler;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One shard's way from the service to the application: a fetch task (on the reader's fetch threads) drives a
 * {@link ShardReader} and queues what it reads, up to {@link ReaderSettings#prefetchPages()} pages ahead of the
 * handler and within the reader's {@link InFlightBudget}; a delivery task (on the handler threads) takes the queue in
 * order and calls the shard's {@link ShardProcessor}: started, each batch (then its checkpoint), gaps, ended (then the
 * shard-end checkpoint), or shutdown requested. So the next page is read while the handler works on this one, and a
 * shard's batches still reach the handler one at a time and in order.
 *
 * <p>A failure (the handler, the checkpointer, a gap listener, an error retrying cannot fix) goes to the error
 * listener and then the {@link FailurePolicy}. A restart after a failure begins a new generation: what the old one
 * had queued is dropped, and its late results are ignored, so nothing is checkpointed past what the new generation
 * delivers.
 */
final class ShardPipeline {

    private static final Logger LOG = LoggerFactory.getLogger(StreamReader.class);

    private sealed interface Item {}

    private record Started(ShardStart start) implements Item {}

    private record Batch(ReadResult.Records page) implements Item {}

    private record GapItem(Gap gap) implements Item {}

    private record Ended() implements Item {}

    private record ShutdownRequested() implements Item {}

    private final ReaderSettings settings;
    private final Shard shard;
    private final StartPlanner planner;
    private final ShardReaderContext context;
    private final MetricsRecorder metrics;
    private final ShardEvents events;
    private final TaskScheduler fetcher;
    private final TaskScheduler handlers;
    private final InFlightBudget budget;
    private final Backoff failureBackoff;

    // Guarded by this.
    private final Deque<Item> queue = new ArrayDeque<>();
    private int generation;
    private boolean fetchScheduled;
    private boolean deliveryScheduled;
    private boolean batchInHand;
    private boolean stopping;
    private boolean over;
    private Runnable onShutdownDone;
    private int failuresInARow;
    private ShardProcessor processor;
    private Progress progress;
    /** The shard's reading in the current generation: every fetch step of that generation goes on with it. */
    private Reading reading;

    /** One generation's reader, and what its fetch steps remember between them (only they touch it). */
    private static final class Reading {
        final int gen;
        final ShardReader reader;
        /**
         * The sequence number of the shard's {@link Checkpoint.Kind#AT_SEQUENCE_NUMBER} checkpoint, written or read
         * as this generation began, while no page was read since; else null.
         */
        String atCheckpoint;
        /** Whether this generation found a gap: its records are reported, not yet past. */
        boolean gapFound;

        Reading(int gen, ShardReader reader, String atCheckpoint) {
            this.gen = gen;
            this.reader = reader;
            this.atCheckpoint = atCheckpoint;
        }
    }

    ShardPipeline(ReaderSettings settings, Shard shard, StartPlanner planner, ShardReaderContext context,
            MetricsRecorder metrics, ShardEvents events, TaskScheduler fetcher, TaskScheduler handlers,
            InFlightBudget budget) {
        this.settings = settings;
        this.shard = shard;
        this.planner = planner;
        this.context = context;
        this.metrics = metrics;
        this.events = events;
        this.fetcher = fetcher;
        this.handlers = handlers;
        this.budget = budget;
        FailurePolicy policy = settings.failurePolicy();
        this.failureBackoff = policy.action() == FailurePolicy.Action.RETRY
                ? new Backoff(policy.retryBase(), policy.retryMax(), settings.jitter()) : null;
    }

    String shardId() {
        return shard.shardId();
    }

    /** Begins the shard now. */
    synchronized void start() {
        scheduleFetch(generation, now());
    }

    /**
     * Stops the shard for a closing reader: nothing more is read, what is queued is dropped (a later reader reads it
     * again from the checkpoint), the batch in hand finishes, and a started processor is told. Then {@code done} runs.
     */
    void requestShutdown(Runnable done) {
        boolean doneNow;
        synchronized (this) {
            stopping = true;
            onShutdownDone = done;
            dropQueue();
            doneNow = over || processor == null || progress.awaitingFinal;
            if (!doneNow) {
                queue.add(new ShutdownRequested());
                ensureDelivery();
            }
        }
        if (doneNow) {
            shutdownDone();
        }
    }

    // ---- Fetching ---------------------------------------------------------------------------------------------

    private final class Fetch implements TaskScheduler.Task {
        private final int gen;

        Fetch(int gen) {
            this.gen = gen;
        }

        @Override
        public Instant runStep() {
            if (!isCurrent(gen)) {
                return null;
            }
            Reading current = readingOf(gen);
            if (current == null) {
                current = begin();
                if (current == null) {
                    return null;
                }
            }
            ShardReader reader = current.reader;
            int reserve = settings.maxRecordsPerBatch();
            synchronized (ShardPipeline.this) {
                // Parked when far enough ahead of the handler, or when the reader holds as much as it may: the
                // delivery of a batch, or room released in the budget, schedules the next fetch.
                if (pagesAhead() > settings.prefetchPages() || !budget.tryReserve(reserve, () -> unpark(gen))) {
                    fetchScheduled = false;
                    return null;
                }
            }
            ReadResult result;
            ShardIteratorType readFrom = reader.position().type();
            try {
                result = reader.read();
                if (result instanceof ReadResult.Records page) {
                    moveAtCheckpoint(current, readFrom, page);
                }
            } catch (RuntimeException e) {
                budget.settle(reserve, 0, 0);
                return failed(gen, e);
            }
            if (result instanceof ReadResult.Records page) {
                budget.settle(reserve, page.records().size(), page.bytes());
                if (!enqueue(gen, new Batch(page))) {
                    budget.release(page.records().size(), page.bytes());
                }
            } else {
                budget.settle(reserve, 0, 0);
            }
            if (result instanceof ReadResult.Empty) {
                metrics.caughtUp(shard.shardId());
            } else if (result instanceof ReadResult.GapFound found) {
                current.gapFound = true;
                enqueue(gen, new GapItem(found.gap()));
            } else if (result instanceof ReadResult.End) {
                enqueue(gen, new Ended());
                return null;
            } else if (result instanceof ReadResult.IteratorExpired) {
                metrics.expiredIterator(shard.shardId());
            } else if (result instanceof ReadResult.Retry retry) {
                metrics.retried(shard.shardId());
                LOG.debug("Reading shard {} of {} failed, retried after a pause: {}", shard.shardId(),
                        settings.streamArn(), retry.cause().toString());
            } else if (result instanceof ReadResult.ShardNotFound notFound) {
                if (events.isGone(shard)) {
                    enqueue(gen, new GapItem(reader.shardGone(notFound.cause())));
                    enqueue(gen, new Ended());
                    return null;
                }
                metrics.retried(shard.shardId());
            } else if (result instanceof ReadResult.Failed failure) {
                return failed(gen, failure.cause());
            }
            return isCurrent(gen) ? reader.nextReadAt() : null;
        }

        /**
         * Finds where to begin, says in the checkpoints that the shard is begun, and makes the generation's reader;
         * null when there is nothing to read.
         */
        private Reading begin() {
            StartPlanner.Start start;
            try {
                start = planner.startOf(shard);
                if (start instanceof StartPlanner.Start.Read read && read.marker() != null) {
                    settings.checkpointer().write(settings.streamArn(), shard.shardId(), read.marker());
                }
            } catch (RuntimeException e) {
                failed(gen, e);
                return null;
            }
            if (start instanceof StartPlanner.Start.Read read) {
                String at = read.marker() != null ? read.marker().sequenceNumber().orElseThrow()
                        : read.position().type() == ShardIteratorType.AT_SEQUENCE_NUMBER
                                ? read.position().sequenceNumber() : null;
                Reading created = new Reading(gen, new ShardReader(context, shard, read.position()), at);
                synchronized (ShardPipeline.this) {
                    if (gen != generation) {
                        return null;
                    }
                    reading = created;
                }
                return enqueue(gen, new Started(new ShardStart(settings.streamArn(), shard, read.position())))
                        ? created : null;
            }
            ShardState state = start instanceof StartPlanner.Start.Skip ? ShardState.SKIPPED : ShardState.FINISHED;
            synchronized (ShardPipeline.this) {
                over = true;
            }
            LOG.debug("Shard {} of {} not read: {}", shard.shardId(), settings.streamArn(),
                    state == ShardState.SKIPPED ? "closed before a reader starting at LATEST found it"
                            : "an earlier run read it to its end");
            events.shardDone(shard, state);
            return null;
        }
    }

    private synchronized Reading readingOf(int gen) {
        return reading != null && reading.gen == gen ? reading : null;
    }

    /**
     * After the first page of a shard begun at {@code TRIM_HORIZON}: its checkpoint moves from the shard's starting
     * sequence number to the first record there is, before the page goes to the handler. What came before that
     * record was trimmed before the reader began the shard, and was never its to deliver; a later reader resuming at
     * the shard's start would take that for a gap. Not after a gap this generation found: the gap must have been
     * reported before the checkpoint moves past it, and the batch's own checkpoint soon does that.
     */
    private void moveAtCheckpoint(Reading current, ShardIteratorType readFrom, ReadResult.Records page) {
        String first = SequenceNumbers.of(page.records().get(0));
        boolean move = current.atCheckpoint != null && !current.atCheckpoint.equals(first) && !current.gapFound
                && readFrom == ShardIteratorType.TRIM_HORIZON;
        current.atCheckpoint = null;
        if (move) {
            settings.checkpointer().write(settings.streamArn(), shard.shardId(), Checkpoint.atSequenceNumber(first));
        }
    }

    /** Batches queued or in hand: how far fetching is ahead of the handler. */
    private int pagesAhead() {
        int pages = batchInHand ? 1 : 0;
        for (Item item : queue) {
            if (item instanceof Batch) {
                pages++;
            }
        }
        return pages;
    }

    private void unpark(int gen) {
        synchronized (this) {
            if (gen == generation && !fetchScheduled && !stopping && !over) {
                scheduleFetch(gen, now());
            }
        }
    }

    private void scheduleFetch(int gen, Instant due) {
        fetchScheduled = true;
        fetcher.schedule(new Fetch(gen), due);
    }

    // ---- Delivering -------------------------------------------------------------------------------------------

    private boolean enqueue(int gen, Item item) {
        synchronized (this) {
            if (gen != generation || stopping || over) {
                return false;
            }
            queue.add(item);
            ensureDelivery();
            return true;
        }
    }

    private void ensureDelivery() {
        if (!deliveryScheduled) {
            deliveryScheduled = true;
            handlers.schedule(this::deliverStep, now());
        }
    }

    /** Delivers the next item queued; the queue only ever holds the current generation's. */
    private Instant deliverStep() {
        Item item;
        int gen;
        synchronized (this) {
            gen = generation;
            item = queue.poll();
            if (item == null) {
                deliveryScheduled = false;
                return null;
            }
            batchInHand = item instanceof Batch;
        }
        try {
            if (item instanceof Started started) {
                begin(gen, started.start());
            } else if (item instanceof Batch batch) {
                deliver(gen, batch.page());
            } else if (item instanceof GapItem gap) {
                reportGap(gap.gap());
            } else if (item instanceof Ended) {
                endShard(gen);
            } else {
                shutdownRequested();
            }
        } catch (Exception | LinkageError e) {
            failed(gen, e instanceof CallbackFailure ? e.getCause() : e);
        } finally {
            synchronized (this) {
                batchInHand = false;
            }
        }
        synchronized (this) {
            if (queue.isEmpty()) {
                deliveryScheduled = false;
                return null;
            }
            return now();
        }
    }

    private void begin(int gen, ShardStart start) throws Exception {
        ShardProcessor created = settings.processors().get();
        synchronized (this) {
            if (gen != generation) {
                return;
            }
            processor = created;
            ShardPosition position = start.position();
            String resumedFrom = position.type() == ShardIteratorType.AFTER_SEQUENCE_NUMBER
                    ? position.sequenceNumber() : null;
            progress = new Progress(gen, resumedFrom);
        }
        LOG.info("Shard {} of {} started at {}", shard.shardId(), settings.streamArn(), start.position());
        created.shardStarted(start);
    }

    private void deliver(int gen, ReadResult.Records page) throws Exception {
        List<Record> records = page.records();
        // Delivered from the application's view as soon as it has the batch: it may checkpoint it from inside.
        progress.delivered(page.lastSequenceNumber());
        try {
            processor.processBatch(new ShardBatch(settings.streamArn(), shard.shardId(), records), progress);
        } finally {
            // No longer in hand before the fetch is woken: a fetch that still saw it would park again, for good.
            synchronized (this) {
                batchInHand = false;
            }
            budget.release(records.size(), page.bytes());
            unpark(gen);
        }
        if (!isGeneration(gen)) {
            // A restart began meanwhile: the new generation delivers this batch again and checkpoints it then.
            return;
        }
        if (settings.checkpointMode() == CheckpointMode.AFTER_EACH_BATCH) {
            progress.checkpoint(page.lastSequenceNumber());
        }
        synchronized (this) {
            failuresInARow = 0;
        }
        metrics.delivered(shard.shardId(), records.size(), page.lastSequenceNumber(),
                lagOf(records.get(records.size() - 1)));
    }

    private void reportGap(Gap gap) throws Exception {
        metrics.gap(shard.shardId());
        LOG.warn("Records were lost before they could be read: {}", gap);
        settings.gapListener().onGap(gap);
    }

    private void endShard(int gen) throws Exception {
        processor.shardEnded(progress);
        if (!progress.awaitFinalCheckpoint()) {
            finish(gen);
        } else {
            LOG.debug("Shard {} of {} read to its end; waiting for the application to checkpoint its last record",
                    shard.shardId(), settings.streamArn());
        }
    }

    /** The shard is read and checkpointed to its end: record it, and release its children. */
    private void finish(int gen) {
        if (!isGeneration(gen)) {
            return;
        }
        try {
            settings.checkpointer().write(settings.streamArn(), shard.shardId(), Checkpoint.shardEnd());
        } catch (RuntimeException e) {
            failed(gen, e);
            return;
        }
        synchronized (this) {
            over = true;
        }
        LOG.info("Shard {} of {} ended: read to its end and checkpointed", shard.shardId(), settings.streamArn());
        events.shardDone(shard, ShardState.FINISHED);
    }

    private void shutdownRequested() throws Exception {
        try {
            processor.shutdownRequested(progress);
        } finally {
            shutdownDone();
        }
    }

    // ---- Failing ----------------------------------------------------------------------------------------------

    private Instant failed(int gen, Throwable cause) {
        boolean stoppingNow;
        synchronized (this) {
            if (gen != generation || over) {
                return null;
            }
            stoppingNow = stopping;
            over = stoppingNow || settings.failurePolicy().action() != FailurePolicy.Action.RETRY;
            generation++;
            dropQueue();
        }
        metrics.failure();
        ReadError error = new ReadError(settings.streamArn(), shard.shardId(), now(), cause);
        LOG.error("Reading shard {} of {} failed ({}): {}", shard.shardId(), settings.streamArn(),
                stoppingNow ? "the reader is closing" : settings.failurePolicy(), cause.toString(), cause);
        events.report(error);
        if (stoppingNow) {
            shutdownDone();
            return null;
        }
        switch (settings.failurePolicy().action()) {
            case STOP_SHARD -> events.shardFailed(shard, cause);
            case STOP_READER -> events.failReader(cause);
            case RETRY -> {
                synchronized (this) {
                    failuresInARow++;
                    processor = null;
                    Duration pause = failureBackoff.delay(failuresInARow);
                    LOG.info("Shard {} of {} starts again from its last checkpoint in {}", shard.shardId(),
                            settings.streamArn(), pause);
                    scheduleFetch(generation, now().plus(pause));
                }
            }
        }
        return null;
    }

    private void dropQueue() {
        for (Item item : queue) {
            if (item instanceof Batch batch) {
                budget.release(batch.page().records().size(), batch.page().bytes());
            }
        }
        queue.clear();
    }

    private void shutdownDone() {
        Runnable done;
        synchronized (this) {
            done = onShutdownDone;
            onShutdownDone = null;
        }
        if (done != null) {
            done.run();
        }
    }

    /** Whether no restart began since {@code gen}: its deliveries may still be checkpointed, even while stopping. */
    private synchronized boolean isGeneration(int gen) {
        return gen == generation;
    }

    private synchronized boolean isCurrent(int gen) {
        return gen == generation && !over && !stopping;
    }

    private Duration lagOf(Record newest) {
        Instant created = newest.dynamodb().approximateCreationDateTime();
        return created == null ? null : Duration.between(created, now());
    }

    private Instant now() {
        return settings.clock().instant();
    }

    /** The shard's checkpoints in one generation: what was delivered, what is checkpointed, and the end. */
    private final class Progress implements ShardCheckpointer {
        private final int gen;
        private String lastDelivered;
        private String lastCheckpointed;
        private boolean awaitingFinal;

        Progress(int gen, String resumedFrom) {
            this.gen = gen;
            this.lastCheckpointed = resumedFrom;
        }

        @Override
        public String shardId() {
            return shard.shardId();
        }

        synchronized void delivered(String sequenceNumber) {
            lastDelivered = sequenceNumber;
        }

        @Override
        public void checkpoint() {
            String last;
            synchronized (this) {
                last = lastDelivered;
            }
            if (last != null) {
                checkpoint(last);
            }
        }

        @Override
        public void checkpoint(String sequenceNumber) {
            boolean finishNow;
            synchronized (this) {
                if (lastDelivered == null || SequenceNumbers.ORDER.compare(sequenceNumber, lastDelivered) > 0) {
                    throw new IllegalArgumentException("cannot checkpoint " + sequenceNumber + " in shard "
                            + shard.shardId() + ": the last record delivered is " + lastDelivered);
                }
                if (lastCheckpointed != null && SequenceNumbers.ORDER.compare(sequenceNumber, lastCheckpointed) <= 0) {
                    return;
                }
                settings.checkpointer().write(settings.streamArn(), shard.shardId(),
                        Checkpoint.afterSequenceNumber(sequenceNumber));
                lastCheckpointed = sequenceNumber;
                finishNow = awaitingFinal && sequenceNumber.equals(lastDelivered);
                if (finishNow) {
                    awaitingFinal = false;
                }
            }
            if (finishNow) {
                handlers.schedule(() -> {
                    finish(gen);
                    return null;
                }, now());
            }
        }

        /** After the shard ended: whether the end must wait for the application's last checkpoint. */
        synchronized boolean awaitFinalCheckpoint() {
            awaitingFinal = lastDelivered != null && !lastDelivered.equals(lastCheckpointed);
            return awaitingFinal;
        }

        @Override
        public synchronized Optional<String> lastCheckpointed() {
            return Optional.ofNullable(lastCheckpointed);
        }
    }
}
