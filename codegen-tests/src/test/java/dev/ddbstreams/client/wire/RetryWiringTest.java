package dev.ddbstreams.client.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ddbstreams.runtime.auth.StaticCredentialsProvider;
import dev.ddbstreams.runtime.retry.RetryPolicy;
import dev.ddbstreams.streams.DynamoDbStreamsClient;
import dev.ddbstreams.streams.model.ExpiredIteratorException;
import dev.ddbstreams.streams.model.LimitExceededException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The generated client runs its calls through the runtime's standard retries: transient faults and throttling
 * are retried, each attempt signed, while errors that retrying cannot fix surface at once.
 */
class RetryWiringTest {

    @StartStop
    private final MockWebServer server = new MockWebServer();

    private final List<Duration> sleeps = new ArrayList<>();
    private DynamoDbStreamsClient client;

    @BeforeEach
    void createClient() {
        client = DynamoDbStreamsClient.builder()
                .endpointOverride(server.url("/").uri())
                .region("us-west-2")
                .credentialsProvider(StaticCredentialsProvider.create("AKID", "SECRET"))
                .retryPolicy(RetryPolicy.builder().sleeper(sleeps::add).random(() -> 0.5).build())
                .build();
    }

    @AfterEach
    void closeClient() {
        client.close();
    }

    @Test
    void aServerErrorThenThrottlingThenSuccess() throws Exception {
        server.enqueue(StreamsWire.error(500, "{\"__type\":\"InternalServerError\",\"message\":\"oops\"}"));
        server.enqueue(StreamsWire.error(400, "{\"__type\":\"LimitExceededException\",\"message\":\"slow down\"}"));
        server.enqueue(StreamsWire.ok("{\"ShardIterator\":\"it-1\"}"));

        assertThat(client.getShardIterator(r -> r.streamArn("arn").shardId("s").shardIteratorType("LATEST")).shardIterator())
                .isEqualTo("it-1");

        assertThat(server.getRequestCount()).isEqualTo(3);
        assertThat(sleeps).hasSize(2);
        // Throttling waits on the larger base delay than a plain server error.
        assertThat(sleeps.get(1)).isGreaterThan(sleeps.get(0));
        for (int i = 0; i < 3; i++) {
            assertThat(server.takeRequest().getHeaders().get("Authorization")).startsWith("AWS4-HMAC-SHA256 ");
        }
    }

    @Test
    void throttlingThatOutlastsTheAttemptsSaysHowManyWereMade() {
        for (int i = 0; i < 3; i++) {
            server.enqueue(StreamsWire.error(400, "{\"__type\":\"LimitExceededException\",\"message\":\"slow down\"}"));
        }
        assertThatThrownBy(() -> client.getRecords(r -> r.shardIterator("it")))
                .isInstanceOf(LimitExceededException.class)
                .hasMessageEndingWith("(SDK Attempt Count: 3)");
        assertThat(server.getRequestCount()).isEqualTo(3);
    }

    @Test
    void anExpiredIteratorIsNotRetried() {
        server.enqueue(StreamsWire.error(400, "{\"__type\":\"ExpiredIteratorException\",\"message\":\"expired\"}"));
        assertThatThrownBy(() -> client.getRecords(r -> r.shardIterator("it")))
                .isInstanceOf(ExpiredIteratorException.class)
                .hasMessageEndingWith("(SDK Attempt Count: 1)");
        assertThat(server.getRequestCount()).isEqualTo(1);
        assertThat(sleeps).isEmpty();
    }
}
