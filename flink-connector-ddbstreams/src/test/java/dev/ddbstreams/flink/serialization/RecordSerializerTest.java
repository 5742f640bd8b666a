package dev.ddbstreams.flink.serialization;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import dev.ddbstreams.streams.internal.RecordJson;
import dev.ddbstreams.streams.model.Record;
import dev.ddbstreams.streams.reader.ChangeJson;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.functions.util.ListCollector;
import org.apache.flink.api.common.serialization.SerializerConfigImpl;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.junit.jupiter.api.Test;

/** Our Record through Flink's serializer: every attribute type, every field, and the serializer's snapshot. */
class RecordSerializerTest {

    /** A record as the service sends it, with every AttributeValue type, nested, and text outside the BMP. */
    static final String RECORD = "{\"eventID\":\"4b2f\",\"eventName\":\"MODIFY\",\"eventVersion\":\"1.1\","
            + "\"eventSource\":\"aws:dynamodb\",\"awsRegion\":\"us-east-1\",\"userIdentity\":{\"Type\":\"Service\","
            + "\"PrincipalId\":\"dynamodb.amazonaws.com\"},\"dynamodb\":{\"ApproximateCreationDateTime\":1714564800,"
            + "\"Keys\":{\"Id\":{\"N\":\"1042\"}},\"NewImage\":{\"Id\":{\"N\":\"1042\"},\"S\":{\"S\":\"caf\u00e9 \uD83D\uDE00\"},"
            + "\"B\":{\"B\":\"AAEC\"},\"SS\":{\"SS\":[\"a\",\"b\"]},\"NS\":{\"NS\":[\"1\",\"2.5\"]},"
            + "\"BS\":{\"BS\":[\"AQ==\",\"Ag==\"]},\"M\":{\"M\":{\"L\":{\"L\":[{\"NULL\":true},{\"BOOL\":false},"
            + "{\"M\":{}}]}}}},\"OldImage\":{\"Id\":{\"N\":\"1042\"}},\"SequenceNumber\":\"400000000012345678901\","
            + "\"SizeBytes\":42,\"StreamViewType\":\"NEW_AND_OLD_IMAGES\"}}";

    @Test
    void aRecordWithEveryTypeRoundTrips() throws IOException {
        Record record = parse(RECORD);
        TypeSerializer<Record> serializer = RecordTypeInfo.INSTANCE.createSerializer(new SerializerConfigImpl());
        DataOutputSerializer out = new DataOutputSerializer(64);
        serializer.serialize(record, out);
        serializer.serialize(record, out);
        DataInputDeserializer in = new DataInputDeserializer(out.getCopyOfBuffer());
        Record first = serializer.deserialize(in);
        assertThat(first).isEqualTo(record);
        assertThat(ChangeJson.toJson(first)).isEqualTo(ChangeJson.toJson(record));
        assertThat(serializer.deserialize(in)).isEqualTo(record);
        assertThat(in.available()).isZero();
    }

    @Test
    void copyingSerializedBytesKeepsThemWhole() throws IOException {
        Record record = parse(RECORD);
        DataOutputSerializer out = new DataOutputSerializer(64);
        RecordSerializer.INSTANCE.serialize(record, out);
        DataOutputSerializer copied = new DataOutputSerializer(64);
        RecordSerializer.INSTANCE.copy(new DataInputDeserializer(out.getCopyOfBuffer()), copied);
        assertThat(copied.getCopyOfBuffer()).isEqualTo(out.getCopyOfBuffer());
        assertThat(RecordSerializer.INSTANCE.deserialize(new DataInputDeserializer(copied.getCopyOfBuffer())))
                .isEqualTo(record);
    }

    @Test
    void theSnapshotRestoresACompatibleSerializer() throws IOException {
        TypeSerializerSnapshot<Record> snapshot = RecordSerializer.INSTANCE.snapshotConfiguration();
        DataOutputSerializer out = new DataOutputSerializer(64);
        TypeSerializerSnapshot.writeVersionedSnapshot(out, snapshot);
        TypeSerializerSnapshot<Record> restored = TypeSerializerSnapshot.readVersionedSnapshot(
                new DataInputDeserializer(out.getCopyOfBuffer()), getClass().getClassLoader());
        assertThat(restored.restoreSerializer()).isEqualTo(RecordSerializer.INSTANCE);
        assertThat(RecordSerializer.INSTANCE.snapshotConfiguration().resolveSchemaCompatibility(restored)
                .isCompatibleAsIs()).isTrue();
    }

    @Test
    void readyDeserializersGiveTheRecordAndItsJson() throws IOException {
        Record record = parse(RECORD);
        List<Record> records = new ArrayList<>();
        List<String> lines = new ArrayList<>();
        DynamoDbStreamsDeserializer.records().deserialize(record, new ListCollector<>(records));
        DynamoDbStreamsDeserializer.changeJson().deserialize(record, new ListCollector<>(lines));
        assertThat(records).containsExactly(record);
        assertThat(lines).containsExactly(ChangeJson.toJson(record));
        assertThat(DynamoDbStreamsDeserializer.records().getProducedType()).isEqualTo(RecordTypeInfo.INSTANCE);
    }

    static Record parse(String json) throws IOException {
        try (JsonParser parser = JsonFactory.builder().build().createParser(json)) {
            parser.nextToken();
            return RecordJson.read(parser);
        }
    }
}
