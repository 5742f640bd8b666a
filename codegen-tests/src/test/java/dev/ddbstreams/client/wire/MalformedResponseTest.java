package dev.ddbstreams.client.wire;

import static dev.ddbstreams.client.wire.StreamsWire.fixture;
import static dev.ddbstreams.client.wire.StreamsWire.ok;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ddbstreams.runtime.exception.MalformedResponseException;
import dev.ddbstreams.streams.DynamoDbStreamsClient;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * 200 responses the protocol does not allow. Each must fail as {@link MalformedResponseException} (never a
 * Jackson, NumberFormat or NullPointer exception) with a message that names the operation, the shape and member
 * that could not be read, and what was wrong, so a report of it can be acted on.
 */
class MalformedResponseTest {

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

    private AbstractThrowableAssert<?, ? extends Throwable> assertGetRecordsFails(String body) {
        server.enqueue(ok(body));
        return assertThatThrownBy(() -> client.getRecords(r -> r.shardIterator("iterator-1")))
                .isExactlyInstanceOf(MalformedResponseException.class)
                .hasMessageContaining("GetRecords");
    }

    private AbstractThrowableAssert<?, ? extends Throwable> assertDescribeStreamFails(String body) {
        server.enqueue(ok(body));
        return assertThatThrownBy(() -> client.describeStream(r -> r.streamArn("arn-1")))
                .isExactlyInstanceOf(MalformedResponseException.class)
                .hasMessageContaining("DescribeStream");
    }

    @Test
    void stringWhereSizeBytesMustBeAnInteger() {
        // The example response with one value of the wrong type, deep inside the second record.
        String body = fixture("get-records-example.json")
                .replace("\"SequenceNumber\": \"400000000000000499660\",\n        \"SizeBytes\": 41",
                        "\"SequenceNumber\": \"400000000000000499660\",\n        \"SizeBytes\": \"big\"");
        assertThat(body).contains("\"big\"");

        assertGetRecordsFails(body)
                .hasMessageContaining("StreamRecord.SizeBytes")
                .hasMessageContaining("expected an integer but found a string")
                // The line of the fixture where "big" is.
                .hasMessageContaining("line 30,");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "'{\"Records\":[{\"eventID\":true}]}'                              | Record.eventID | a boolean",
        "'{\"Records\":[{\"dynamodb\":{\"SizeBytes\":41.5}}]}'              | StreamRecord.SizeBytes | a decimal number",
        "'{\"Records\":[{\"dynamodb\":{\"SizeBytes\":99999999999999999999}}]}' | StreamRecord.SizeBytes | out of the long range",
        "'{\"Records\":[{\"dynamodb\":{\"ApproximateCreationDateTime\":\"2016-06-02 01:41\"}}]}'"
                + " | StreamRecord.ApproximateCreationDateTime | is not a timestamp",
        "'{\"Records\":[{\"dynamodb\":{\"ApproximateCreationDateTime\":[1]}}]}'"
                + " | StreamRecord.ApproximateCreationDateTime | found an array",
        "'{\"Records\":[{\"dynamodb\":{\"SequenceNumber\":300000000000000499659}}]}' | StreamRecord.SequenceNumber | found an integer",
        "'{\"NextShardIterator\":[\"iterator-2\"]}'                         | GetRecordsOutput.NextShardIterator | found an array",
        "'{\"Records\":[{\"dynamodb\":{\"Keys\":{\"ForumName\":{\"S\":\"a\",\"N\":\"1\"}}}}]}'"
                + " | AttributeValue | more than one member",
        "'{\"Records\":[{\"dynamodb\":{\"Keys\":{\"ForumName\":{}}}}]}'      | AttributeValue | no member is set",
        "'{\"Records\":[{\"dynamodb\":{\"Keys\":{\"ForumName\":{\"N\":1}}}}]}' | AttributeValue.N | found an integer",
        "'{\"Records\":[null]}'                                             | RecordList element | null is not allowed",
        "'[]'                                                               | GetRecordsOutput | found an array",
        "'null'                                                             | GetRecordsOutput | found null",
    })
    void wrongTypeNamesShapeAndMember(String body, String where, String problem) {
        assertGetRecordsFails(body)
                .hasMessageContaining(where + ": ")
                .hasMessageContaining(problem)
                .hasMessageContaining("(line 1, column ");
    }

    @Test
    void wrongTypeForAnEnumMemberNamesIt() {
        assertDescribeStreamFails("{\"StreamDescription\":{\"StreamStatus\":1}}")
                .hasMessageContaining("StreamDescription.StreamStatus: expected a string but found an integer");
    }

    @Test
    void truncatedJsonIsMalformedNotAParserCrash() {
        // The whole HTTP body arrived (its length and CRC32 match), but the JSON in it stops mid-record.
        String example = fixture("get-records-example.json");
        String truncated = example.substring(0, example.indexOf("DynamoDB Thread 1"));

        assertGetRecordsFails(truncated)
                .hasMessageContaining("not valid JSON")
                // Where the text ends: the last line of what was received.
                .hasMessageContaining("(line 27, column ");
    }

    @Test
    void truncatedJsonNamesTheMemberBeingRead() {
        // Cut inside the sequence number: the message should say that this is what could not be read.
        assertGetRecordsFails("{\"Records\":[{\"dynamodb\":{\"SequenceNumber\":\"3000000")
                .hasMessageContaining("SequenceNumber");
    }

    @Test
    void truncatedJsonInsideANestedListIsMalformed() {
        assertDescribeStreamFails("{\"StreamDescription\":{\"KeySchema\":[{\"AttributeName\":\"ForumName\"},")
                .hasMessageContaining("not valid JSON");
    }

    @Test
    void wrongTypeForAStructureMemberNamesTheMember() {
        // "Keys" and "NewImage" have the same shape (AttributeMap); the message must say which one was wrong.
        assertGetRecordsFails("{\"Records\":[{\"dynamodb\":{\"Keys\":{},\"NewImage\":[]}}]}")
                .hasMessageContaining("StreamRecord.NewImage");
    }

    @Test
    void contentAfterTheResponseObjectIsMalformed() {
        // Two objects, as when a proxy or a bug concatenates responses: the client must not silently use the first.
        assertGetRecordsFails("{\"NextShardIterator\":\"iterator-2\"}{\"NextShardIterator\":\"iterator-3\"}")
                .hasMessageContaining("GetRecords");
    }
}
