package dev.ddbstreams.micrometer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ddbstreams.runtime.auth.StaticCredentialsProvider;
import dev.ddbstreams.runtime.metrics.AttemptMetrics;
import dev.ddbstreams.runtime.metrics.CallMetrics;
import dev.ddbstreams.runtime.retry.RetryPolicy;
import dev.ddbstreams.streams.DynamoDbStreamsClient;
import dev.ddbstreams.streams.model.ResourceNotFoundException;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;

/** Call metrics as Micrometer meters, fed directly and by a real client. */
class MicrometerMetricPublisherTest {

    @StartStop
    private final MockWebServer server = new MockWebServer();

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    @Test
    void aRetriedThrottledCallBecomesTimersCountersAndSizes() {
        MicrometerMetricPublisher publisher = MicrometerMetricPublisher.create(registry);
        publisher.publish(new CallMetrics("DynamoDB Streams", "GetRecords", true, Duration.ofMillis(250), List.of(
                new AttemptMetrics(1, Duration.ZERO, Duration.ofMillis(20), 400, "LimitExceededException", true, "r1", 80),
                new AttemptMetrics(2, Duration.ofMillis(200), Duration.ofMillis(30), 200, null, false, "r2", 10_779)),
                null, null, "r2", 120, 10_779));

        Timer call = registry.get("ddbstreams.api.call")
                .tags("service", "DynamoDB Streams", "operation", "GetRecords", "outcome", "success", "error.code", "none")
                .timer();
        assertThat(call.count()).isEqualTo(1);
        assertThat(call.totalTime(TimeUnit.MILLISECONDS)).isEqualTo(250);
        assertThat(registry.get("ddbstreams.api.call.attempt").tags("http.status", "400", "error.code",
                "LimitExceededException").timer().totalTime(TimeUnit.MILLISECONDS)).isEqualTo(20);
        assertThat(registry.get("ddbstreams.api.call.attempt").tags("http.status", "200").timer().count()).isEqualTo(1);
        assertThat(registry.get("ddbstreams.api.call.retries").tags("operation", "GetRecords").counter().count()).isEqualTo(1);
        assertThat(registry.get("ddbstreams.api.call.throttled").counter().count()).isEqualTo(1);
        assertThat(registry.get("ddbstreams.api.call.request.size").summary().totalAmount()).isEqualTo(120);
        assertThat(registry.get("ddbstreams.api.call.response.size").summary().totalAmount()).isEqualTo(10_779);
    }

    @Test
    void failuresAreTaggedWithTheErrorCodeOrElseTheExceptionClassAndDropsAreCounted() {
        MicrometerMetricPublisher publisher = MicrometerMetricPublisher.create(registry, "streams.client",
                Tags.of("app", "orders"));
        publisher.publish(new CallMetrics("DynamoDB Streams", "GetRecords", false, Duration.ofMillis(5), List.of(),
                null, "dev.ddbstreams.runtime.exception.ApiCallTimeoutException", null, 10, -1));
        publisher.dropped(3);

        assertThat(registry.get("streams.client.api.call").tags("app", "orders", "outcome", "failure", "error.code",
                "ApiCallTimeoutException").timer().count()).isEqualTo(1);
        assertThat(registry.find("streams.client.api.call.response.size").summary()).isNull();
        assertThat(registry.get("streams.client.metrics.dropped").tags("app", "orders").counter().count()).isEqualTo(3);
        assertThatThrownBy(() -> MeterNames.of("bad.", Tags.empty())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aRealClientsCallsAreRecorded() {
        server.enqueue(new MockResponse.Builder().code(200).body("{\"Streams\":[]}").build());
        server.enqueue(new MockResponse.Builder().code(400)
                .body("{\"__type\":\"ResourceNotFoundException\",\"message\":\"no\"}").build());

        try (DynamoDbStreamsClient client = DynamoDbStreamsClient.builder()
                .region("us-east-1")
                .endpointOverride(server.url("/").uri())
                .credentialsProvider(StaticCredentialsProvider.create("AKID", "secret"))
                .retryPolicy(RetryPolicy.none())
                .overrideConfiguration(o -> o.addMetricPublisher(MicrometerMetricPublisher.create(registry)))
                .build()) {
            client.listStreams();
            assertThatThrownBy(() -> client.describeStream(r -> r.streamArn("arn:aws:dynamodb:us-east-1:1:table/t/stream/s")))
                    .isInstanceOf(ResourceNotFoundException.class);
        } // closing the client delivers the queued records

        assertThat(registry.get("ddbstreams.api.call").tags("operation", "ListStreams", "outcome", "success")
                .timer().count()).isEqualTo(1);
        assertThat(registry.get("ddbstreams.api.call").tags("operation", "DescribeStream", "error.code",
                "ResourceNotFoundException").timer().count()).isEqualTo(1);
    }
}
