package dev.ddbstreams.streams.reader;

import dev.ddbstreams.streams.model.ExpiredIteratorException;
import dev.ddbstreams.streams.model.GetRecordsResponse;
import dev.ddbstreams.streams.model.Record;
import dev.ddbstreams.streams.model.Shard;
import dev.ddbstreams.streams.model.TrimmedDataAccessException;
import dev.ddbstreams.streams.reader.checkpoint.Checkpoint;
import dev.ddbstreams.streams.reader.consume.Backoff;
import dev.ddbstreams.streams.reader.consume.Faults;
import dev.ddbstreams.streams.reader.consume.Gap;
import dev.ddbstreams.streams.reader.consume.ShardPosition;
import dev.ddbstreams.streams.reader.lineage.ShardState;
import dev.ddbstreams.streams.reader.schedule.TaskScheduler;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Reads one shard, a page per step: gets an iterator when it has none, reads a page, hands it to the handler,
 * records the checkpoint, and says when the next page is due. Its steps run one at a time, so batches of a shard
 * are delivered in order.
 *
 * <p>Faults: an expired iterator is replaced by one right after the last record delivered; trimmed data is
 * reported as a {@link Gap} and reading goes on at the oldest record still there; throttling and transient errors
 * are retried with backoff; anything else stops the shard.
 */
final class ShardConsumer implements TaskScheduler.Task {

    private final ReaderSettings settings;
    private final Shard shard;
    private final StartPlanner planner;
    private final Backoff backoff;
    private final MetricsRecorder metrics;
    private final ShardEvents events;

    /** Where a fresh iterator starts; moves past each delivered batch. Null until the shard's start is known. */
    private ShardPosition position;
    private String iterator;
    private Instant lastGetRecords;
    private int retriesInARow;

    ShardConsumer(ReaderSettings settings, Shard shard, StartPlanner planner, Backoff backoff,
            MetricsRecorder metrics, ShardEvents events) {
        this.settings = settings;
        this.shard = shard;
        this.planner = planner;
        this.backoff = backoff;
        this.metrics = metrics;
        this.events = events;
    }

    @Override
    public Instant runStep() {
        try {
            if (position == null && !begin()) {
                return null;
            }
            return readPage();
        } catch (ExpiredIteratorException e) {
            metrics.expiredIterator(shard.shardId());
            iterator = null;
            return paced(now());
        } catch (TrimmedDataAccessException e) {
            return skipTrimmedRecords(e);
        } catch (CallbackFailure e) {
            return fail(e.getCause());
        } catch (RuntimeException e) {
            if (!Faults.isRetryable(e)) {
                return fail(e);
            }
            metrics.retried(shard.shardId());
            retriesInARow++;
            return paced(now().plus(backoff.delay(retriesInARow)));
        }
    }

    /** Finds where to begin; false when there is nothing to read. */
    private boolean begin() {
        StartPlanner.Start start;
        try {
            start = planner.startOf(shard);
        } catch (RuntimeException e) {
            throw new CallbackFailure(e);
        }
        if (start instanceof StartPlanner.Start.Read read) {
            position = read.position();
            return true;
        }
        events.shardDone(shard, start instanceof StartPlanner.Start.Skip ? ShardState.SKIPPED : ShardState.FINISHED);
        return false;
    }

    private Instant readPage() {
        if (iterator == null) {
            iterator = settings.client()
                    .getShardIterator(position.request(settings.streamArn(), shard.shardId()))
                    .shardIterator();
            if (iterator == null) {
                // As the Kinesis Client Library does: no iterator means there is nothing left to read.
                return finish();
            }
        }
        String current = iterator;
        GetRecordsResponse page;
        try {
            page = settings.client().getRecords(r -> r.shardIterator(current).limit(settings.maxRecordsPerBatch()));
        } finally {
            // A call the service refused (expired iterator, trimmed data, throttling) counts against the shard's
            // rate all the same; taken after the answer, so the next call is spaced from the service's view too.
            lastGetRecords = now();
        }
        retriesInARow = 0;
        List<Record> records = page.records();
        if (records.isEmpty()) {
            metrics.caughtUp(shard.shardId());
        } else {
            deliver(records);
        }
        iterator = page.nextShardIterator();
        if (iterator == null) {
            return finish();
        }
        // A page with records suggests more are waiting: read on as soon as the service's rate allows.
        return records.isEmpty() ? paced(now().plus(settings.pollInterval())) : paced(now());
    }

    private void deliver(List<Record> records) {
        ShardBatch batch = new ShardBatch(settings.streamArn(), shard.shardId(), records);
        String last = batch.lastSequenceNumber();
        try {
            settings.handler().handle(batch);
        } catch (Exception e) {
            throw new CallbackFailure(e);
        }
        // From here on the batch counts as delivered: a fresh iterator must start after it.
        position = ShardPosition.after(last);
        metrics.delivered(shard.shardId(), records.size(), last, lagOf(records.get(records.size() - 1)));
        writeCheckpoint(Checkpoint.afterSequenceNumber(last));
    }

    private Instant finish() {
        writeCheckpoint(Checkpoint.shardEnd());
        events.shardDone(shard, ShardState.FINISHED);
        return null;
    }

    private Instant skipTrimmedRecords(TrimmedDataAccessException e) {
        metrics.gap(shard.shardId());
        Gap gap = new Gap(settings.streamArn(), shard.shardId(), position.sequenceNumber(), now(), e);
        try {
            settings.gapListener().onGap(gap);
        } catch (Exception listenerError) {
            return fail(listenerError);
        }
        // The oldest record still there is the first one after the gap.
        position = ShardPosition.trimHorizon();
        iterator = null;
        return paced(now());
    }

    private void writeCheckpoint(Checkpoint checkpoint) {
        try {
            settings.checkpointer().write(settings.streamArn(), shard.shardId(), checkpoint);
        } catch (RuntimeException e) {
            throw new CallbackFailure(e);
        }
    }

    private Instant fail(Throwable cause) {
        events.shardFailed(shard, cause);
        return null;
    }

    private Duration lagOf(Record newest) {
        Instant created = newest.dynamodb().approximateCreationDateTime();
        return created == null ? null : Duration.between(created, now());
    }

    /** {@code wanted}, or later if needed to keep to the service's rate of GetRecords calls on a shard. */
    private Instant paced(Instant wanted) {
        if (lastGetRecords == null) {
            return wanted;
        }
        Instant allowed = lastGetRecords.plus(ReaderSettings.MIN_GET_RECORDS_SPACING);
        return wanted.isBefore(allowed) ? allowed : wanted;
    }

    private Instant now() {
        return settings.clock().instant();
    }
}
