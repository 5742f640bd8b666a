package dev.ddbstreams.client.presign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ddbstreams.runtime.auth.StaticCredentialsProvider;
import dev.ddbstreams.runtime.http.PresignedRequest;
import dev.ddbstreams.streams.DynamoDbStreamsPresigner;
import dev.ddbstreams.streams.model.GetRecordsRequest;
import dev.ddbstreams.streams.model.GetShardIteratorRequest;
import dev.ddbstreams.streams.model.ListStreamsRequest;
import dev.ddbstreams.streams.model.ShardIteratorType;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.Test;

/** The generated presigner's requests can be sent as they are, by a plain HTTP client that knows nothing of AWS. */
class PresignerTest {

    @StartStop
    private final MockWebServer server = new MockWebServer();

    private DynamoDbStreamsPresigner presigner() {
        return DynamoDbStreamsPresigner.builder()
                .region("us-west-2")
                .endpointOverride(server.url("/").uri())
                .credentialsProvider(StaticCredentialsProvider.create("AKID", "SECRET"))
                .clock(Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC))
                .build();
    }

    @Test
    void aPresignedRequestIsSentAsItIsByAPlainHttpClient() throws Exception {
        PresignedRequest presigned = presigner().presignGetShardIterator(GetShardIteratorRequest.builder()
                .streamArn("arn").shardId("shard-1").shardIteratorType(ShardIteratorType.TRIM_HORIZON).build());
        assertThat(presigned.expiration()).isEqualTo(Instant.parse("2026-01-01T01:00:00Z"));

        server.enqueue(new MockResponse.Builder().code(200).body("{\"ShardIterator\":\"it\"}").build());
        Request.Builder request = new Request.Builder()
                .url(presigned.url().toString())
                .method(presigned.method(), RequestBody.create(presigned.body(), (MediaType) null));
        presigned.headers().forEach((name, values) -> {
            if (!name.equalsIgnoreCase("Host")) {
                values.forEach(value -> request.addHeader(name, value));
            }
        });
        OkHttpClient http = new OkHttpClient();
        try (Response response = http.newCall(request.build()).execute()) {
            assertThat(response.code()).isEqualTo(200);
        } finally {
            http.dispatcher().executorService().shutdown();
            http.connectionPool().evictAll();
        }

        RecordedRequest received = server.takeRequest();
        assertThat(received.getMethod()).isEqualTo("POST");
        assertThat(received.getUrl().queryParameter("X-Amz-Credential")).isEqualTo("AKID/20260101/us-west-2/dynamodb/aws4_request");
        assertThat(received.getUrl().queryParameter("X-Amz-Expires")).isEqualTo("3600");
        assertThat(received.getUrl().queryParameter("X-Amz-Signature")).matches("[0-9a-f]{64}");
        assertThat(received.getHeaders().get("Authorization")).isNull();
        assertThat(received.getHeaders().get("X-Amz-Target")).isEqualTo("DynamoDBStreams_20120810.GetShardIterator");
        assertThat(received.getBody().utf8()).isEqualTo("{\"StreamArn\":\"arn\",\"ShardId\":\"shard-1\",\"ShardIteratorType\":\"TRIM_HORIZON\"}");
    }

    @Test
    void nameBasedPresigningLikeBoto3() {
        PresignedRequest presigned = presigner().presign("GetRecords", GetRecordsRequest.builder().shardIterator("it").build(), Duration.ofMinutes(10));
        assertThat(presigned.url().getRawQuery()).contains("X-Amz-Expires=600");
        assertThatThrownBy(() -> presigner().presign("GetRecords", GetShardIteratorRequest.builder().build(), Duration.ofMinutes(1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("GetRecords takes a GetRecordsRequest");
        assertThatThrownBy(() -> presigner().presign("PutItem", null, Duration.ofMinutes(1)))
                .hasMessage("no operation named PutItem");
        assertThatThrownBy(() -> presigner().presignListStreams(ListStreamsRequest.builder().build(), Duration.ofDays(8)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
