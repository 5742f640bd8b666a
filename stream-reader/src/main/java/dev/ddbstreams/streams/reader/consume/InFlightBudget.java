package dev.ddbstreams.streams.reader.consume;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Bounds the records and bytes read but not yet handled, across the shards of a reader: the backpressure of
 * prefetching. A shard reserves room for a whole page ({@code Limit} records) before it reads one, settles the
 * reservation to what the page held, and releases it once the page is handled. Records are bounded exactly; bytes
 * are checked before a read, so they may exceed the bound by the pages being read at that moment. A shard refused
 * room is called back when room is released. Thread-safe.
 */
public final class InFlightBudget {

    private final long maxRecords;
    private final long maxBytes;
    private final Set<Runnable> waiting = new LinkedHashSet<>();
    private long records;
    private long bytes;

    /** A budget of at most {@code maxRecords} records and about {@code maxBytes} bytes. */
    public InFlightBudget(long maxRecords, long maxBytes) {
        if (maxRecords < 1 || maxBytes < 1) {
            throw new IllegalArgumentException("an in-flight budget needs room: " + maxRecords + " records, "
                    + maxBytes + " bytes");
        }
        this.maxRecords = maxRecords;
        this.maxBytes = maxBytes;
    }

    /**
     * Reserves room for a page of up to {@code pageRecords} records.
     *
     * @param onRoom run (once, on the releasing thread) when room is released, if this returns false
     * @return whether the room was reserved
     */
    public synchronized boolean tryReserve(int pageRecords, Runnable onRoom) {
        if (records + pageRecords <= maxRecords && bytes < maxBytes) {
            records += pageRecords;
            return true;
        }
        waiting.add(onRoom);
        return false;
    }

    /** Turns a reservation of {@code reserved} records into what the page held (nothing, for an empty page). */
    public void settle(int reserved, int pageRecords, long pageBytes) {
        List<Runnable> wake;
        synchronized (this) {
            records -= reserved - pageRecords;
            bytes += pageBytes;
            wake = reserved > pageRecords ? takeWaiting() : List.of();
        }
        wake.forEach(Runnable::run);
    }

    /** A page of this size was handled (or dropped): its room is free again. */
    public void release(int pageRecords, long pageBytes) {
        List<Runnable> wake;
        synchronized (this) {
            records -= pageRecords;
            bytes -= pageBytes;
            wake = takeWaiting();
        }
        wake.forEach(Runnable::run);
    }

    /** Records reserved or read and not yet handled. */
    public synchronized long records() {
        return records;
    }

    /** Bytes read and not yet handled. */
    public synchronized long bytes() {
        return bytes;
    }

    private List<Runnable> takeWaiting() {
        List<Runnable> wake = new ArrayList<>(waiting);
        waiting.clear();
        return wake;
    }
}
