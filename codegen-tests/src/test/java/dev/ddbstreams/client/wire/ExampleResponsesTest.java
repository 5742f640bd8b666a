package dev.ddbstreams.client.wire;

import static dev.ddbstreams.client.wire.StreamsWire.fixture;
import static dev.ddbstreams.client.wire.StreamsWire.ok;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;
import static org.assertj.core.api.Assertions.tuple;

import dev.ddbstreams.streams.DynamoDbStreamsClient;
import dev.ddbstreams.streams.model.AttributeValue;
import dev.ddbstreams.streams.model.DescribeStreamResponse;
import dev.ddbstreams.streams.model.GetRecordsResponse;
import dev.ddbstreams.streams.model.GetShardIteratorResponse;
import dev.ddbstreams.streams.model.KeySchemaElement;
import dev.ddbstreams.streams.model.KeyType;
import dev.ddbstreams.streams.model.ListStreamsResponse;
import dev.ddbstreams.streams.model.OperationType;
import dev.ddbstreams.streams.model.Record;
import dev.ddbstreams.streams.model.Shard;
import dev.ddbstreams.streams.model.ShardIteratorType;
import dev.ddbstreams.streams.model.Stream;
import dev.ddbstreams.streams.model.StreamDescription;
import dev.ddbstreams.streams.model.StreamRecord;
import dev.ddbstreams.streams.model.StreamStatus;
import dev.ddbstreams.streams.model.StreamViewType;
import java.time.Instant;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The documented example responses of the four operations, written in the service's JSON wire form in
 * {@code fixtures/*-example.json}, read through the generated client into exactly the documented values.
 *
 * <p>Timestamps: the reference prints them as {@code datetime(...)} fields without a zone. The fixtures carry the
 * instant those printed fields denote when read as UTC, in epoch seconds as the service sends them. (For
 * {@code CreationRequestDateTime} the printout is local time: the stream label {@code 2015-05-20T20:51:10.252} says
 * the real instant was 20:51:10.252Z, seven hours after the printed 13:51:10. We keep the printed fields, as UTC,
 * because those are the documented values.)
 */
class ExampleResponsesTest {

    private static final String FORUM_STREAM_ARN =
            "arn:aws:dynamodb:us-west-2:111122223333:table/Forum/stream/2015-05-20T20:51:10.252";

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

    @Test
    void describeStreamExample() {
        server.enqueue(ok(fixture("describe-stream-example.json")));

        DescribeStreamResponse response = client.describeStream(r -> r.streamArn(FORUM_STREAM_ARN));

        StreamDescription description = response.streamDescription();
        assertThat(description.streamArn()).isEqualTo(FORUM_STREAM_ARN);
        assertThat(description.streamLabel()).isEqualTo("2015-05-20T20:51:10.252");
        assertThat(description.streamStatus()).isEqualTo(StreamStatus.ENABLED);
        assertThat(description.streamStatusAsString()).isEqualTo("ENABLED");
        assertThat(description.streamViewType()).isEqualTo(StreamViewType.NEW_AND_OLD_IMAGES);
        assertThat(description.tableName()).isEqualTo("Forum");
        // datetime(2015, 5, 20, 13, 51, 10) read as UTC; see the class comment.
        assertThat(description.creationRequestDateTime()).isEqualTo(Instant.parse("2015-05-20T13:51:10Z"));
        assertThat(description.keySchema())
                .extracting(KeySchemaElement::attributeName, KeySchemaElement::keyType)
                .containsExactly(tuple("ForumName", KeyType.HASH), tuple("Subject", KeyType.RANGE));
        assertThat(description.shards())
                .extracting(Shard::shardId, Shard::parentShardId,
                        s -> s.sequenceNumberRange().startingSequenceNumber(),
                        s -> s.sequenceNumberRange().endingSequenceNumber())
                .containsExactly(
                        tuple("shardId-00000001414562045508-2bac9cd2", null,
                                "20500000000000000910398", "20500000000000000910398"),
                        tuple("shardId-00000001414576573621-f55eea83", "shardId-00000001414562045508-2bac9cd2",
                                "820400000000000001192334", "820400000000000001192334"),
                        tuple("shardId-00000001414592258131-674fd923", "shardId-00000001414576573621-f55eea83",
                                "1683700000000000001135967", "1683700000000000001135967"),
                        // The last shard is still open: no ending sequence number.
                        tuple("shardId-00000001414608446368-3a1afbaf", "shardId-00000001414592258131-674fd923",
                                "2574600000000000000935255", null));
        // The example is the whole list: no pagination token.
        assertThat(description.lastEvaluatedShardId()).isNull();
    }

    @Test
    void getRecordsExample() {
        server.enqueue(ok(fixture("get-records-example.json")));

        GetRecordsResponse response = client.getRecords(r -> r.shardIterator(
                "arn:aws:dynamodb:us-west-2:111122223333:table/Forum/stream/2015-05-20T20:51:10.252|1|"
                        + "AAAAAAAAAAEvJp6D+zaQ...  <remaining characters omitted> ..."));

        assertThat(response.nextShardIterator()).isEqualTo(
                "arn:aws:dynamodb:us-west-2:111122223333:table/Forum/stream/2015-05-20T20:51:10.252|1|"
                        + "AAAAAAAAAAGQBYshYDEe ... <remaining characters omitted> ...");
        assertThat(response.records())
                .extracting(Record::eventID, Record::eventName, Record::eventVersion, Record::eventSource,
                        Record::awsRegion, Record::userIdentity)
                .containsExactly(
                        tuple("e2fd9c34eff2d779b297b26f5fef4206", OperationType.INSERT, "1.0", "aws:dynamodb",
                                "us-west-2", null),
                        tuple("4b25bd0da9a181a155114127e4837252", OperationType.MODIFY, "1.0", "aws:dynamodb",
                                "us-west-2", null),
                        tuple("740280c73a3df7842edab3548a1b08ad", OperationType.REMOVE, "1.0", "aws:dynamodb",
                                "us-west-2", null));
        assertThat(response.records()).extracting(Record::dynamodb)
                .extracting(StreamRecord::approximateCreationDateTime, StreamRecord::sequenceNumber,
                        StreamRecord::sizeBytes, StreamRecord::streamViewType)
                .containsExactly(
                        tuple(Instant.parse("2016-06-02T01:41:00Z"), "300000000000000499659", 41L,
                                StreamViewType.KEYS_ONLY),
                        tuple(Instant.parse("2016-06-02T01:21:10Z"), "400000000000000499660", 41L,
                                StreamViewType.KEYS_ONLY),
                        tuple(Instant.parse("2016-06-02T01:41:00Z"), "500000000000000499661", 41L,
                                StreamViewType.KEYS_ONLY));
        assertKeys(response.records().get(0).dynamodb(), "DynamoDB Thread 3");
        assertKeys(response.records().get(1).dynamodb(), "DynamoDB Thread 1");
        assertKeys(response.records().get(2).dynamodb(), "DynamoDB Thread 2");
    }

    /** A KEYS_ONLY record: the two key attributes as strings, in the order sent, and no images. */
    private static void assertKeys(StreamRecord record, String subject) {
        assertThat(record.keys()).containsExactly(
                entry("ForumName", AttributeValue.fromS("DynamoDB")),
                entry("Subject", AttributeValue.fromS(subject)));
        assertThat(record.keys().get("Subject").type()).isEqualTo(AttributeValue.Type.S);
        assertThat(record.keys().get("Subject").s()).isEqualTo(subject);
        assertThat(record.hasNewImage()).isFalse();
        assertThat(record.hasOldImage()).isFalse();
    }

    @Test
    void getShardIteratorExample() throws Exception {
        server.enqueue(ok(fixture("get-shard-iterator-example.json")));

        GetShardIteratorResponse response = client.getShardIterator(r -> r
                .shardId("00000001414576573621-f55eea83")
                .shardIteratorType(ShardIteratorType.TRIM_HORIZON)
                .streamArn(FORUM_STREAM_ARN));

        assertThat(response.shardIterator()).isEqualTo(
                "arn:aws:dynamodb:us-west-2:111122223333:table/Forum/stream/2015-05-20T20:51:10.252|1|"
                        + "AAAAAAAAAAEvJp6D+zaQ...  <remaining characters omitted> ...");
        // The example's own request, in the model's member order whatever order the builder was called in.
        assertThat(server.takeRequest().getBody().utf8()).isEqualTo("{\"StreamArn\":\"" + FORUM_STREAM_ARN
                + "\",\"ShardId\":\"00000001414576573621-f55eea83\",\"ShardIteratorType\":\"TRIM_HORIZON\"}");
    }

    @Test
    void listStreamsExample() {
        server.enqueue(ok(fixture("list-streams-example.json")));

        ListStreamsResponse response = client.listStreams();

        assertThat(response.streams())
                .extracting(Stream::streamArn, Stream::streamLabel, Stream::tableName)
                .containsExactly(
                        // "us-wesst-2" is in the documented example; kept to show values pass through untouched.
                        tuple("arn:aws:dynamodb:us-wesst-2:111122223333:table/Forum/stream/2015-05-20T20:51:10.252",
                                "2015-05-20T20:51:10.252", "Forum"),
                        tuple("arn:aws:dynamodb:us-west-2:111122223333:table/Forum/stream/2015-05-20T20:50:02.714",
                                "2015-05-20T20:50:02.714", "Forum"),
                        tuple("arn:aws:dynamodb:us-west-2:111122223333:table/Forum/stream/2015-05-19T23:03:50.641",
                                "2015-05-19T23:03:50.641", "Forum"));
        assertThat(response.lastEvaluatedStreamArn()).isNull();
    }
}
