package dev.ddbstreams.streams.reader.consume;

import dev.ddbstreams.streams.model.ExpiredIteratorException;
import dev.ddbstreams.streams.model.GetRecordsResponse;
import dev.ddbstreams.streams.model.Record;
import dev.ddbstreams.streams.model.ResourceNotFoundException;
import dev.ddbstreams.streams.model.Shard;
import dev.ddbstreams.streams.model.ShardIteratorType;
import dev.ddbstreams.streams.model.TrimmedDataAccessException;
import dev.ddbstreams.runtime.exception.AwsServiceException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Reads one shard, a page per {@link #read()} step, and knows everything that can go wrong on the way: it gets an
 * iterator when it has none, renews an expired one where reading stopped, turns trimmed data into a {@link Gap} and
 * goes on at the oldest record left, retries transient errors with backoff, slows the whole stream down when the
 * service throttles ({@link StreamThrottle}), waits longer between polls of an idle shard ({@link Polling}), and
 * keeps its {@code GetRecords} calls at least {@link ShardReaderContext#MIN_GET_RECORDS_SPACING} apart.
 *
 * <p>It neither delivers nor checkpoints: the caller does that with each {@link ReadResult.Records} page, then calls
 * {@code read()} again at {@link #nextReadAt()}. Not thread-safe: one caller at a time, as one shard is read in
 * order. {@code StreamReader} drives one per shard; so can a Flink split reader.
 *
 * <p><b>Where a fresh iterator starts.</b> After the last record returned, once there is one. Before that, at the
 * start position, except that a shard begun at {@code TRIM_HORIZON} is renewed at its own
 * {@code StartingSequenceNumber} ({@code AT_SEQUENCE_NUMBER}): renewing at {@code TRIM_HORIZON} would silently skip
 * what was trimmed meanwhile, while {@code AT_SEQUENCE_NUMBER} fails with trimmed data, which becomes a gap. A shard
 * begun at {@code LATEST} whose iterator expires before it returned a record is renewed at {@code LATEST}: the
 * service offers no position to go back to, and changes made in between are skipped without a report.
 */
public final class ShardReader {

    private final ShardReaderContext context;
    private final Shard shard;
    private final String startingSequenceNumber;

    /** Where a fresh iterator starts; moves past each page returned. */
    private ShardPosition position;
    /** Whether {@link #position} is still the TRIM_HORIZON the shard was begun at, with nothing returned since. */
    private boolean atInitialHorizon;
    private String iterator;
    private Instant lastGetRecords;
    private Instant nextReadAt;
    private int retriesInARow;
    private int emptyInARow;
    private boolean ended;

    /**
     * A reader of {@code shard} that begins at {@code start}: a checkpoint's {@code AFTER_SEQUENCE_NUMBER}, the
     * shard's start ({@link #startOf}), {@code TRIM_HORIZON} or {@code LATEST}.
     */
    public ShardReader(ShardReaderContext context, Shard shard, ShardPosition start) {
        this.context = Objects.requireNonNull(context, "context");
        this.shard = Objects.requireNonNull(shard, "shard");
        this.position = Objects.requireNonNull(start, "start");
        this.startingSequenceNumber = startingSequenceNumberOf(shard);
        this.atInitialHorizon = start.type() == ShardIteratorType.TRIM_HORIZON;
        this.nextReadAt = context.clock().instant();
    }

    /**
     * The position of the shard's first record: {@code AT_SEQUENCE_NUMBER} its {@code StartingSequenceNumber}, so
     * that records trimmed before they were read are reported as a gap; {@code TRIM_HORIZON} when the listing did
     * not give one.
     */
    public static ShardPosition startOf(Shard shard) {
        String start = startingSequenceNumberOf(shard);
        return start == null ? ShardPosition.trimHorizon() : ShardPosition.at(start);
    }

    /** The shard being read. */
    public Shard shard() {
        return shard;
    }

    /** Where a fresh iterator would start now: after the last record returned, or the start position. */
    public ShardPosition position() {
        return position;
    }

    /** When the next {@link #read()} should run: pacing, backoff, the poll pause and the stream's throttle. */
    public Instant nextReadAt() {
        return context.throttle().notBefore(nextReadAt);
    }

    /** Whether the shard has been read to its end (or is gone): {@link #read()} has nothing more to return. */
    public boolean isEnded() {
        return ended;
    }

    /**
     * Reads the next page. Call it at {@link #nextReadAt()} or later; earlier, it waits for nothing and returns
     * {@link ReadResult.Paused} when the stream is throttled. Never throws for what the service answers; only an
     * error of the client itself (a bug, an {@link Error}) escapes.
     */
    public ReadResult read() {
        if (ended) {
            return new ReadResult.End();
        }
        Instant now = now();
        if (context.throttle().remaining(now).compareTo(Duration.ZERO) > 0) {
            return new ReadResult.Paused();
        }
        try {
            if (iterator == null) {
                iterator = newIterator();
                if (iterator == null) {
                    // As the Kinesis Client Library does: no iterator means there is nothing left to read.
                    return end();
                }
            }
            return readPage();
        } catch (ExpiredIteratorException e) {
            iterator = null;
            if (atInitialHorizon && startingSequenceNumber != null) {
                position = ShardPosition.at(startingSequenceNumber);
                atInitialHorizon = false;
            }
            nextReadAt = paced(now());
            return new ReadResult.IteratorExpired();
        } catch (TrimmedDataAccessException e) {
            return gap(Gap.Reason.TRIMMED, e);
        } catch (ResourceNotFoundException e) {
            iterator = null;
            nextReadAt = paced(now().plus(context.retryBackoff().delay(++retriesInARow)));
            return new ReadResult.ShardNotFound(e);
        } catch (RuntimeException e) {
            if (!Faults.isRetryable(e)) {
                return new ReadResult.Failed(e);
            }
            boolean throttled = Faults.isThrottling(e);
            if (throttled) {
                context.throttle().throttled(now());
            }
            nextReadAt = paced(now().plus(context.retryBackoff().delay(++retriesInARow)));
            return new ReadResult.Retry(e, throttled);
        }
    }

    /**
     * The shard is gone (the caller checked that the stream no longer lists it, after
     * {@link ReadResult.ShardNotFound}): whatever was not read yet is lost. Ends the reader.
     *
     * @return the gap to report, after the last record returned
     */
    public Gap shardGone(Exception cause) {
        ended = true;
        iterator = null;
        return new Gap(context.streamArn(), shard.shardId(), lastKnownSequenceNumber(), now(), Gap.Reason.SHARD_GONE,
                cause);
    }

    private String newIterator() {
        try {
            return context.client().getShardIterator(position.request(context.streamArn(), shard.shardId()))
                    .shardIterator();
        } catch (AwsServiceException e) {
            // The shard's own starting sequence number refused as invalid: the service does not take it for an
            // empty shard. Nothing was written, so nothing can be lost by starting at the oldest record instead.
            boolean derivedStart = position.type() == ShardIteratorType.AT_SEQUENCE_NUMBER
                    && position.sequenceNumber().equals(startingSequenceNumber);
            if (!derivedStart || !"ValidationException".equals(e.errorCode())) {
                throw e;
            }
            position = ShardPosition.trimHorizon();
            return context.client().getShardIterator(position.request(context.streamArn(), shard.shardId()))
                    .shardIterator();
        }
    }

    private ReadResult readPage() {
        String current = iterator;
        GetRecordsResponse page;
        try {
            page = context.client().getRecords(r -> r.shardIterator(current).limit(context.maxRecordsPerCall()));
        } finally {
            // A call the service refused (expired iterator, trimmed data, throttling) counts against the shard's
            // rate all the same; taken after the answer, so the next call is spaced from the service's view too.
            lastGetRecords = now();
        }
        retriesInARow = 0;
        context.throttle().succeeded();
        iterator = page.nextShardIterator();
        List<Record> records = page.records();
        if (records.isEmpty()) {
            if (iterator == null) {
                return end();
            }
            emptyInARow++;
            nextReadAt = paced(now().plus(context.polling().pauseAfter(emptyInARow)));
            return new ReadResult.Empty();
        }
        emptyInARow = 0;
        String last = SequenceNumbers.of(records.get(records.size() - 1));
        position = ShardPosition.after(last);
        atInitialHorizon = false;
        if (iterator == null) {
            // The last page of a closed shard: the next step reports the end without a call.
            ended = true;
        }
        // A page with records suggests more are waiting: read on as soon as the service's rate allows.
        nextReadAt = ended ? now() : paced(now());
        return new ReadResult.Records(records, last, sizeOf(records));
    }

    private ReadResult end() {
        ended = true;
        nextReadAt = now();
        return new ReadResult.End();
    }

    private ReadResult gap(Gap.Reason reason, Exception cause) {
        Gap gap = new Gap(context.streamArn(), shard.shardId(), lastKnownSequenceNumber(), now(), reason, cause);
        // The oldest record still there is the first one after the gap.
        position = ShardPosition.trimHorizon();
        atInitialHorizon = false;
        iterator = null;
        nextReadAt = paced(now());
        return new ReadResult.GapFound(gap);
    }

    /** The last record returned (or the checkpoint begun after), or null when reading from the shard's start. */
    private String lastKnownSequenceNumber() {
        return position.type() == ShardIteratorType.AFTER_SEQUENCE_NUMBER ? position.sequenceNumber() : null;
    }

    private static long sizeOf(List<Record> records) {
        long bytes = 0;
        for (Record record : records) {
            Long size = record.dynamodb() == null ? null : record.dynamodb().sizeBytes();
            // Records without a size still take memory: count them as small ones.
            bytes += size != null && size > 0 ? size : 100;
        }
        return bytes;
    }

    /** {@code wanted}, or later if needed to keep to the service's rate of GetRecords calls on a shard. */
    private Instant paced(Instant wanted) {
        if (lastGetRecords == null) {
            return wanted;
        }
        Instant allowed = lastGetRecords.plus(ShardReaderContext.MIN_GET_RECORDS_SPACING);
        return wanted.isBefore(allowed) ? allowed : wanted;
    }

    private Instant now() {
        return context.clock().instant();
    }

    private static String startingSequenceNumberOf(Shard shard) {
        return shard.sequenceNumberRange() == null ? null : shard.sequenceNumberRange().startingSequenceNumber();
    }

    @Override
    public String toString() {
        return "ShardReader(" + shard.shardId() + " at " + position + (ended ? ", ended" : "") + ")";
    }
}
