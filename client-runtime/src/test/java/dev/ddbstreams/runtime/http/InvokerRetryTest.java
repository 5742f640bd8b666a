package dev.ddbstreams.runtime.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.ddbstreams.runtime.auth.AwsCredentials;
import dev.ddbstreams.runtime.auth.AwsCredentialsProvider;
import dev.ddbstreams.runtime.auth.StaticCredentialsProvider;
import dev.ddbstreams.runtime.exception.AwsServiceException;
import dev.ddbstreams.runtime.exception.SdkClientException;
import dev.ddbstreams.runtime.http.TestService.ExpiredIteratorException;
import dev.ddbstreams.runtime.http.TestService.StreamsException;
import dev.ddbstreams.runtime.retry.FailureKind;
import dev.ddbstreams.runtime.retry.RetryClassifier;
import dev.ddbstreams.runtime.retry.RetryPolicy;
import dev.ddbstreams.runtime.testing.MutableClock;
import dev.ddbstreams.runtime.testing.RecordingSleeper;
import dev.ddbstreams.runtime.testing.TestEnvironment;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.CRC32;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Calls ride out transient faults and throttling, and give up on what retrying cannot fix. */
class InvokerRetryTest {

    private static final Instant T0 = Instant.parse("2030-01-01T00:00:00Z");

    @StartStop
    private final MockWebServer server = new MockWebServer();

    private final MutableClock clock = new MutableClock(T0);
    private final RecordingSleeper sleeper = new RecordingSleeper(clock);
    private AwsJsonProtocolInvoker invoker;

    @AfterEach
    void closeInvoker() {
        if (invoker != null) {
            invoker.close();
        }
    }

    private AwsJsonProtocolInvoker invoker(RetryPolicy.Builder policy, AwsCredentialsProvider credentials) {
        invoker = new AwsJsonProtocolInvoker(ClientSettings.builder()
                .region("us-east-1")
                .endpointOverride(server.url("/").uri())
                .credentialsProvider(credentials)
                .clock(clock)
                .systemEnvironment(TestEnvironment.empty())
                .retryPolicy(policy.sleeper(sleeper).random(() -> 0.5).build())
                .build(), TestService.METADATA, TestService.ERROR_MAPPER);
        return invoker;
    }

    private AwsJsonProtocolInvoker invoker(RetryPolicy.Builder policy) {
        return invoker(policy, StaticCredentialsProvider.create("AKIDEXAMPLE", "secret"));
    }

    private AwsJsonProtocolInvoker invoker() {
        return invoker(RetryPolicy.builder());
    }

    private Map<String, String> call() {
        return invoker.invoke("GetRecords", TestJson.EMPTY_OBJECT, TestJson.STRING_MEMBERS);
    }

    private static MockResponse error(int status, String code) {
        return new MockResponse.Builder().code(status).addHeader("x-amzn-RequestId", "REQ")
                .body(code == null ? "" : "{\"__type\":\"com.amazonaws.dynamodb.v20120810#" + code + "\","
                        + "\"message\":\"" + code + " happened\"}").build();
    }

    private static MockResponse ok() {
        return new MockResponse.Builder().code(200).body("{\"NextShardIterator\":\"it-2\"}").build();
    }

    @Test
    void serverErrorThenSuccess() {
        server.enqueue(error(500, "InternalServerError"));
        server.enqueue(ok());
        invoker();

        assertThat(call()).containsEntry("NextShardIterator", "it-2");
        assertThat(server.getRequestCount()).isEqualTo(2);
        assertThat(sleeper.delays()).containsExactly(Duration.ofMillis(50));
    }

    @Test
    void anErrorResponseWhoseBodyIsCutOffInTransitIsRetriedLikeACutSuccessBody() {
        // A 400 ExpiredIteratorException would not be retried; cut off, the body says nothing reliable: an I/O failure.
        String body = "{\"__type\":\"com.amazonaws.dynamodb.v20120810#ExpiredIteratorException\",\"message\":\""
                + "x".repeat(100_000) + "\"}";
        server.enqueue(new MockResponse.Builder().code(400).body(body)
                .onResponseBody(new SocketEffect.CloseSocket()).build());
        server.enqueue(ok());
        invoker();

        assertThat(call()).containsEntry("NextShardIterator", "it-2");
        assertThat(server.getRequestCount()).isEqualTo(2);
        assertThat(sleeper.delays()).containsExactly(Duration.ofMillis(50));

        server.enqueue(new MockResponse.Builder().code(400).body(body)
                .onResponseBody(new SocketEffect.CloseSocket()).build());
        invoker.close();
        invoker(RetryPolicy.builder().maxAttempts(1));
        Throwable cut = org.assertj.core.api.Assertions.catchThrowable(this::call);
        assertThat(cut).isExactlyInstanceOf(SdkClientException.class)
                .hasMessageContaining("HTTP 400")
                .hasMessageContaining("error response to GetRecords")
                .hasCauseInstanceOf(java.io.IOException.class);
        assertThat(RetryClassifier.standard().classify(cut)).isEqualTo(FailureKind.TRANSIENT);
    }

    @Test
    void throttlingIsRetriedAfterTheLongerWait() {
        server.enqueue(error(400, "LimitExceededException"));
        server.enqueue(error(429, null));
        server.enqueue(ok());
        invoker();

        assertThat(call()).containsEntry("NextShardIterator", "it-2");
        assertThat(sleeper.delays()).containsExactly(Duration.ofMillis(500), Duration.ofMillis(1_000));
    }

    @Test
    void everyAttemptResolvesCredentialsAndIsSignedAfresh() throws Exception {
        AtomicInteger resolutions = new AtomicInteger();
        AwsCredentialsProvider rotating = () -> {
            int n = resolutions.incrementAndGet();
            clock.advance(Duration.ofSeconds(1));
            return AwsCredentials.create("AKIDROTATION" + n, "secret" + n);
        };
        server.enqueue(error(503, null));
        server.enqueue(ok());
        invoker(RetryPolicy.builder(), rotating);

        call();

        RecordedRequest first = server.takeRequest();
        RecordedRequest second = server.takeRequest();
        assertThat(first.getHeaders().get("Authorization")).contains("Credential=AKIDROTATION1/");
        assertThat(second.getHeaders().get("Authorization")).contains("Credential=AKIDROTATION2/");
        assertThat(first.getHeaders().get("X-Amz-Date")).isEqualTo("20300101T000001Z");
        assertThat(second.getHeaders().get("X-Amz-Date")).startsWith("20300101T000002");
        assertThat(second.getBody()).isEqualTo(first.getBody());
    }

    @Test
    void neverRetriedErrorsSurfaceAtOnce() {
        server.enqueue(error(400, "ExpiredIteratorException"));
        invoker();

        AwsServiceException e = catchThrowableOfType(AwsServiceException.class, this::call);

        assertThat(e).isExactlyInstanceOf(ExpiredIteratorException.class);
        assertThat(e.numAttempts()).isEqualTo(1);
        assertThat(e.getMessage()).endsWith("(SDK Attempt Count: 1)");
        assertThat(server.getRequestCount()).isEqualTo(1);
        assertThat(sleeper.delays()).isEmpty();
    }

    @Test
    void persistentFailureSurfacesWithTheAttemptCount() {
        for (int i = 0; i < 3; i++) {
            server.enqueue(error(500, "InternalServerError"));
        }
        invoker();

        AwsServiceException e = catchThrowableOfType(AwsServiceException.class, this::call);

        assertThat(e).isExactlyInstanceOf(StreamsException.class);
        assertThat(e.getMessage()).isEqualTo("InternalServerError happened (Service: DynamoDB Streams, Status Code: "
                + "500, Error Code: InternalServerError, Request ID: REQ) (SDK Attempt Count: 3)");
        assertThat(e.getSuppressed()).hasSize(2);
        assertThat(server.getRequestCount()).isEqualTo(3);
        assertThat(sleeper.delays()).containsExactly(Duration.ofMillis(50), Duration.ofMillis(100));
    }

    @Test
    void corruptedResponseIsRetried() {
        String body = "{\"NextShardIterator\":\"it-2\"}";
        CRC32 crc32 = new CRC32();
        crc32.update(body.getBytes(StandardCharsets.UTF_8));
        server.enqueue(new MockResponse.Builder().code(200).addHeader("x-amz-crc32", crc32.getValue() ^ 1)
                .body(body).build());
        server.enqueue(new MockResponse.Builder().code(200).addHeader("x-amz-crc32", crc32.getValue())
                .body(body).build());
        invoker();

        assertThat(call()).containsEntry("NextShardIterator", "it-2");
        assertThat(server.getRequestCount()).isEqualTo(2);
    }

    @Test
    void connectionDroppedMidResponseIsRetried() {
        server.enqueue(new MockResponse.Builder().code(200)
                .body("{\"NextShardIterator\":\"" + "a".repeat(100_000) + "\"}")
                .onResponseBody(new SocketEffect.CloseSocket()).build());
        server.enqueue(ok());
        invoker();

        assertThat(call()).containsEntry("NextShardIterator", "it-2");
        assertThat(sleeper.delays()).hasSize(1);
    }

    @Test
    void retriesCanBeTurnedOff() {
        server.enqueue(error(500, "InternalServerError"));
        invoker(RetryPolicy.none().toBuilder());

        AwsServiceException e = catchThrowableOfType(AwsServiceException.class, this::call);

        assertThat(e.numAttempts()).isEqualTo(1);
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void anEmptyRetryBucketStopsRetryingAcrossTheClientsCalls() {
        for (int i = 0; i < 3; i++) {
            server.enqueue(error(500, "InternalServerError"));
        }
        invoker(RetryPolicy.builder().tokenBucketCapacity(5));

        AwsServiceException first = catchThrowableOfType(AwsServiceException.class, this::call);
        AwsServiceException second = catchThrowableOfType(AwsServiceException.class, this::call);

        assertThat(first.numAttempts()).isEqualTo(2);
        assertThat(second.numAttempts()).isEqualTo(1);
        assertThat(server.getRequestCount()).isEqualTo(3);
    }
}
