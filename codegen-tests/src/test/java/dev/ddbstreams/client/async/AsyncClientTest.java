package dev.ddbstreams.client.async;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ddbstreams.runtime.auth.StaticCredentialsProvider;
import dev.ddbstreams.runtime.retry.RetryPolicy;
import dev.ddbstreams.streams.DynamoDbStreamsAsyncClient;
import dev.ddbstreams.streams.model.ExpiredIteratorException;
import dev.ddbstreams.streams.model.GetRecordsResponse;
import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The generated asynchronous client: results, errors, retries and cancellation (its paginators: {@code AsyncPaginatorTest}). */
class AsyncClientTest {

    @StartStop
    private final MockWebServer server = new MockWebServer();

    private final OkHttpClient http = new OkHttpClient();
    private DynamoDbStreamsAsyncClient client;

    @BeforeEach
    void createClient() {
        client = DynamoDbStreamsAsyncClient.builder()
                .endpointOverride(server.url("/").uri())
                .region("us-west-2")
                .credentialsProvider(StaticCredentialsProvider.create("AKID", "SECRET"))
                .httpClient(http)
                // No waiting between attempts, so the retry test does not depend on time.
                .retryPolicy(RetryPolicy.builder().random(() -> 0.0).build())
                .build();
    }

    @AfterEach
    void close() {
        client.close();
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
    }

    private void ok(String body) {
        server.enqueue(new MockResponse.Builder().code(200).body(body).build());
    }

    @Test
    void aCallCompletesWithTheParsedResponse() throws Exception {
        ok("{\"Records\":[{\"eventID\":\"e1\",\"eventName\":\"INSERT\"}],\"NextShardIterator\":\"it-2\"}");
        CompletableFuture<GetRecordsResponse> future = client.getRecords(r -> r.shardIterator("it-1"));
        GetRecordsResponse response = future.get(10, TimeUnit.SECONDS);
        assertThat(response.records()).singleElement().satisfies(record -> assertThat(record.eventID()).isEqualTo("e1"));
        assertThat(response.nextShardIterator()).isEqualTo("it-2");
        assertThat(server.takeRequest().getHeaders().get("X-Amz-Target")).isEqualTo("DynamoDBStreams_20120810.GetRecords");
    }

    @Test
    void aModeledErrorFailsTheFutureWithItsException() {
        server.enqueue(new MockResponse.Builder().code(400)
                .body("{\"__type\":\"com.amazonaws.dynamodb.v20120810#ExpiredIteratorException\",\"message\":\"too old\"}").build());
        assertThatThrownBy(() -> client.getRecords(r -> r.shardIterator("it")).get(10, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class)
                .cause()
                .isInstanceOf(ExpiredIteratorException.class)
                .hasMessageContaining("too old")
                .hasMessageEndingWith("(SDK Attempt Count: 1)");
    }

    @Test
    void serverErrorsAreRetriedWithTheSameRules() throws Exception {
        server.enqueue(new MockResponse.Builder().code(500).body("{\"__type\":\"InternalServerError\",\"message\":\"oops\"}").build());
        ok("{\"ShardIterator\":\"it\"}");
        assertThat(client.getShardIterator(r -> r.streamArn("a").shardId("s").shardIteratorType("LATEST")).get(10, TimeUnit.SECONDS).shardIterator())
                .isEqualTo("it");
        assertThat(server.getRequestCount()).isEqualTo(2);
    }

    @Test
    void cancellingTheFutureCancelsTheHttpCall() throws Exception {
        server.enqueue(new MockResponse.Builder().code(200).body("{}").headersDelay(30, TimeUnit.SECONDS).build());
        CompletableFuture<GetRecordsResponse> future = client.getRecords(r -> r.shardIterator("it"));
        server.takeRequest(10, TimeUnit.SECONDS);
        assertThat(http.dispatcher().runningCallsCount()).isEqualTo(1);

        assertThat(future.cancel(true)).isTrue();

        assertThatThrownBy(future::join).isInstanceOf(CancellationException.class);
        // OkHttp finishes a cancelled call on its own thread; wait (bounded) until it has.
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (http.dispatcher().runningCallsCount() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(http.dispatcher().runningCallsCount()).isZero();
    }
}
