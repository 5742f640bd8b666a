package dev.ddbstreams.shapes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ddbstreams.streams.model.AttributeValue;
import dev.ddbstreams.streams.model.GetRecordsResponse;
import dev.ddbstreams.streams.model.KeySchemaElement;
import dev.ddbstreams.streams.model.KeyType;
import dev.ddbstreams.streams.model.OperationType;
import dev.ddbstreams.streams.model.Record;
import dev.ddbstreams.streams.model.StreamDescription;
import dev.ddbstreams.streams.model.StreamRecord;
import dev.ddbstreams.streams.model.StreamStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The generated structures of our model behave as immutable values with builders. */
class GeneratedStructureTest {

    private static StreamRecord sample() {
        return StreamRecord.builder()
                .approximateCreationDateTime(Instant.parse("2016-06-02T01:41:00Z"))
                .keys(Map.of("ForumName", AttributeValue.fromS("DynamoDB")))
                .sequenceNumber("300000000000000499659")
                .sizeBytes(41L)
                .streamViewType("KEYS_ONLY")
                .build();
    }

    @Test
    void toBuilderThenBuildIsEqualAndHashesAlike() {
        StreamRecord record = sample();
        StreamRecord copy = record.toBuilder().build();
        assertThat(copy).isEqualTo(record).isNotSameAs(record);
        assertThat(copy.hashCode()).isEqualTo(record.hashCode());
        assertThat(record.toBuilder().sizeBytes(42L).build()).isNotEqualTo(record);
    }

    @Test
    void collectionsAreCopiedOnTheWayInAndCannotBeChangedOnTheWayOut() {
        List<KeySchemaElement> keySchema = new ArrayList<>(List.of(KeySchemaElement.builder().attributeName("id").keyType(KeyType.HASH).build()));
        StreamDescription description = StreamDescription.builder().keySchema(keySchema).build();
        keySchema.clear();
        assertThat(description.keySchema()).hasSize(1);
        assertThatThrownBy(() -> description.keySchema().clear()).isInstanceOf(UnsupportedOperationException.class);

        Map<String, AttributeValue> keys = new HashMap<>(Map.of("id", AttributeValue.fromN("1")));
        StreamRecord record = StreamRecord.builder().keys(keys).build();
        keys.put("other", AttributeValue.fromN("2"));
        assertThat(record.keys()).containsOnlyKeys("id");
        assertThatThrownBy(() -> record.keys().put("x", AttributeValue.fromN("3"))).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void absentAndEmptyCollectionsAreToldApart() {
        StreamRecord absent = StreamRecord.builder().build();
        StreamRecord empty = StreamRecord.builder().keys(Map.of()).build();
        assertThat(absent.hasKeys()).isFalse();
        assertThat(absent.keys()).isEmpty();
        assertThat(empty.hasKeys()).isTrue();
        assertThat(empty.keys()).isEmpty();
        assertThat(absent).isNotEqualTo(empty);
        assertThat(GetRecordsResponse.builder().build().records()).isEmpty();
    }

    @Test
    void nullElementsAreRefusedWithTheMemberNamed() {
        List<Record> records = new ArrayList<>();
        records.add(null);
        assertThatThrownBy(() -> GetRecordsResponse.builder().records(records))
                .isInstanceOf(NullPointerException.class)
                .hasMessageContaining("GetRecordsOutput.Records");
    }

    @Test
    void enumsKeepValuesThisClientDoesNotKnow() {
        StreamDescription newer = StreamDescription.builder().streamStatus("PAUSED").build();
        assertThat(newer.streamStatus()).isEqualTo(StreamStatus.UNKNOWN_TO_SDK_VERSION);
        assertThat(newer.streamStatusAsString()).isEqualTo("PAUSED");
        assertThat(newer.toBuilder().build().streamStatusAsString()).isEqualTo("PAUSED");

        StreamDescription known = StreamDescription.builder().streamStatus(StreamStatus.ENABLED).build();
        assertThat(known.streamStatus()).isEqualTo(StreamStatus.ENABLED);
        assertThat(known.streamStatusAsString()).isEqualTo("ENABLED");
        assertThat(StreamStatus.fromValue(null)).isNull();
        assertThat(StreamStatus.knownValues()).doesNotContain(StreamStatus.UNKNOWN_TO_SDK_VERSION).hasSize(4);
        assertThat(OperationType.fromValue("MODIFY")).isEqualTo(OperationType.MODIFY);
    }

    @Test
    void consumerOverloadsBuildNestedStructures() {
        Record record = Record.builder()
                .eventName(OperationType.INSERT)
                .dynamodb(d -> d.sequenceNumber("1").sizeBytes(3L))
                .build();
        assertThat(record.dynamodb()).isEqualTo(StreamRecord.builder().sequenceNumber("1").sizeBytes(3L).build());
    }

    @Test
    void toStringShowsWhatIsPresentInSdkStyle() {
        assertThat(Record.builder().eventID("e1").eventName("INSERT").build().toString())
                .isEqualTo("Record(eventID=e1, eventName=INSERT)");
    }

    @Test
    void toStringNamesTheJavaClassNotTheModelsShape() {
        // The model calls these GetRecordsInput and GetRecordsOutput; users see GetRecordsRequest and GetRecordsResponse.
        assertThat(GetRecordsResponse.builder().nextShardIterator("it").build().toString())
                .isEqualTo("GetRecordsResponse(NextShardIterator=it)");
        assertThat(dev.ddbstreams.streams.model.GetRecordsRequest.builder().limit(5).build().toString())
                .isEqualTo("GetRecordsRequest(Limit=5)");
    }
}
