package dev.ddbstreams.benchmarks.clients;

import dev.ddbstreams.benchmarks.fixtures.Fixture;
import dev.ddbstreams.runtime.auth.StaticCredentialsProvider;
import dev.ddbstreams.runtime.http.HttpRequest;
import dev.ddbstreams.runtime.interceptor.Context;
import dev.ddbstreams.runtime.interceptor.ExecutionAttributes;
import dev.ddbstreams.runtime.interceptor.ExecutionInterceptor;
import dev.ddbstreams.runtime.metrics.CallMetrics;
import dev.ddbstreams.runtime.metrics.MetricPublisher;
import dev.ddbstreams.streams.DynamoDbStreamsClient;
import dev.ddbstreams.streams.DynamoDbStreamsClientBuilder;
import dev.ddbstreams.streams.model.DescribeStreamResponse;
import dev.ddbstreams.streams.model.GetRecordsResponse;
import dev.ddbstreams.streams.model.ListStreamsResponse;
import java.net.URI;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;
import java.util.function.ToIntFunction;

/** Fixture calls through our client, configured as an application would: nothing but region, endpoint, keys. */
final class OurCalls {

    private OurCalls() {}

    /** @param observed whether the client has one interceptor and one metric publisher, as an observed service would */
    static FixtureCall open(String baseUri, Fixture fixture, boolean observed) {
        DynamoDbStreamsClientBuilder builder = DynamoDbStreamsClient.builder()
                .region(FakeCredentials.REGION)
                .endpointOverride(URI.create(baseUri + "/" + fixture.name()))
                .credentialsProvider(StaticCredentialsProvider.create(
                        FakeCredentials.ACCESS_KEY_ID, FakeCredentials.SECRET_ACCESS_KEY));
        if (observed) {
            builder.overrideConfiguration(o -> o.addExecutionInterceptor(new TracingHeader())
                    .addMetricPublisher(new CountingPublisher()));
        }
        DynamoDbStreamsClient client = builder.build();
        return switch (fixture.operation()) {
            case "GetRecords" -> new Call(client,
                    () -> client.getRecords(r -> r.shardIterator(FakeCredentials.SHARD_ITERATOR).limit(1000)),
                    response -> ((GetRecordsResponse) response).records().size());
            case "DescribeStream" -> new Call(client,
                    () -> client.describeStream(r -> r.streamArn(FakeCredentials.STREAM_ARN)),
                    response -> ((DescribeStreamResponse) response).streamDescription().shards().size());
            case "ListStreams" -> new Call(client,
                    () -> client.listStreams(r -> r.limit(100)),
                    response -> ((ListStreamsResponse) response).streams().size());
            default -> throw new IllegalArgumentException("No call for " + fixture);
        };
    }

    /** A typical interceptor: one tracing header on every request, added before signing. */
    private static final class TracingHeader implements ExecutionInterceptor {
        @Override
        public HttpRequest modifyHttpRequest(Context.ModifyHttpRequest context, ExecutionAttributes attributes) {
            return context.httpRequest().toBuilder().putHeader("X-Trace-Id", "4bf92f3577b34da6a3ce929d0e0e4736").build();
        }
    }

    /** A publisher that does as little as a real one could: counts calls and attempts. */
    private static final class CountingPublisher implements MetricPublisher {
        private final LongAdder calls = new LongAdder();
        private final LongAdder attempts = new LongAdder();

        @Override
        public void publish(CallMetrics metrics) {
            calls.increment();
            attempts.add(metrics.attempts().size());
        }
    }

    private record Call(DynamoDbStreamsClient client, Supplier<Object> operation, ToIntFunction<Object> counter)
            implements FixtureCall {

        @Override
        public Object call() {
            return operation.get();
        }

        @Override
        public int items(Object response) {
            return counter.applyAsInt(response);
        }

        @Override
        public void close() {
            client.close();
        }
    }
}
