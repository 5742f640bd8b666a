package dev.ddbstreams.client.wire;

import static dev.ddbstreams.client.wire.StreamsWire.ok;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ddbstreams.streams.DynamoDbStreamsClient;
import dev.ddbstreams.streams.model.ShardFilterType;
import dev.ddbstreams.streams.model.ShardIteratorType;
import java.nio.charset.StandardCharsets;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import okhttp3.Headers;
import okio.ByteString;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The exact request each operation of the generated client puts on the wire: awsJson 1.0 framing, SigV4 headers
 * and the body bytes, member for member. The service rejects anything else, so these are compared byte for byte.
 */
class RequestWireFormatTest {

    private static final String STREAM_ARN =
            "arn:aws:dynamodb:us-west-2:111122223333:table/Forum/stream/2015-05-20T20:51:10.252";
    private static final String SHARD_ID = "shardId-00000001414576573621-f55eea83";
    private static final String PARENT_SHARD_ID = "shardId-00000001414562045508-2bac9cd2";
    // The iterator of the reference example: '|', '+', '<' and '>' must reach the service unescaped.
    private static final String SHARD_ITERATOR = "arn:aws:dynamodb:us-west-2:111122223333:table/Forum/stream/"
            + "2015-05-20T20:51:10.252|1|AAAAAAAAAAEvJp6D+zaQ...  <remaining characters omitted> ...";

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
    void describeStreamWithEveryMember() throws Exception {
        server.enqueue(ok("{}"));

        client.describeStream(r -> r
                .streamArn(STREAM_ARN)
                .limit(10)
                .exclusiveStartShardId(PARENT_SHARD_ID)
                .shardFilter(f -> f.type(ShardFilterType.CHILD_SHARDS).shardId(PARENT_SHARD_ID)));

        RecordedRequest request = server.takeRequest();
        assertAwsJsonRequest(request, "DescribeStream");
        assertBody(request, "{\"StreamArn\":\"" + STREAM_ARN + "\",\"Limit\":10,"
                + "\"ExclusiveStartShardId\":\"" + PARENT_SHARD_ID + "\","
                + "\"ShardFilter\":{\"Type\":\"CHILD_SHARDS\",\"ShardId\":\"" + PARENT_SHARD_ID + "\"}}");
    }

    @Test
    void getRecordsWithIteratorAndLimit() throws Exception {
        server.enqueue(ok("{}"));

        client.getRecords(r -> r.shardIterator(SHARD_ITERATOR).limit(1000));

        RecordedRequest request = server.takeRequest();
        assertAwsJsonRequest(request, "GetRecords");
        assertBody(request, "{\"ShardIterator\":\"" + SHARD_ITERATOR + "\",\"Limit\":1000}");
    }

    @Test
    void getShardIteratorWithEveryMember() throws Exception {
        server.enqueue(ok("{}"));

        // The client sends whatever combination it is given; whether a sequence number makes sense with
        // TRIM_HORIZON is for the service to decide.
        client.getShardIterator(r -> r
                .streamArn(STREAM_ARN)
                .shardId(SHARD_ID)
                .shardIteratorType(ShardIteratorType.TRIM_HORIZON)
                .sequenceNumber("300000000000000499659"));

        RecordedRequest request = server.takeRequest();
        assertAwsJsonRequest(request, "GetShardIterator");
        assertBody(request, "{\"StreamArn\":\"" + STREAM_ARN + "\",\"ShardId\":\"" + SHARD_ID + "\","
                + "\"ShardIteratorType\":\"TRIM_HORIZON\",\"SequenceNumber\":\"300000000000000499659\"}");
    }

    @Test
    void listStreamsWithEveryMember() throws Exception {
        server.enqueue(ok("{}"));

        client.listStreams(r -> r.tableName("Forum").limit(3).exclusiveStartStreamArn(STREAM_ARN));

        RecordedRequest request = server.takeRequest();
        assertAwsJsonRequest(request, "ListStreams");
        assertBody(request,
                "{\"TableName\":\"Forum\",\"Limit\":3,\"ExclusiveStartStreamArn\":\"" + STREAM_ARN + "\"}");
    }

    @Test
    void listStreamsWithoutArgumentsSendsAnEmptyObject() throws Exception {
        server.enqueue(ok("{}"));

        client.listStreams();

        RecordedRequest request = server.takeRequest();
        assertAwsJsonRequest(request, "ListStreams");
        // Absent members are left out, never written as null: the body is exactly {}.
        assertBody(request, "{}");
    }

    /** awsJson 1.0 framing plus the SigV4 headers for AKID in us-west-2 at {@link StreamsWire#SIGNING_TIME}. */
    private static void assertAwsJsonRequest(RecordedRequest request, String operation) {
        Headers headers = request.getHeaders();
        assertThat(request.getMethod()).isEqualTo("POST");
        assertThat(request.getTarget()).isEqualTo("/");
        assertThat(headers.values("Content-Type")).containsExactly("application/x-amz-json-1.0");
        assertThat(headers.values("X-Amz-Target")).containsExactly("DynamoDBStreams_20120810." + operation);
        assertThat(headers.values("X-Amz-Date")).containsExactly("20150830T123600Z");
        // The signing name of the Streams API is "dynamodb", not its endpoint prefix "streams.dynamodb".
        assertThat(headers.values("Authorization")).singleElement().asString()
                .startsWith("AWS4-HMAC-SHA256 Credential=AKID/20150830/us-west-2/dynamodb/aws4_request, ")
                // The operation travels in X-Amz-Target, so that header must be covered by the signature.
                .containsPattern("SignedHeaders=[a-z0-9;-]*\\bx-amz-target\\b")
                .containsPattern("SignedHeaders=[a-z0-9;-]*\\bcontent-type\\b")
                .containsPattern("SignedHeaders=[a-z0-9;-]*\\bx-amz-date\\b")
                .containsPattern(", Signature=[0-9a-f]{64}$");
        // Long-term credentials: no session token header.
        assertThat(headers.get("X-Amz-Security-Token")).isNull();
    }

    private static void assertBody(RecordedRequest request, String expectedJson) {
        ByteString expected = ByteString.encodeUtf8(expectedJson);
        assertThat(request.getBody()).isEqualTo(expected);
        assertThat(request.getHeaders().get("Content-Length"))
                .isEqualTo(String.valueOf(expectedJson.getBytes(StandardCharsets.UTF_8).length));
    }
}
