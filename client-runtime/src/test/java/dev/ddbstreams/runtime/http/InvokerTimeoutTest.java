package dev.ddbstreams.runtime.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.ddbstreams.runtime.auth.StaticCredentialsProvider;
import dev.ddbstreams.runtime.exception.ApiCallTimeoutException;
import dev.ddbstreams.runtime.exception.SdkClientException;
import dev.ddbstreams.runtime.http.TestService.StreamsException;
import dev.ddbstreams.runtime.retry.RetryPolicy;
import dev.ddbstreams.runtime.testing.MutableClock;
import dev.ddbstreams.runtime.testing.RecordingSleeper;
import dev.ddbstreams.runtime.testing.TestEnvironment;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.time.Instant;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.SocketEffect;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;

/**
 * Read and call timeouts. A server that never answers makes the real timeouts fire (nothing here measures how long
 * they took); the call timeout over several attempts runs on a fake clock.
 */
class InvokerTimeoutTest {

    @StartStop
    private final MockWebServer server = new MockWebServer();

    private ClientSettings.Builder settings() {
        return ClientSettings.builder()
                .region("us-east-1")
                .endpointOverride(server.url("/").uri())
                .credentialsProvider(StaticCredentialsProvider.create("AKIDEXAMPLE", "secret"))
                .systemEnvironment(TestEnvironment.empty());
    }

    private static MockResponse silence() {
        return new MockResponse.Builder().onResponseStart(SocketEffect.Stall.INSTANCE).build();
    }

    private Throwable call(ClientSettings settings) {
        try (AwsJsonProtocolInvoker invoker = new AwsJsonProtocolInvoker(settings, TestService.METADATA,
                TestService.ERROR_MAPPER)) {
            return catchThrowableOfType(SdkClientException.class,
                    () -> invoker.invoke("ListStreams", TestJson.EMPTY_OBJECT, TestJson.STRING_MEMBERS));
        }
    }

    @Test
    void readTimeoutEndsAnAttempt() {
        server.enqueue(silence());

        Throwable e = call(settings().readTimeout(Duration.ofMillis(100)).callTimeout(Duration.ZERO)
                .retryPolicy(RetryPolicy.none()).build());

        assertThat(e).isExactlyInstanceOf(SdkClientException.class)
                .hasMessageStartingWith("Unable to execute the ListStreams request")
                .hasCauseInstanceOf(SocketTimeoutException.class);
    }

    @Test
    void callTimeoutEndsAHangingCall() {
        server.enqueue(silence());

        // Long enough that the request reaches the server even on a loaded machine, far below the read timeout.
        Throwable e = call(settings().readTimeout(Duration.ofSeconds(30)).callTimeout(Duration.ofSeconds(2))
                .build());

        assertThat(e).isInstanceOf(ApiCallTimeoutException.class)
                .hasMessageStartingWith("ListStreams did not complete within the call timeout of 2000 ms");
        assertThat(((ApiCallTimeoutException) e).numAttempts()).isEqualTo(1);
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void callTimeoutBoundsAllAttemptsTogether() {
        for (int i = 0; i < 10; i++) {
            server.enqueue(new MockResponse.Builder().code(500).build());
        }
        MutableClock clock = new MutableClock(Instant.parse("2030-01-01T00:00:00Z"));
        RecordingSleeper sleeper = new RecordingSleeper(clock);

        Throwable e = call(settings().clock(clock).callTimeout(Duration.ofSeconds(1))
                .retryPolicy(RetryPolicy.builder().maxAttempts(10).sleeper(sleeper).random(() -> 0.999_999).build())
                .build());

        // Waits of ~100, ~200 and ~400 ms fit in 1 s; the next (~800 ms) would not.
        assertThat(e).isInstanceOf(ApiCallTimeoutException.class).hasCauseInstanceOf(StreamsException.class);
        assertThat(((ApiCallTimeoutException) e).numAttempts()).isEqualTo(4);
        assertThat(server.getRequestCount()).isEqualTo(4);
        assertThat(sleeper.delays()).hasSize(3);
    }
}
