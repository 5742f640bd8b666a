package dev.ddbstreams.streams.reader;

import dev.ddbstreams.streams.model.Record;
import dev.ddbstreams.streams.reader.consume.SequenceNumbers;
import java.util.List;
import java.util.Objects;

/**
 * One page of records read from one shard, in the shard's order.
 *
 * @param streamArn the stream the records come from
 * @param shardId the shard the records come from
 * @param records the records, in sequence-number order; never empty
 */
public record ShardBatch(String streamArn, String shardId, List<Record> records) {

    /** A batch; the list is copied. */
    public ShardBatch {
        Objects.requireNonNull(streamArn, "streamArn");
        Objects.requireNonNull(shardId, "shardId");
        records = List.copyOf(records);
        if (records.isEmpty()) {
            throw new IllegalArgumentException("a batch has at least one record");
        }
    }

    /** The sequence number of the last record: the position the batch's checkpoint records. */
    public String lastSequenceNumber() {
        return SequenceNumbers.of(records.get(records.size() - 1));
    }
}
