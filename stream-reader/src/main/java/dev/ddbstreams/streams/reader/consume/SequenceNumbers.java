package dev.ddbstreams.streams.reader.consume;

import dev.ddbstreams.runtime.exception.MalformedResponseException;
import dev.ddbstreams.streams.model.Record;

/** Reads a record's sequence number, which the reader cannot work without. */
public final class SequenceNumbers {

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
}
