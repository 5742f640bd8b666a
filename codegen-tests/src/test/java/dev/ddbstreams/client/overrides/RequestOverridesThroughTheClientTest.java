package dev.ddbstreams.client.overrides;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ddbstreams.runtime.auth.StaticCredentialsProvider;
import dev.ddbstreams.runtime.http.PresignedRequest;
import dev.ddbstreams.runtime.interceptor.Context;
import dev.ddbstreams.runtime.interceptor.ExecutionAttributes;
import dev.ddbstreams.runtime.interceptor.ExecutionInterceptor;
import dev.ddbstreams.runtime.override.RequestOverrideConfiguration;
import dev.ddbstreams.runtime.retry.RetryPolicy;
import dev.ddbstreams.runtime.waiter.WaiterOptions;
import dev.ddbstreams.streams.DynamoDbStreamsAsyncClient;
import dev.ddbstreams.streams.DynamoDbStreamsClient;
import dev.ddbstreams.streams.DynamoDbStreamsPresigner;
import dev.ddbstreams.streams.model.DescribeStreamRequest;
import dev.ddbstreams.streams.model.ListStreamsRequest;
import dev.ddbstreams.streams.model.ListStreamsResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;

/** A request's override configuration rides along on every page, every waiter poll, async calls and the presigner. */
class RequestOverridesThroughTheClientTest {

    private static final String STREAM_ARN = "arn:aws:dynamodb:us-east-1:123456789012:table/T/stream/2020";

    @StartStop
    private final MockWebServer server = new MockWebServer();

    private final RequestOverrideConfiguration tracing = RequestOverrideConfiguration.builder()
            .putHeader("X-Trace-Id", "trace-7").putRawQueryParameter("tenant", "blue").build();

    private DynamoDbStreamsClient client(ExecutionInterceptor... interceptors) {
        return DynamoDbStreamsClient.builder()
                .region("us-east-1")
                .endpointOverride(server.url("/").uri())
                .credentialsProvider(StaticCredentialsProvider.create("AKID", "SECRET"))
                .overrideConfiguration(o -> o.executionInterceptors(List.of(interceptors))
                        .retryPolicy(RetryPolicy.builder().sleeper(d -> { }).build()))
                .build();
    }

    private void ok(String body) {
        server.enqueue(new MockResponse.Builder().code(200).body(body).build());
    }

    private void expectTracedRequests(int count) throws InterruptedException {
        for (int i = 0; i < count; i++) {
            RecordedRequest request = server.takeRequest(5, TimeUnit.SECONDS);
            assertThat(request).as("request %s", i + 1).isNotNull();
            assertThat(request.getHeaders().get("X-Trace-Id")).isEqualTo("trace-7");
            assertThat(request.getUrl().queryParameter("tenant")).isEqualTo("blue");
            assertThat(request.getHeaders().get("Authorization")).contains("x-trace-id");
        }
    }

    @Test
    void toBuilderKeepsTheOverrideAndEqualityFollowsTheSdk() {
        ListStreamsRequest request = ListStreamsRequest.builder().limit(5).overrideConfiguration(tracing).build();
        ListStreamsRequest plain = ListStreamsRequest.builder().limit(5).build();

        assertThat(request.toBuilder().exclusiveStartStreamArn("x").build().overrideConfiguration()).contains(tracing);
        assertThat(request.equalsBySdkFields(plain)).isTrue();
        assertThat(request).isNotEqualTo(plain).hasSameHashCodeAs(plain);
        assertThat(request).isEqualTo(plain.toBuilder().overrideConfiguration(o -> o.putHeader("X-Trace-Id", "trace-7")
                .putRawQueryParameter("tenant", "blue")).build());
        assertThat(request.toString()).doesNotContain("trace-7");
    }

    @Test
    void everyPageOfAPaginatorCarriesTheRequestsOverride() throws Exception {
        ok("{\"Streams\":[{\"StreamArn\":\"a\"}],\"LastEvaluatedStreamArn\":\"a\"}");
        ok("{\"Streams\":[{\"StreamArn\":\"b\"}]}");

        try (DynamoDbStreamsClient client = client()) {
            List<ListStreamsResponse> pages = new ArrayList<>();
            client.listStreamsPaginator(r -> r.overrideConfiguration(tracing)).forEach(pages::add);
            assertThat(pages).hasSize(2);
        }
        expectTracedRequests(2);
    }

    @Test
    void everyPollOfAWaiterCarriesIt() throws Exception {
        ok("{\"StreamDescription\":{\"StreamArn\":\"" + STREAM_ARN + "\",\"StreamStatus\":\"ENABLING\"}}");
        ok("{\"StreamDescription\":{\"StreamArn\":\"" + STREAM_ARN + "\",\"StreamStatus\":\"ENABLED\"}}");

        try (DynamoDbStreamsClient client = client()) {
            client.waiter(WaiterOptions.builder().sleeper(d -> { }).build()).waitUntilStreamEnabled(
                    DescribeStreamRequest.builder().streamArn(STREAM_ARN).overrideConfiguration(tracing).build());
        }
        expectTracedRequests(2);
    }

    @Test
    void asynchronousCallsCarryItAndRequestInterceptorsRunAfterTheClients() throws Exception {
        ok("{\"Streams\":[]}");
        List<String> order = new ArrayList<>();
        ExecutionInterceptor clientLevel = new ExecutionInterceptor() {
            @Override
            public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
                order.add("client " + context.operationName());
            }
        };
        ExecutionInterceptor requestLevel = new ExecutionInterceptor() {
            @Override
            public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
                order.add("request " + context.operationName());
            }
        };

        try (DynamoDbStreamsAsyncClient client = DynamoDbStreamsAsyncClient.builder()
                .region("us-east-1")
                .endpointOverride(server.url("/").uri())
                .credentialsProvider(StaticCredentialsProvider.create("AKID", "SECRET"))
                .overrideConfiguration(o -> o.addExecutionInterceptor(clientLevel))
                .futureCompletionExecutor(Runnable::run)
                .build()) {
            client.listStreams(r -> r.overrideConfiguration(tracing.toBuilder().addExecutionInterceptor(requestLevel)
                    .build())).get(5, TimeUnit.SECONDS);
        }
        expectTracedRequests(1);
        assertThat(order).containsExactly("client ListStreams", "request ListStreams");
    }

    @Test
    void thePresignerSignsTheOverridesHeadersAndQueryAndUsesItsCredentials() {
        PresignedRequest presigned = DynamoDbStreamsPresigner.builder()
                .region("us-east-1")
                .credentialsProvider(StaticCredentialsProvider.create("AKID", "SECRET"))
                .build()
                .presignDescribeStream(DescribeStreamRequest.builder().streamArn(STREAM_ARN)
                        .overrideConfiguration(tracing.toBuilder()
                                .credentialsProvider(StaticCredentialsProvider.create("AKIDOTHER", "S2")).build())
                        .build(), Duration.ofMinutes(5));

        assertThat(presigned.headers()).containsKey("X-Trace-Id");
        assertThat(presigned.url().getRawQuery()).contains("tenant=blue").contains("X-Amz-Credential=AKIDOTHER")
                .contains("x-trace-id");
    }
}
