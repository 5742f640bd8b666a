package dev.ddbstreams.runtime.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ddbstreams.runtime.auth.StaticCredentialsProvider;
import dev.ddbstreams.runtime.metrics.AttemptMetrics;
import dev.ddbstreams.runtime.metrics.CallMetrics;
import dev.ddbstreams.runtime.metrics.MetricPublisher;
import dev.ddbstreams.runtime.metrics.MetricsDispatcher;
import dev.ddbstreams.runtime.override.ClientOverrideConfiguration;
import dev.ddbstreams.runtime.override.RequestOverrideConfiguration;
import dev.ddbstreams.runtime.retry.RetryPolicy;
import dev.ddbstreams.runtime.testing.TestEnvironment;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;

/** One record per call, delivered off the caller's thread, never making a call wait, flushed on close. */
class MetricsPublishingTest {

    @StartStop
    private final MockWebServer server = new MockWebServer();

    private AwsJsonProtocolInvoker invoker(MetricPublisher... publishers) {
        return new AwsJsonProtocolInvoker(ClientSettings.builder()
                .region("us-east-1")
                .endpointOverride(server.url("/").uri())
                .credentialsProvider(StaticCredentialsProvider.create("AKID", "secret"))
                .systemEnvironment(TestEnvironment.empty())
                .overrideConfiguration(ClientOverrideConfiguration.builder()
                        .metricPublishers(List.of(publishers))
                        .retryPolicy(RetryPolicy.builder().sleeper(d -> { }).build())
                        .build())
                .build(), TestService.METADATA, TestService.ERROR_MAPPER);
    }

    @Test
    void aCallThatWasThrottledThenSucceededIsOneRecordWithBothAttempts() {
        server.enqueue(new MockResponse.Builder().code(400).addHeader("x-amzn-RequestId", "req-1")
                .body("{\"__type\":\"LimitExceededException\",\"message\":\"slow down\"}").build());
        server.enqueue(new MockResponse.Builder().code(200).addHeader("x-amzn-RequestId", "req-2")
                .body("{\"StreamArn\":\"x\"}").build());
        Recording publisher = new Recording();

        try (AwsJsonProtocolInvoker invoker = invoker(publisher)) {
            invoker.invoke(TestRequest.DESCRIBE_STREAM, TestRequest.of("arn"));
        }

        CallMetrics call = publisher.records.get(0);
        assertThat(publisher.records).hasSize(1);
        assertThat(call.serviceId()).isEqualTo("DynamoDB Streams");
        assertThat(call.operationName()).isEqualTo("DescribeStream");
        assertThat(call.successful()).isTrue();
        assertThat(call.retryCount()).isEqualTo(1);
        assertThat(call.throttled()).isTrue();
        assertThat(call.requestId()).isEqualTo("req-2");
        assertThat(call.requestBytes()).isEqualTo("{\"StreamArn\":\"arn\"}".length());
        assertThat(call.responseBytes()).isEqualTo("{\"StreamArn\":\"x\"}".length());
        assertThat(call.errorCode()).isNull();
        assertThat(call.attempts()).extracting(AttemptMetrics::httpStatusCode).containsExactly(400, 200);
        assertThat(call.attempts()).extracting(AttemptMetrics::errorCode).containsExactly("LimitExceededException", null);
        assertThat(call.attempts()).extracting(AttemptMetrics::requestId).containsExactly("req-1", "req-2");
        assertThat(call.apiCallDuration()).isGreaterThanOrEqualTo(call.serviceCallDuration());
        assertThat(publisher.threads).noneMatch(name -> name.equals(Thread.currentThread().getName()));
    }

    @Test
    void aFailedCallRecordsItsErrorAndARequestsPublishersReplaceTheClients() {
        server.enqueue(new MockResponse.Builder().code(400)
                .body("{\"__type\":\"ResourceNotFoundException\"}").build());
        Recording client = new Recording();
        Recording request = new Recording();

        try (AwsJsonProtocolInvoker invoker = invoker(client)) {
            assertThatThrownBy(() -> invoker.invoke(TestRequest.DESCRIBE_STREAM, TestRequest.of("arn")
                    .with(RequestOverrideConfiguration.builder().addMetricPublisher(request).build())))
                    .isInstanceOf(TestService.ResourceNotFoundException.class);
        }

        assertThat(client.records).isEmpty();
        assertThat(request.records).singleElement().satisfies(call -> {
            assertThat(call.successful()).isFalse();
            assertThat(call.errorCode()).isEqualTo("ResourceNotFoundException");
            assertThat(call.exceptionType()).isEqualTo(TestService.ResourceNotFoundException.class.getName());
            assertThat(call.httpStatusCode()).isEqualTo(400);
        });
    }

    @Test
    void aStuckPublisherLosesRecordsAndCountsThemButNeverSlowsACall() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        AtomicLong dropped = new AtomicLong();
        MetricPublisher stuck = new MetricPublisher() {
            @Override
            public void publish(CallMetrics metrics) {
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }

            @Override
            public void dropped(long count) {
                dropped.addAndGet(count);
            }
        };
        MetricsDispatcher dispatcher = new MetricsDispatcher(List.of(stuck));
        CallMetrics record = new CallMetrics("S", "Op", true, Duration.ZERO, List.of(), null, null, null, 0, -1);
        int offered = MetricsDispatcher.QUEUE_CAPACITY + 500;

        long start = System.nanoTime();
        for (int i = 0; i < offered; i++) {
            dispatcher.dispatch(record);
        }
        long elapsedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        release.countDown();
        dispatcher.close();

        assertThat(elapsedMillis).isLessThan(2_000);
        // One record was taken by the stuck thread, the queue held the capacity, the rest were dropped.
        assertThat(dropped.get()).isBetween(499L, 500L);
    }

    @Test
    void aThrowingPublisherLosesOnlyThatRecordAndHearsOfIt() {
        AtomicLong dropped = new AtomicLong();
        List<String> published = new CopyOnWriteArrayList<>();
        MetricPublisher flaky = new MetricPublisher() {
            @Override
            public void publish(CallMetrics metrics) {
                if (metrics.operationName().equals("Bad")) {
                    throw new IllegalStateException("exporter down");
                }
                published.add(metrics.operationName());
            }

            @Override
            public void dropped(long count) {
                dropped.addAndGet(count);
            }
        };
        MetricsDispatcher dispatcher = new MetricsDispatcher(List.of(flaky));
        for (String operation : new String[] {"A", "Bad", "B"}) {
            dispatcher.dispatch(new CallMetrics("S", operation, true, Duration.ZERO, List.of(), null, null, null, 0, -1));
        }
        dispatcher.close();

        assertThat(published).containsExactly("A", "B");
        assertThat(dropped.get()).isEqualTo(1);
    }

    @Test
    void closingDeliversWhatIsQueued() {
        Recording publisher = new Recording();
        MetricsDispatcher dispatcher = new MetricsDispatcher(List.of(publisher));
        for (int i = 0; i < 100; i++) {
            dispatcher.dispatch(new CallMetrics("S", "Op" + i, true, Duration.ZERO, List.of(), null, null, null, 0, -1));
        }
        dispatcher.close();

        assertThat(publisher.records).hasSize(100);
        assertThat(publisher.records.get(99).operationName()).isEqualTo("Op99");
    }

    private static final class Recording implements MetricPublisher {
        final List<CallMetrics> records = new CopyOnWriteArrayList<>();
        final List<String> threads = new CopyOnWriteArrayList<>();

        @Override
        public void publish(CallMetrics metrics) {
            records.add(metrics);
            threads.add(Thread.currentThread().getName());
        }
    }
}
