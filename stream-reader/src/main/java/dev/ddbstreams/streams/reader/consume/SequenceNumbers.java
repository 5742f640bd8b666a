package dev.ddbstreams.streams.reader.consume;

import dev.ddbstreams.runtime.exception.MalformedResponseException;
import dev.ddbstreams.streams.model.Record;
import java.math.BigInteger;
import java.util.Comparator;

/** Reads and compares the sequence numbers the reader cannot work without. */
public final class SequenceNumbers {

    /**
     * Orders sequence numbers as the service does: as decimal numbers (they grow within a shard and down a lineage),
     * falling back to length and then text for anything that is not a number.
     */
    public static final Comparator<String> ORDER = SequenceNumbers::compare;

    private SequenceNumbers() {}

    /**
     * The record's {@code dynamodb.SequenceNumber}.
     *
     * @throws MalformedResponseException when the service sent a record without one: the reader could not
     *     checkpoint or resume after it
     */
    public static String of(Record record) {
        if (record.dynamodb() == null || record.dynamodb().sequenceNumber() == null) {
            throw new MalformedResponseException("GetRecords returned a record without dynamodb.SequenceNumber"
                    + " (eventID " + record.eventID() + "); the reader cannot checkpoint after it");
        }
        return record.dynamodb().sequenceNumber();
    }

    private static int compare(String a, String b) {
        try {
            return new BigInteger(a).compareTo(new BigInteger(b));
        } catch (NumberFormatException e) {
            return a.length() != b.length() ? Integer.compare(a.length(), b.length()) : a.compareTo(b);
        }
    }
}
