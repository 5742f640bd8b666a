package dev.ddbstreams.benchmarks.clients;

import dev.ddbstreams.benchmarks.fixtures.Fixture;
import dev.ddbstreams.runtime.auth.StaticCredentialsProvider;
import dev.ddbstreams.streams.DynamoDbStreamsClient;
import dev.ddbstreams.streams.model.DescribeStreamResponse;
import dev.ddbstreams.streams.model.GetRecordsResponse;
import dev.ddbstreams.streams.model.ListStreamsResponse;
import java.net.URI;
import java.util.function.Supplier;
import java.util.function.ToIntFunction;

/** Fixture calls through our client, configured as an application would: nothing but region, endpoint, keys. */
final class OurCalls {

    private OurCalls() {}

    static FixtureCall open(String baseUri, Fixture fixture) {
        DynamoDbStreamsClient client = DynamoDbStreamsClient.builder()
                .region(FakeCredentials.REGION)
                .endpointOverride(URI.create(baseUri + "/" + fixture.name()))
                .credentialsProvider(StaticCredentialsProvider.create(
                        FakeCredentials.ACCESS_KEY_ID, FakeCredentials.SECRET_ACCESS_KEY))
                .build();
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
