package dev.ddbstreams.client.wire;

import static dev.ddbstreams.client.wire.StreamsWire.ok;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import dev.ddbstreams.streams.DynamoDbStreamsClient;
import dev.ddbstreams.streams.internal.AttributeValueJson;
import dev.ddbstreams.streams.model.AttributeValue;
import dev.ddbstreams.streams.model.GetRecordsResponse;
import dev.ddbstreams.streams.model.KeyType;
import dev.ddbstreams.streams.model.OperationType;
import dev.ddbstreams.streams.model.Record;
import dev.ddbstreams.streams.model.StreamDescription;
import dev.ddbstreams.streams.model.StreamRecord;
import dev.ddbstreams.streams.model.StreamStatus;
import dev.ddbstreams.streams.model.StreamViewType;
import java.io.IOException;
import java.io.StringWriter;
import java.util.List;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Responses from a service newer than the model: members, enum values and attribute value types this client does
 * not know must not break it, and what it cannot interpret it keeps.
 */
class ForwardCompatibilityTest {

    private static final JsonFactory JSON = new JsonFactory();

    @StartStop
    private final MockWebServer server = new MockWebServer();

    private DynamoDbStreamsClient client;

    @BeforeEach
    void createClient() {
        client = StreamsWire.client(server);
    }

    @AfterEach
    void closeClient() {
        client.close();
    }

    private GetRecordsResponse getRecords(String body) {
        server.enqueue(ok(body));
        return client.getRecords(r -> r.shardIterator("iterator-1"));
    }

    @Test
    void unknownMembersAreSkippedAtEveryLevel() {
        // Each unknown member comes first and holds nested arrays and objects, so the reader must skip the whole
        // value and land exactly on the next known member.
        GetRecordsResponse response = getRecords("{"
                + "\"ConsumedCapacity\":{\"Units\":[1,{\"Records\":[]}],\"Table\":{\"Name\":\"Forum\"}},"
                + "\"Records\":[{"
                + "\"eventSourceARN\":[\"x\",[{\"eventID\":\"wrong\"}]],"
                + "\"eventID\":\"e2fd9c34eff2d779b297b26f5fef4206\","
                + "\"dynamodb\":{"
                + "\"ApproximateCreationDateTimePrecision\":{\"Unit\":\"MICROSECOND\",\"SizeBytes\":7},"
                + "\"SequenceNumber\":\"300000000000000499659\","
                + "\"SizeBytes\":41},"
                + "\"eventName\":\"INSERT\"}],"
                + "\"Future\":null,"
                + "\"NextShardIterator\":\"iterator-2\","
                + "\"Trailing\":{\"a\":{\"b\":{\"c\":[[[]]]}}}}");

        assertThat(response.nextShardIterator()).isEqualTo("iterator-2");
        Record record = response.records().get(0);
        assertThat(response.records()).hasSize(1);
        assertThat(record.eventID()).isEqualTo("e2fd9c34eff2d779b297b26f5fef4206");
        assertThat(record.eventName()).isEqualTo(OperationType.INSERT);
        assertThat(record.dynamodb().sequenceNumber()).isEqualTo("300000000000000499659");
        assertThat(record.dynamodb().sizeBytes()).isEqualTo(41L);
    }

    @Test
    void unknownEnumValuesReadAsUnknownAndKeepTheirText() {
        server.enqueue(ok("{\"StreamDescription\":{"
                + "\"StreamStatus\":\"PAUSED\","
                + "\"StreamViewType\":\"NEW_IMAGE_DIFF\","
                + "\"KeySchema\":[{\"AttributeName\":\"ForumName\",\"KeyType\":\"SORT\"}]}}"));

        StreamDescription description = client.describeStream(r -> r.streamArn("arn-1")).streamDescription();

        assertThat(description.streamStatus()).isEqualTo(StreamStatus.UNKNOWN_TO_SDK_VERSION);
        assertThat(description.streamStatusAsString()).isEqualTo("PAUSED");
        assertThat(description.streamViewType()).isEqualTo(StreamViewType.UNKNOWN_TO_SDK_VERSION);
        assertThat(description.streamViewTypeAsString()).isEqualTo("NEW_IMAGE_DIFF");
        assertThat(description.keySchema().get(0).keyType()).isEqualTo(KeyType.UNKNOWN_TO_SDK_VERSION);
        assertThat(description.keySchema().get(0).keyTypeAsString()).isEqualTo("SORT");
    }

    @Test
    void unknownOperationTypeOfARecordIsKept() {
        Record record = getRecords("{\"Records\":[{\"eventName\":\"TRUNCATE\"}]}").records().get(0);

        assertThat(record.eventName()).isEqualTo(OperationType.UNKNOWN_TO_SDK_VERSION);
        assertThat(record.eventNameAsString()).isEqualTo("TRUNCATE");
    }

    @Test
    void unknownAttributeValueMemberIsKeptAsJson() {
        StreamRecord record = getRecords("{\"Records\":[{\"dynamodb\":{\"NewImage\":{"
                + "\"ForumName\":{\"S\":\"DynamoDB\"},"
                + "\"Vector\":{\"V\": {\"x\": [1, 2]}},"
                + "\"Nested\":{\"M\":{\"inner\":{\"V\":[1.5e3,\"s\",null,true]}}},"
                + "\"Views\":{\"N\":\"42\"}}}}]}").records().get(0).dynamodb();

        // The values around the unknown one are unaffected.
        assertThat(record.newImage()).containsEntry("ForumName", AttributeValue.fromS("DynamoDB"))
                .containsEntry("Views", AttributeValue.fromN("42"));
        AttributeValue vector = record.newImage().get("Vector");
        assertThat(vector.type()).isEqualTo(AttributeValue.Type.UNKNOWN_TO_SDK_VERSION);
        assertThat(vector).isEqualTo(new AttributeValue.Unknown("V", "{\"x\":[1,2]}"));
        // Known accessors answer "not this type" rather than throwing.
        assertThat(vector.s()).isNull();
        assertThat(vector.hasM()).isFalse();
        AttributeValue inner = record.newImage().get("Nested").m().get("inner");
        assertThat(inner).isInstanceOfSatisfying(AttributeValue.Unknown.class, unknown -> {
            assertThat(unknown.memberName()).isEqualTo("V");
            // Same value, though the number may be spelled differently (the runtime keeps values, not spellings).
            assertThat(unknown.json()).matches("\\[1(\\.5[eE]\\+?3|500(\\.0)?),\"s\",null,true]");
        });
    }

    @Test
    void unknownAttributeValueWrittenBackKeepsItsJson() throws IOException {
        // No request of this API carries an AttributeValue, so the generated codec is exercised directly: what a
        // newer service sent must be written back exactly, e.g. when an application forwards a record.
        String wire = "{\"M\":{\"ForumName\":{\"S\":\"DynamoDB\"},\"Vector\":{\"V\":{\"x\":[1,2]}},"
                + "\"List\":{\"L\":[{\"V\":{\"x\":[]}},{\"BOOL\":true}]}}}";

        AttributeValue value = read("{\"M\": {\"ForumName\": {\"S\": \"DynamoDB\"},"
                + " \"Vector\": {\"V\": {\"x\": [1, 2]}},"
                + " \"List\": {\"L\": [{\"V\": {\"x\": []}}, {\"BOOL\": true}]}}}");

        assertThat(value.m()).containsExactly(
                entry("ForumName", AttributeValue.fromS("DynamoDB")),
                entry("Vector", new AttributeValue.Unknown("V", "{\"x\":[1,2]}")),
                entry("List", AttributeValue.fromL(List.of(
                        new AttributeValue.Unknown("V", "{\"x\":[]}"), AttributeValue.fromBool(true)))));
        assertThat(write(value)).isEqualTo(wire);
        assertThat(read(write(value))).isEqualTo(value);
    }

    @Test
    void unknownAttributeValueOnItsOwnRoundTrips() throws IOException {
        AttributeValue value = read("{\"V\": {\"x\": [1, 2]}}");

        assertThat(value).isEqualTo(new AttributeValue.Unknown("V", "{\"x\":[1,2]}"));
        assertThat(write(value)).isEqualTo("{\"V\":{\"x\":[1,2]}}");
        assertThat(read(write(value))).isEqualTo(value);
    }

    private static AttributeValue read(String json) throws IOException {
        try (JsonParser parser = JSON.createParser(json)) {
            parser.nextToken();
            AttributeValue value = AttributeValueJson.read(parser);
            // The codec leaves the parser on the value's last token: nothing may follow.
            assertThat(parser.nextToken()).isNull();
            return value;
        }
    }

    private static String write(AttributeValue value) throws IOException {
        StringWriter out = new StringWriter();
        try (JsonGenerator generator = JSON.createGenerator(out)) {
            AttributeValueJson.write(generator, value);
        }
        return out.toString();
    }
}
