package dev.ddbstreams.flink.serialization;

import dev.ddbstreams.streams.model.Record;
import dev.ddbstreams.streams.reader.ChangeJson;
import java.io.IOException;
import java.io.Serializable;
import java.util.Objects;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.java.typeutils.ResultTypeQueryable;
import org.apache.flink.util.Collector;

/**
 * Turns each change record the source reads into the job's own type: none, one or several values per record, each
 * stamped by the source with the record's {@code ApproximateCreationDateTime} as its event time. It travels with the
 * job, so it must be serializable.
 *
 * <p>Ready ones: {@link #records()} passes our {@link Record} on as it is (with a real Flink serializer,
 * {@link RecordTypeInfo}); {@link #changeJson()} gives each change as one line of the service's JSON
 * ({@link ChangeJson}); {@link #map} applies a function.
 *
 * @param <T> what the source produces
 */
public interface DynamoDbStreamsDeserializer<T> extends Serializable, ResultTypeQueryable<T> {

    /**
     * Emits the values of one record. Throwing fails the job (which restarts from its last checkpoint and meets the
     * record again): to drop records that cannot be read, catch and emit nothing.
     */
    void deserialize(Record record, Collector<T> out) throws IOException;

    /** Each record as it is: our immutable {@link Record}, with {@link RecordTypeInfo} as its Flink type. */
    static DynamoDbStreamsDeserializer<Record> records() {
        return map(record -> record, RecordTypeInfo.INSTANCE);
    }

    /** Each record as one line of the service's JSON, as {@link ChangeJson#toJson} writes it. */
    static DynamoDbStreamsDeserializer<String> changeJson() {
        return map(ChangeJson::toJson, Types.STRING);
    }

    /** Each record through {@code function}, whose results Flink handles as {@code type}. */
    static <T> DynamoDbStreamsDeserializer<T> map(RecordFunction<T> function, TypeInformation<T> type) {
        Objects.requireNonNull(function, "function");
        Objects.requireNonNull(type, "type");
        return new DynamoDbStreamsDeserializer<>() {
            private static final long serialVersionUID = 1L;

            @Override
            public void deserialize(Record record, Collector<T> out) {
                out.collect(function.apply(record));
            }

            @Override
            public TypeInformation<T> getProducedType() {
                return type;
            }
        };
    }

    /**
     * A function of a record that travels with the job.
     *
     * @param <T> its result
     */
    @FunctionalInterface
    interface RecordFunction<T> extends Serializable {
        /** The value of one record. */
        T apply(Record record);
    }
}
