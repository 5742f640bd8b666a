package dev.ddbstreams.runtime.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ddbstreams.runtime.auth.StaticCredentialsProvider;
import dev.ddbstreams.runtime.exception.ApiCallTimeoutException;
import dev.ddbstreams.runtime.override.ClientOverrideConfiguration;
import dev.ddbstreams.runtime.override.RequestOverrideConfiguration;
import dev.ddbstreams.runtime.retry.RetryPolicy;
import dev.ddbstreams.runtime.testing.TestEnvironment;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import okhttp3.Headers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Client and request override configuration on the wire: headers and query parameters signed, timeouts, credentials. */
class RequestOverrideTest {

    private static final String ACCESS_KEY_ID = "AKIDEXAMPLE";
    private static final String SECRET_KEY = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";
    private static final Instant NOW = Instant.parse("2015-08-30T12:36:00Z");

    @StartStop
    private final MockWebServer server = new MockWebServer();

    private AwsJsonProtocolInvoker invoker;

    @AfterEach
    void close() {
        if (invoker != null) {
            invoker.close();
        }
    }

    private AwsJsonProtocolInvoker invoker(ClientOverrideConfiguration overrides) {
        return invoker(overrides, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private AwsJsonProtocolInvoker invoker(ClientOverrideConfiguration overrides, Clock clock) {
        invoker = new AwsJsonProtocolInvoker(ClientSettings.builder()
                .region("us-east-1")
                .endpointOverride(server.url("/").uri())
                .credentialsProvider(StaticCredentialsProvider.create(ACCESS_KEY_ID, SECRET_KEY))
                .clock(clock)
                .systemEnvironment(TestEnvironment.empty())
                .overrideConfiguration(overrides)
                .build(), TestService.METADATA, TestService.ERROR_MAPPER);
        return invoker;
    }

    @Test
    void requestHeadersAndQueryParametersAreSentAndSigned() throws Exception {
        server.enqueue(new MockResponse.Builder().code(200).body("{}").build());

        invoker(ClientOverrideConfiguration.builder().putHeader("X-Team", "streams").build())
                .invoke(TestRequest.DESCRIBE_STREAM, TestRequest.of("arn").with(RequestOverrideConfiguration.builder()
                        .putHeader("X-Trace-Id", "t-1")
                        .putRawQueryParameter("debug", "yes please")
                        .build()));

        RecordedRequest request = server.takeRequest();
        Headers received = request.getHeaders();
        assertThat(received.get("X-Team")).isEqualTo("streams");
        assertThat(received.get("X-Trace-Id")).isEqualTo("t-1");
        assertThat(request.getUrl().queryParameter("debug")).isEqualTo("yes please");
        Map<String, String> signed = new LinkedHashMap<>();
        for (String name : new String[] {"content-type", "host", "x-amz-content-sha256", "x-amz-date", "x-amz-target",
                "x-team", "x-trace-id"}) {
            signed.put(name, received.get(name));
        }
        assertThat(received.get("Authorization")).isEqualTo(IndependentSigV4.authorization("POST", "/",
                Map.of("debug", "yes please"), signed, request.getBody().toByteArray(), ACCESS_KEY_ID, SECRET_KEY,
                "us-east-1", "dynamodb", "20150830T123600Z"));
    }

    @Test
    void aRequestsCredentialsSignThatCallOnly() throws Exception {
        server.enqueue(new MockResponse.Builder().code(200).body("{}").build());
        server.enqueue(new MockResponse.Builder().code(200).body("{}").build());
        AwsJsonProtocolInvoker invoker = invoker(ClientOverrideConfiguration.empty());

        invoker.invoke(TestRequest.DESCRIBE_STREAM, TestRequest.of("arn").with(RequestOverrideConfiguration.builder()
                .credentialsProvider(StaticCredentialsProvider.create("AKIDOTHER", "otherSecret")).build()));
        invoker.invoke(TestRequest.DESCRIBE_STREAM, TestRequest.of("arn"));

        assertThat(server.takeRequest().getHeaders().get("Authorization")).contains("Credential=AKIDOTHER/");
        assertThat(server.takeRequest().getHeaders().get("Authorization")).contains("Credential=" + ACCESS_KEY_ID + "/");
    }

    @Test
    void aRequestsApiCallTimeoutLimitsThatCall() {
        server.enqueue(new MockResponse.Builder().code(200).body("{}").headersDelay(2, TimeUnit.SECONDS).build());

        // Call timeouts are measured on the client's clock: a real one here.
        assertThatThrownBy(() -> invoker(ClientOverrideConfiguration.empty(), Clock.systemUTC()).invoke(TestRequest.DESCRIBE_STREAM,
                TestRequest.of("arn").with(RequestOverrideConfiguration.builder()
                        .apiCallTimeout(Duration.ofMillis(200)).build())))
                .isInstanceOf(ApiCallTimeoutException.class)
                .hasMessageContaining("200 ms");
    }

    @Test
    void anAttemptThatRunsOutOfItsTimeoutIsRetried() throws Exception {
        server.enqueue(new MockResponse.Builder().code(200).body("{}").headersDelay(2, TimeUnit.SECONDS).build());
        server.enqueue(new MockResponse.Builder().code(200).body("{\"StreamArn\":\"second\"}").build());

        Map<String, String> response = invoker(ClientOverrideConfiguration.builder()
                .apiCallAttemptTimeout(Duration.ofMillis(300))
                .retryPolicy(RetryPolicy.builder().sleeper(d -> { }).build())
                .build()).invoke(TestRequest.DESCRIBE_STREAM, TestRequest.of("arn"));

        assertThat(response).containsEntry("StreamArn", "second");
        assertThat(server.getRequestCount()).isEqualTo(2);
    }

    @Test
    void protocolHeadersCannotBeOverridden() {
        assertThatThrownBy(() -> RequestOverrideConfiguration.builder().putHeader("x-amz-target", "Other.Op"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("x-amz-target is set by the client itself");
        assertThatThrownBy(() -> ClientOverrideConfiguration.builder().putHeader("Authorization", "x"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RequestOverrideConfiguration.builder().putHeader("X-Ok", "line\r\nbreak"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void overrideConfigurationsCompareByValueAndIdentityOfTheirObjects() {
        StaticCredentialsProvider credentials = StaticCredentialsProvider.create("a", "b");
        RequestOverrideConfiguration one = RequestOverrideConfiguration.builder().putHeader("X-A", "1")
                .credentialsProvider(credentials).build();
        RequestOverrideConfiguration same = RequestOverrideConfiguration.builder().putHeader("x-a", List.of("1"))
                .credentialsProvider(credentials).build();
        RequestOverrideConfiguration other = one.toBuilder().putHeader("X-A", "2").build();

        assertThat(one).isEqualTo(same).hasSameHashCodeAs(same).isNotEqualTo(other);
        assertThat(one.toString()).doesNotContain("1");
    }

    @Test
    void theClientsApiCallTimeoutTakesPrecedenceOverTheBuildersCallTimeout() {
        ClientSettings settings = ClientSettings.builder()
                .endpointOverride(URI.create("http://localhost:1"))
                .systemEnvironment(TestEnvironment.empty())
                .callTimeout(Duration.ofSeconds(5))
                .retryPolicy(RetryPolicy.none())
                .overrideConfiguration(ClientOverrideConfiguration.builder()
                        .apiCallTimeout(Duration.ofSeconds(7)).retryPolicy(RetryPolicy.adaptive()).build())
                .build();

        assertThat(settings.callTimeout()).contains(Duration.ofSeconds(7));
        assertThat(settings.retryPolicy()).isSameAs(RetryPolicy.adaptive());
        assertThat(settings.toBuilder().build().callTimeout()).contains(Duration.ofSeconds(7));
    }
}
