package dev.ddbstreams.flink.reader;

import dev.ddbstreams.flink.serialization.DynamoDbStreamsDeserializer;
import dev.ddbstreams.flink.split.ShardSplitState;
import dev.ddbstreams.streams.model.Record;
import dev.ddbstreams.streams.reader.consume.SequenceNumbers;
import java.time.Instant;
import org.apache.flink.api.connector.source.SourceOutput;
import org.apache.flink.connector.base.source.reader.RecordEmitter;
import org.apache.flink.util.Collector;

/**
 * Emits each record read, on the task thread: through the job's deserializer, stamped with the record's
 * {@code ApproximateCreationDateTime} as event time (on the split's own output, so watermarks are generated per
 * shard), and then moves the split's state past it, so a checkpoint taken after it resumes after it. With
 * {@code AT_TIMESTAMP}, records before the time are passed over (the state still moves past them).
 *
 * @param <T> what the source produces
 */
public final class ShardRecordEmitter<T> implements RecordEmitter<Record, T, ShardSplitState> {

    private final DynamoDbStreamsDeserializer<T> deserializer;
    private final ShardSplitMetrics.Registry metrics;
    private final TimestampedCollector<T> collector = new TimestampedCollector<>();

    /** An emitter through {@code deserializer}, counting records in {@code metrics}. */
    public ShardRecordEmitter(DynamoDbStreamsDeserializer<T> deserializer, ShardSplitMetrics.Registry metrics) {
        this.deserializer = deserializer;
        this.metrics = metrics;
    }

    @Override
    public void emitRecord(Record record, SourceOutput<T> output, ShardSplitState state) throws Exception {
        String sequenceNumber = SequenceNumbers.of(record);
        Instant created = record.dynamodb().approximateCreationDateTime();
        if (created != null && state.skips(created.toEpochMilli())) {
            state.advanceTo(sequenceNumber);
            return;
        }
        collector.output = output;
        collector.timestamp = created == null ? Long.MIN_VALUE : created.toEpochMilli();
        deserializer.deserialize(record, collector);
        state.advanceTo(sequenceNumber);
        metrics.of(state.split().shardId()).records().inc();
    }

    /** Passes the deserializer's values to the split's output with the record's time. */
    private static final class TimestampedCollector<T> implements Collector<T> {
        SourceOutput<T> output;
        long timestamp;

        @Override
        public void collect(T value) {
            if (timestamp == Long.MIN_VALUE) {
                output.collect(value);
            } else {
                output.collect(value, timestamp);
            }
        }

        @Override
        public void close() {}
    }
}
