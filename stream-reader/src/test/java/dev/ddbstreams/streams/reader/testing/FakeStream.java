package dev.ddbstreams.streams.reader.testing;

import java.math.BigInteger;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The state of one simulated DynamoDB stream: a lineage of shards, the records written to each, what has been
 * trimmed, and the iterators handed out. It answers the three operations the reader uses with the service's
 * semantics, or throws {@link ServiceError}; {@link FakeStreamsService} puts it on HTTP. Thread-safe.
 *
 * <p>Records are planned up front and "written" over time: {@link #writeSome} makes a few more visible, as writes to
 * the table would. A shard that is to close closes once all its planned records are written; its children are listed
 * from then on. When every shard is closed the stream is disabled, so a reader of it ends by itself.
 */
public final class FakeStream {

    /** The service allows five GetRecords calls per second on a shard; closer calls are throttled. */
    public static final Duration MIN_GET_RECORDS_SPACING = Duration.ofMillis(200);

    public static final String ARN = "arn:aws:dynamodb:us-east-1:123456789012:table/Orders/stream/2024-05-01T00:00:00.000";

    /** An error the service answers with. */
    public static final class ServiceError extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final int status;
        final String code;

        ServiceError(int status, String code, String message) {
            super(message);
            this.status = status;
            this.code = code;
        }
    }

    /** One record as the fake knows it. */
    public record FakeRecord(String shardId, int index, String sequenceNumber, Instant createdAt, long itemId) {
        public BigInteger sequence() {
            return new BigInteger(sequenceNumber);
        }
    }

    /** A shard as listed by DescribeStream. */
    public record ShardView(String shardId, String parentShardId, String startingSequenceNumber, String endingSequenceNumber) {}

    /** A page of GetRecords. */
    public record Page(List<FakeRecord> records, String nextIterator) {}

    private static final class FakeShard {
        final String id;
        final String parentId;
        final int planned;
        final boolean closes;
        final BigInteger firstSequence;
        final List<FakeRecord> written = new ArrayList<>();
        int trimmed;
        boolean closed;
        boolean listed;
        boolean gone;
        Integer latestPosition;
        Instant lastGetRecords;
        boolean returnedAny;
        boolean begun;
        int trimmedUnseen;

        FakeShard(String id, String parentId, int planned, boolean closes, BigInteger firstSequence) {
            this.id = id;
            this.parentId = parentId;
            this.planned = planned;
            this.closes = closes;
            this.firstSequence = firstSequence;
        }

        String sequenceAt(int index) {
            return firstSequence.add(BigInteger.valueOf(index)).toString();
        }
    }

    private record IteratorState(String shardId, int position, Instant issuedAt) {}

    /** Iterators expire 15 minutes after they were handed out, as the service's do. */
    public static final Duration ITERATOR_LIFETIME = Duration.ofMinutes(15);

    private final Clock clock;
    private final Map<String, FakeShard> shards = new LinkedHashMap<>();
    /**
     * The shards in the order they were created (listed), which is the order DescribeStream lists them in: the
     * service's shard ids grow with their creation time, so a listing's pages never pass over a shard created while
     * they are read (only the planned ids here do not follow creation).
     */
    private final List<FakeShard> listingOrder = new ArrayList<>();
    private final Map<String, IteratorState> iterators = new HashMap<>();
    private BigInteger nextSequence = new BigInteger("100000000000000000000");
    private long nextItemId = 1;
    private int nextIteratorId = 1;
    private boolean disabledWhenAllClosed = true;
    private boolean fullPages;
    private int rateViolations;

    public FakeStream(Clock clock) {
        this.clock = clock;
    }

    // ---- Building the lineage ----------------------------------------------------------------------------

    /**
     * Plans a shard of {@code planned} records. Roots are listed at once; a child is listed once its parent closes
     * (or at once, when its parent is gone). A shard that {@code closes} closes when its planned records are written.
     */
    public synchronized void addShard(String shardId, String parentId, int planned, boolean closes) {
        if (shards.containsKey(shardId)) {
            throw new IllegalArgumentException("shard planned twice: " + shardId);
        }
        FakeShard shard = new FakeShard(shardId, parentId, planned, closes, nextSequence);
        // Sequence numbers grow along the lineage, with room between shards, as the service's do.
        nextSequence = nextSequence.add(BigInteger.valueOf(planned + 1000L));
        shards.put(shardId, shard);
        FakeShard parent = parentId == null ? null : shards.get(parentId);
        if (parent == null || parent.closed || parent.gone) {
            list(shard);
        }
        closeIfComplete(shard);
    }

    /** The shard was trimmed away before anyone looked: not listed, never readable; its children are listed. */
    public synchronized void removeShard(String shardId) {
        FakeShard shard = shard(shardId);
        shard.gone = true;
        shard.listed = false;
        for (FakeShard child : shards.values()) {
            if (shardId.equals(child.parentId) && !child.listed && !child.gone) {
                list(child);
            }
        }
    }

    /** Whether GetRecords returns as many records as asked for and available (else a random number, at times none). */
    public synchronized void fullPages(boolean full) {
        this.fullPages = full;
    }

    /** Whether the stream is disabled once every shard is closed (else it stays enabled, as a live table's). */
    public synchronized void disableWhenAllClosed(boolean disable) {
        this.disabledWhenAllClosed = disable;
    }

    // ---- Time passing: writes, closes, trims ------------------------------------------------------------

    /** Writes up to {@code count} more planned records to the shard (closing it when it is complete). */
    public synchronized void write(String shardId, int count) {
        FakeShard shard = shard(shardId);
        if (!shard.listed || shard.gone) {
            throw new IllegalStateException(shardId + " takes no writes before its parent closed");
        }
        for (int i = 0; i < count && shard.written.size() < shard.planned; i++) {
            int index = shard.written.size();
            shard.written.add(new FakeRecord(shardId, index, shard.sequenceAt(index), clock.instant(), nextItemId++));
        }
        closeIfComplete(shard);
    }

    /** Writes everything planned, shard after shard down the lineage. */
    public synchronized void writeAll() {
        boolean progress = true;
        while (progress) {
            progress = false;
            for (FakeShard shard : shards.values()) {
                if (shard.listed && !shard.gone && shard.written.size() < shard.planned) {
                    write(shard.id, shard.planned);
                    progress = true;
                }
            }
        }
    }

    /** A few random writes to open shards, as a table being written to; called as requests come in. */
    public synchronized void writeSome(Random random) {
        List<FakeShard> open = shards.values().stream()
                .filter(s -> s.listed && !s.gone && !s.closed)
                .toList();
        for (FakeShard shard : open) {
            if (random.nextInt(3) == 0) {
                write(shard.id, 1 + random.nextInt(3));
            }
        }
    }

    /**
     * The service's retention, as of now on the stream's clock: records older than {@code retention} are trimmed,
     * and a closed shard whose records are all trimmed is no longer listed (its children are).
     */
    public synchronized void applyRetention(Duration retention) {
        Instant horizon = clock.instant().minus(retention);
        for (FakeShard shard : shards.values()) {
            int oldest = shard.trimmed;
            while (oldest < shard.written.size() && shard.written.get(oldest).createdAt().isBefore(horizon)) {
                oldest++;
            }
            shard.trimmed = oldest;
        }
        for (FakeShard shard : List.copyOf(shards.values())) {
            if (shard.listed && shard.closed && !shard.written.isEmpty() && shard.trimmed == shard.written.size()) {
                removeShard(shard.id);
            }
        }
    }

    /** Trims the shard's oldest records up to (not including) {@code index}, as the 24-hour retention does. */
    public synchronized void trim(String shardId, int index) {
        FakeShard shard = shard(shardId);
        shard.trimmed = Math.max(shard.trimmed, Math.min(index, shard.written.size()));
    }

    /** Trims a random prefix of a random shard that has written records. */
    public synchronized void trimSome(Random random) {
        List<FakeShard> trimmable = shards.values().stream()
                .filter(s -> s.written.size() > s.trimmed)
                .toList();
        if (!trimmable.isEmpty()) {
            FakeShard shard = trimmable.get(random.nextInt(trimmable.size()));
            trim(shard.id, shard.trimmed + 1 + random.nextInt(shard.written.size() - shard.trimmed));
        }
    }

    /** Closes an open shard now, with the records it has (ending its plan there), and lists its children. */
    public synchronized void close(String shardId) {
        FakeShard shard = shard(shardId);
        shard.closed = true;
        listChildren(shard);
    }

    // ---- The service's operations ------------------------------------------------------------------------

    /** DescribeStream: the listed shards (after {@code exclusiveStart}, children of {@code childrenOf} if set). */
    public synchronized List<ShardView> describe(String exclusiveStart, String childrenOf) {
        List<ShardView> views = new ArrayList<>();
        boolean started = exclusiveStart == null;
        for (FakeShard shard : listingOrder) {
            if (!started) {
                started = shard.id.equals(exclusiveStart);
                continue;
            }
            if (shard.listed && (childrenOf == null || childrenOf.equals(shard.parentId))) {
                views.add(new ShardView(shard.id, shard.parentId, shard.sequenceAt(0),
                        shard.closed ? shard.sequenceAt(Math.max(0, shard.written.size() - 1)) : null));
            }
        }
        return views;
    }

    public synchronized boolean disabled() {
        return disabledWhenAllClosed && shards.values().stream().allMatch(s -> s.closed || s.gone);
    }

    /** GetShardIterator. */
    public synchronized String iterator(String shardId, String type, String sequenceNumber) {
        FakeShard shard = shards.get(shardId);
        if (shard == null || !shard.listed) {
            throw new ServiceError(400, "ResourceNotFoundException", "Requested resource not found: Shard: "
                    + shardId + " in Stream: " + ARN);
        }
        shard.begun = true;
        int position = switch (type) {
            case "TRIM_HORIZON" -> {
                if (!shard.returnedAny) {
                    // The reader knows no sequence number of this shard yet: what was trimmed so far is lost to it
                    // without any way to tell.
                    shard.trimmedUnseen = shard.trimmed;
                }
                yield shard.trimmed;
            }
            case "LATEST" -> {
                shard.latestPosition = shard.written.size();
                yield shard.written.size();
            }
            case "AT_SEQUENCE_NUMBER" -> indexOf(shard, sequenceNumber);
            case "AFTER_SEQUENCE_NUMBER" -> indexOf(shard, sequenceNumber) + 1;
            default -> throw new ServiceError(400, "ValidationException", "bad ShardIteratorType " + type);
        };
        if (position < shard.trimmed) {
            throw trimmed(shard);
        }
        return newIterator(shard.id, position);
    }

    /** GetRecords: up to {@code limit} records, fewer (even none) when {@code random} says so. */
    public synchronized Page records(String iterator, int limit, Random random) {
        IteratorState state = iterators.get(iterator);
        if (state == null) {
            throw new ServiceError(400, "ValidationException", "Invalid ShardIterator: " + iterator);
        }
        FakeShard shard = shard(state.shardId());
        Instant now = clock.instant();
        if (shard.gone) {
            throw new ServiceError(400, "ResourceNotFoundException", "Requested resource not found: Shard: "
                    + shard.id + " in Stream: " + ARN);
        }
        if (Duration.between(state.issuedAt(), now).compareTo(ITERATOR_LIFETIME) > 0) {
            throw new ServiceError(400, "ExpiredIteratorException", "Iterator expired. The iterator was created at "
                    + state.issuedAt() + " while right now it is " + now);
        }
        if (shard.lastGetRecords != null
                && Duration.between(shard.lastGetRecords, now).compareTo(MIN_GET_RECORDS_SPACING) < 0) {
            rateViolations++;
            throw new ServiceError(400, "LimitExceededException", "Rate exceeded for shard " + shard.id);
        }
        shard.lastGetRecords = now;
        if (state.position() < shard.trimmed) {
            throw trimmed(shard);
        }
        int available = shard.written.size() - state.position();
        int wanted = fullPages ? limit : random.nextInt(4) == 0 ? 0 : 1 + random.nextInt(limit);
        int count = Math.min(available, Math.min(limit, wanted));
        List<FakeRecord> page = List.copyOf(shard.written.subList(state.position(), state.position() + count));
        shard.returnedAny |= count > 0;
        int next = state.position() + count;
        boolean atEnd = shard.closed && next == shard.written.size();
        return new Page(page, atEnd ? null : newIterator(shard.id, next));
    }

    /** The shard a GetRecords iterator reads, or null for one never handed out. */
    public synchronized String shardOf(String iterator) {
        IteratorState state = iterators.get(iterator);
        return state == null ? null : state.shardId();
    }

    // ---- What tests check against ------------------------------------------------------------------------

    /** Every record written, shard by shard. */
    public synchronized Map<String, List<FakeRecord>> written() {
        Map<String, List<FakeRecord>> copy = new LinkedHashMap<>();
        shards.values().forEach(s -> copy.put(s.id, List.copyOf(s.written)));
        return copy;
    }

    /**
     * How many of the shard's oldest records were trimmed before a reader, knowing no sequence number of the shard,
     * asked for a TRIM_HORIZON iterator: the service offers no way to notice their loss.
     */
    public synchronized int trimmedUnseen(String shardId) {
        return shard(shardId).trimmedUnseen;
    }

    /** Whether a reader ever asked for an iterator of the shard: from then on, it had a position in it. */
    public synchronized boolean begun(String shardId) {
        return shard(shardId).begun;
    }

    /** How many of the shard's oldest records are trimmed. */
    public synchronized int trimmedCount(String shardId) {
        return shard(shardId).trimmed;
    }

    public synchronized String parentOf(String shardId) {
        return shard(shardId).parentId;
    }

    public synchronized boolean isGone(String shardId) {
        return shard(shardId).gone;
    }

    public synchronized Collection<String> shardIds() {
        return List.copyOf(shards.keySet());
    }

    /** Where the last LATEST iterator of the shard pointed, or null when none was asked for. */
    public synchronized Integer latestPosition(String shardId) {
        return shard(shardId).latestPosition;
    }

    /** GetRecords calls on one shard closer than the service allows. */
    public synchronized int rateViolations() {
        return rateViolations;
    }

    /** Forgets when shards were last read, as a pause between two runs of a reader would. */
    public synchronized void forgetReadTimes() {
        shards.values().forEach(s -> s.lastGetRecords = null);
    }

    // ---- Internals ---------------------------------------------------------------------------------------

    private FakeShard shard(String shardId) {
        FakeShard shard = shards.get(shardId);
        if (shard == null) {
            throw new IllegalArgumentException("no shard " + shardId);
        }
        return shard;
    }

    private void closeIfComplete(FakeShard shard) {
        if (shard.closes && !shard.closed && shard.listed && !shard.gone && shard.written.size() == shard.planned) {
            shard.closed = true;
            listChildren(shard);
        }
    }

    private void list(FakeShard shard) {
        shard.listed = true;
        listingOrder.add(shard);
    }

    private void listChildren(FakeShard parent) {
        for (FakeShard child : shards.values()) {
            if (parent.id.equals(child.parentId) && !child.listed && !child.gone) {
                list(child);
                closeIfComplete(child);
            }
        }
    }

    private int indexOf(FakeShard shard, String sequenceNumber) {
        if (sequenceNumber == null) {
            throw new ServiceError(400, "ValidationException", "SequenceNumber is required for this iterator type");
        }
        BigInteger offset = new BigInteger(sequenceNumber).subtract(shard.firstSequence);
        if (offset.signum() < 0 || offset.compareTo(BigInteger.valueOf(shard.written.size())) >= 0) {
            throw new ServiceError(400, "ValidationException", "Invalid SequenceNumber " + sequenceNumber
                    + " for shard " + shard.id);
        }
        return offset.intValueExact();
    }

    private String newIterator(String shardId, int position) {
        String id = "iterator-" + nextIteratorId++ + "-" + shardId;
        iterators.put(id, new IteratorState(shardId, position, clock.instant()));
        return id;
    }

    private ServiceError trimmed(FakeShard shard) {
        return new ServiceError(400, "TrimmedDataAccessException", "The operation attempted to read past the"
                + " oldest stream record in shard " + shard.id);
    }
}
