package dev.ddbstreams.runtime.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ddbstreams.runtime.auth.StaticCredentialsProvider;
import dev.ddbstreams.runtime.override.ClientOverrideConfiguration;
import dev.ddbstreams.runtime.retry.RetryPolicy;
import dev.ddbstreams.runtime.testing.RecordingLogs;
import dev.ddbstreams.runtime.testing.TestEnvironment;
import java.util.List;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.event.Level;

/** What a call logs through SLF4J: a DEBUG line per call, WARN for throttling and exhausted retries, no secrets. */
class CallLoggingTest {

    private static final String SECRET_KEY = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";

    @StartStop
    private final MockWebServer server = new MockWebServer();

    @BeforeEach
    void forget() {
        RecordingLogs.clear();
    }

    private AwsJsonProtocolInvoker invoker() {
        return new AwsJsonProtocolInvoker(ClientSettings.builder()
                .region("us-east-1")
                .endpointOverride(server.url("/").uri())
                .credentialsProvider(StaticCredentialsProvider.create("AKIDEXAMPLE", SECRET_KEY, "SESSIONTOKEN"))
                .systemEnvironment(TestEnvironment.empty())
                .overrideConfiguration(ClientOverrideConfiguration.builder()
                        .retryPolicy(RetryPolicy.builder().maxAttempts(2).sleeper(d -> { }).build()).build())
                .build(), TestService.METADATA, TestService.ERROR_MAPPER);
    }

    private static List<RecordingLogs.Event> callEvents() {
        return RecordingLogs.events().stream().filter(e -> e.logger().equals("dev.ddbstreams.runtime.http.calls")).toList();
    }

    @Test
    void eachCallIsOneDebugLineWithOperationAttemptsStatusLatencyAndRequestId() {
        server.enqueue(new MockResponse.Builder().code(200).addHeader("x-amzn-RequestId", "req-77").body("{}").build());

        try (AwsJsonProtocolInvoker invoker = invoker()) {
            invoker.invoke(TestRequest.DESCRIBE_STREAM, TestRequest.of("arn"));
        }

        assertThat(callEvents()).singleElement().satisfies(event -> {
            assertThat(event.level()).isEqualTo(Level.DEBUG);
            assertThat(event.message()).matches("DynamoDB Streams DescribeStream: HTTP 200 after 1 attempt\\(s\\) in \\d+ ms, "
                    + "request id req-77");
        });
    }

    @Test
    void throttlingAndExhaustedRetriesAreWarningsWithoutSecretsOrBodies() {
        for (int i = 0; i < 2; i++) {
            server.enqueue(new MockResponse.Builder().code(400).addHeader("x-amzn-RequestId", "req-" + i)
                    .body("{\"__type\":\"LimitExceededException\",\"message\":\"secret-ish service text\"}").build());
        }

        try (AwsJsonProtocolInvoker invoker = invoker()) {
            assertThatThrownBy(() -> invoker.invoke(TestRequest.DESCRIBE_STREAM, TestRequest.of("arn")));
        }

        List<RecordingLogs.Event> events = callEvents();
        assertThat(events).extracting(RecordingLogs.Event::level).containsExactly(Level.WARN, Level.WARN, Level.DEBUG);
        assertThat(events.get(0).message()).contains("throttled at attempt 1").contains("LimitExceededException")
                .contains("req-0");
        assertThat(events.get(1).message()).contains("retries exhausted (maximum attempts reached) after attempt 2");
        // Ours only: the AWS signer itself logs its canonical request at DEBUG (see docs/configuration.md).
        assertThat(RecordingLogs.events().stream().filter(e -> e.logger().startsWith("dev.ddbstreams")))
                .allSatisfy(event -> assertThat(event.message())
                .doesNotContain(SECRET_KEY).doesNotContain("SESSIONTOKEN").doesNotContain("Signature=")
                .doesNotContain("secret-ish service text").doesNotContain("StreamArn"));
    }
}
