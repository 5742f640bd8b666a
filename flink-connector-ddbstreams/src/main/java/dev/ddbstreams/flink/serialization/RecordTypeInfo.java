package dev.ddbstreams.flink.serialization;

import dev.ddbstreams.streams.model.Record;
import org.apache.flink.api.common.ExecutionConfig;
import org.apache.flink.api.common.serialization.SerializerConfig;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.TypeSerializer;

/**
 * Flink's type information for our {@link Record}: an atomic type whose serializer is {@link RecordSerializer}. Give
 * it where Flink cannot infer the type (it would fall back to Kryo), e.g. {@code .returns(RecordTypeInfo.INSTANCE)}
 * after a lambda that produces records; the source's {@link DynamoDbStreamsDeserializer#records()} declares it itself.
 */
public final class RecordTypeInfo extends TypeInformation<Record> {

    private static final long serialVersionUID = 1L;

    /** The instance; the type has no parameters. */
    public static final RecordTypeInfo INSTANCE = new RecordTypeInfo();

    private RecordTypeInfo() {}

    @Override
    public boolean isBasicType() {
        return false;
    }

    @Override
    public boolean isTupleType() {
        return false;
    }

    @Override
    public int getArity() {
        return 1;
    }

    @Override
    public int getTotalFields() {
        return 1;
    }

    @Override
    public Class<Record> getTypeClass() {
        return Record.class;
    }

    @Override
    public boolean isKeyType() {
        return false;
    }

    /**
     * The serializer, for Flink 1.19 and later, and 2.x (where it is the only one). No {@code @Override}: the same
     * source compiles against both lines.
     */
    public TypeSerializer<Record> createSerializer(SerializerConfig config) {
        return RecordSerializer.INSTANCE;
    }

    /**
     * The serializer, as Flink 1.x before 2.0 asks for it (deprecated there, gone in 2.0).
     *
     * @deprecated Flink calls {@link #createSerializer(SerializerConfig)} from 1.19 on.
     */
    @Deprecated
    public TypeSerializer<Record> createSerializer(ExecutionConfig config) {
        return RecordSerializer.INSTANCE;
    }

    @Override
    public String toString() {
        return "DynamoDB Streams Record";
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof RecordTypeInfo;
    }

    @Override
    public int hashCode() {
        return RecordTypeInfo.class.hashCode();
    }

    @Override
    public boolean canEqual(Object other) {
        return other instanceof RecordTypeInfo;
    }
}
