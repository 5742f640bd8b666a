package dev.ddbstreams.client.paging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ddbstreams.runtime.auth.StaticCredentialsProvider;
import dev.ddbstreams.runtime.waiter.WaiterException;
import dev.ddbstreams.runtime.waiter.WaiterOptions;
import dev.ddbstreams.runtime.waiter.WaiterResponse;
import dev.ddbstreams.runtime.waiter.WaiterTimeoutException;
import dev.ddbstreams.streams.DynamoDbStreamsClient;
import dev.ddbstreams.streams.model.DescribeStreamRequest;
import dev.ddbstreams.streams.model.DescribeStreamResponse;
import dev.ddbstreams.streams.model.ResourceNotFoundException;
import dev.ddbstreams.streams.model.StreamStatus;
import dev.ddbstreams.streams.waiters.DynamoDbStreamsWaiter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The generated StreamEnabled waiter against a mock service, under a fake clock. */
class WaiterIntegrationTest {

    /** Time that passes only when the waiter sleeps. */
    static final class FakeTime extends Clock {
        Instant now = Instant.parse("2026-01-01T00:00:00Z");
        final List<Duration> sleeps = new ArrayList<>();

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }

    @StartStop
    private final MockWebServer server = new MockWebServer();

    private final FakeTime time = new FakeTime();
    private DynamoDbStreamsClient client;

    @BeforeEach
    void createClient() {
        client = DynamoDbStreamsClient.builder()
                .region("us-west-2")
                .endpointOverride(server.url("/").uri())
                .credentialsProvider(StaticCredentialsProvider.create("AKID", "SECRET"))
                .build();
    }

    @AfterEach
    void closeClient() {
        client.close();
    }

    private DynamoDbStreamsWaiter waiter(WaiterOptions.Builder options) {
        return client.waiter(options.clock(time).sleeper(d -> {
            time.sleeps.add(d);
            time.now = time.now.plus(d);
        }).build());
    }

    private void status(String status) {
        server.enqueue(new MockResponse.Builder().code(200)
                .body("{\"StreamDescription\":{\"StreamArn\":\"arn\",\"StreamStatus\":\"" + status + "\"}}").build());
    }

    @Test
    void waitsUntilTheStreamIsEnabled() {
        status("ENABLING");
        status("ENABLING");
        status("ENABLED");
        WaiterResponse<DescribeStreamResponse> result = waiter(WaiterOptions.builder()).waitUntilStreamEnabled(r -> r.streamArn("arn"));
        assertThat(result.attemptsExecuted()).isEqualTo(3);
        assertThat(result.matched().response().orElseThrow().streamDescription().streamStatus()).isEqualTo(StreamStatus.ENABLED);
        assertThat(time.sleeps).containsExactly(Duration.ofSeconds(5), Duration.ofSeconds(5));
        assertThat(server.getRequestCount()).isEqualTo(3);
    }

    @Test
    void failsWhenTheStreamIsDisabled() {
        status("DISABLED");
        assertThatThrownBy(() -> waiter(WaiterOptions.builder()).waitUntilStreamEnabled(r -> r.streamArn("arn")))
                .isInstanceOfSatisfying(WaiterException.class, e -> {
                    assertThat(e.attempts()).isEqualTo(1);
                    assertThat(e.lastResponse()).get().isInstanceOf(DescribeStreamResponse.class);
                    assertThat(e.getMessage()).contains("StreamDescription.StreamStatus == DISABLED");
                });
    }

    @Test
    void anErrorTheModelDoesNotExpectEndsTheWaitWithThatError() {
        server.enqueue(new MockResponse.Builder().code(400)
                .body("{\"__type\":\"com.amazonaws.dynamodb.v20120810#ResourceNotFoundException\",\"message\":\"no such stream\"}").build());
        assertThatThrownBy(() -> waiter(WaiterOptions.builder()).waitUntilStreamEnabled(r -> r.streamArn("arn")))
                .isInstanceOf(WaiterException.class)
                .hasCauseInstanceOf(ResourceNotFoundException.class);
    }

    @Test
    void runsOutOfTimeUnderTheFakeClock() {
        for (int i = 0; i < 10; i++) {
            status("ENABLING");
        }
        assertThatThrownBy(() -> waiter(WaiterOptions.builder().timeout(Duration.ofSeconds(12))).waitUntilStreamEnabled(r -> r.streamArn("arn")))
                .isInstanceOfSatisfying(WaiterTimeoutException.class, e -> assertThat(e.attempts()).isEqualTo(3));
        assertThat(time.sleeps).containsExactly(Duration.ofSeconds(5), Duration.ofSeconds(5));
    }

    @Test
    void runsOutOfAttempts() {
        for (int i = 0; i < 2; i++) {
            status("ENABLING");
        }
        assertThatThrownBy(() -> waiter(WaiterOptions.builder().maxAttempts(2)).waitUntilStreamEnabled(r -> r.streamArn("arn")))
                .isInstanceOf(WaiterTimeoutException.class)
                .hasMessage("StreamEnabled did not reach the awaited state in 2 attempts");
    }

    @Test
    void nameBasedLookupLikeBoto3sGetWaiter() {
        status("ENABLED");
        assertThat(DynamoDbStreamsWaiter.waiterNames()).containsExactly("StreamEnabled");
        assertThat(waiter(WaiterOptions.builder()).waitUntil("StreamEnabled", DescribeStreamRequest.builder().streamArn("arn").build()).attemptsExecuted())
                .isEqualTo(1);
        assertThatThrownBy(() -> waiter(WaiterOptions.builder()).waitUntil("StreamGone", DescribeStreamRequest.builder().build()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("no waiter named StreamGone; the waiters are [StreamEnabled]");
    }
}
