package dev.ddbstreams.client.wire;

import static dev.ddbstreams.client.wire.StreamsWire.crc32;
import static dev.ddbstreams.client.wire.StreamsWire.fixture;
import static dev.ddbstreams.client.wire.StreamsWire.ok;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ddbstreams.runtime.exception.Crc32MismatchException;
import dev.ddbstreams.runtime.exception.SdkClientException;
import dev.ddbstreams.streams.DynamoDbStreamsClient;
import java.util.StringJoiner;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.SocketEffect;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Responses damaged on their way: a body that fails its {@code x-amz-crc32} check, and a connection that closes
 * before the body is complete. Neither may yield a result, and neither may leave the client unusable.
 */
class ResponseIntegrityTest {

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
    void bodyThatFailsItsCrc32IsRejectedEvenThoughItParses() {
        String sent = fixture("get-records-example.json");
        // One digit changed in transit: still valid JSON of the right shape, but not what the service sent.
        String received = sent.replace("\"SizeBytes\": 41", "\"SizeBytes\": 49");
        assertThat(received).isNotEqualTo(sent);
        server.enqueue(new MockResponse.Builder().code(200)
                .addHeader("x-amz-crc32", crc32(sent))
                .body(received)
                .build());

        assertThatThrownBy(() -> client.getRecords(r -> r.shardIterator("iterator-1")))
                .isInstanceOfSatisfying(Crc32MismatchException.class, e -> {
                    assertThat(e.expectedCrc32()).isEqualTo(crc32(sent));
                    assertThat(e.actualCrc32()).isEqualTo(crc32(received));
                })
                .hasMessageContaining("GetRecords");
    }

    @Test
    void bodyCutOffMidwayIsAClientErrorAndTheClientStaysUsable() {
        // Large enough that the connection closes while the client is still reading records.
        server.enqueue(new MockResponse.Builder().code(200)
                .addHeader("Content-Type", StreamsWire.CONTENT_TYPE)
                .body(manyRecords(2_000))
                .onResponseBody(new SocketEffect.CloseSocket())
                .build());
        server.enqueue(ok(fixture("get-shard-iterator-example.json")));

        assertThatThrownBy(() -> client.getRecords(r -> r.shardIterator("iterator-1")))
                .isExactlyInstanceOf(SdkClientException.class)
                .hasMessageContaining("GetRecords")
                .hasMessageContaining("whole response");

        // The broken connection is not reused: the next call gets a fresh one and works.
        assertThat(client.getShardIterator(r -> r
                .streamArn("arn:aws:dynamodb:us-west-2:111122223333:table/Forum/stream/2015-05-20T20:51:10.252")
                .shardId("shardId-00000001414576573621-f55eea83")
                .shardIteratorType("LATEST")).shardIterator())
                .startsWith("arn:aws:dynamodb:us-west-2:111122223333:table/Forum/stream/");
    }

    /** A GetRecords body with {@code count} small records. */
    private static String manyRecords(int count) {
        StringJoiner records = new StringJoiner(",", "{\"Records\":[", "],\"NextShardIterator\":\"iterator-2\"}");
        for (int i = 0; i < count; i++) {
            records.add("{\"eventID\":\"" + i + "\",\"eventName\":\"INSERT\",\"dynamodb\":{\"Keys\":"
                    + "{\"ForumName\":{\"S\":\"DynamoDB\"}},\"SequenceNumber\":\"" + String.format("3000000000000004%05d", i)
                    + "\",\"SizeBytes\":41}}");
        }
        return records.toString();
    }
}
