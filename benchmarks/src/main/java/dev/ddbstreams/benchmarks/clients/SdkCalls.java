package dev.ddbstreams.benchmarks.clients;

import dev.ddbstreams.benchmarks.fixtures.Fixture;
import java.net.URI;
import java.util.function.Supplier;
import java.util.function.ToIntFunction;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.model.DescribeStreamResponse;
import software.amazon.awssdk.services.dynamodb.model.GetRecordsResponse;
import software.amazon.awssdk.services.dynamodb.model.ListStreamsResponse;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * Fixture calls through the AWS SDK for Java v2. The HTTP client is named explicitly only because the benchmark
 * classpath holds all three; each is built with its defaults, exactly what the SDK would build by itself.
 */
public final class SdkCalls {

    private SdkCalls() {}

    static FixtureCall open(ClientKind kind, String baseUri, Fixture fixture) {
        SdkHttpClient httpClient = httpClient(kind);
        DynamoDbStreamsClient client = client(httpClient, baseUri + "/" + fixture.name());
        return switch (fixture.operation()) {
            case "GetRecords" -> new Call(client, httpClient,
                    () -> client.getRecords(r -> r.shardIterator(FakeCredentials.SHARD_ITERATOR).limit(1000)),
                    response -> ((GetRecordsResponse) response).records().size());
            case "DescribeStream" -> new Call(client, httpClient,
                    () -> client.describeStream(r -> r.streamArn(FakeCredentials.STREAM_ARN)),
                    response -> ((DescribeStreamResponse) response).streamDescription().shards().size());
            case "ListStreams" -> new Call(client, httpClient,
                    () -> client.listStreams(r -> r.limit(100)),
                    response -> ((ListStreamsResponse) response).streams().size());
            default -> throw new IllegalArgumentException("No call for " + fixture);
        };
    }

    /** An SDK client for {@code endpoint} sending with {@code httpClient}. */
    public static DynamoDbStreamsClient client(SdkHttpClient httpClient, String endpoint) {
        return DynamoDbStreamsClient.builder()
                .region(Region.of(FakeCredentials.REGION))
                .endpointOverride(URI.create(endpoint))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(
                        FakeCredentials.ACCESS_KEY_ID, FakeCredentials.SECRET_ACCESS_KEY)))
                .httpClient(httpClient)
                .build();
    }

    /** The HTTP client of {@code kind}, with its defaults. */
    public static SdkHttpClient httpClient(ClientKind kind) {
        return switch (kind) {
            case SDK_APACHE5 -> Apache5HttpClient.create();
            case SDK_APACHE -> ApacheHttpClient.create();
            case SDK_URL_CONNECTION -> UrlConnectionHttpClient.create();
            case OURS, OURS_OBSERVED -> throw new IllegalArgumentException("not an SDK client: " + kind);
        };
    }

    // Closing the SDK client does not close an HTTP client passed in with httpClient(..): close both.
    private record Call(DynamoDbStreamsClient client, SdkHttpClient httpClient, Supplier<Object> operation,
                        ToIntFunction<Object> counter) implements FixtureCall {

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
            httpClient.close();
        }
    }
}
