package dev.ddbstreams.benchmarks.flink;

import dev.ddbstreams.flink.ClientFactory;
import dev.ddbstreams.runtime.auth.StaticCredentialsProvider;
import dev.ddbstreams.streams.DynamoDbStreamsClient;
import java.net.URI;

/** Our client as an application builds it for the simulated service: region, endpoint, static credentials. */
final class OurClients {

    private OurClients() {}

    static DynamoDbStreamsClient client(String endpoint) {
        return DynamoDbStreamsClient.builder()
                .region("us-east-1")
                .endpointOverride(URI.create(endpoint))
                .credentialsProvider(StaticCredentialsProvider.create("AKIDBENCHMARKEXAMPLE", "benchmarkSecret"))
                .build();
    }

    /** The same, as the Flink source's client factory (it travels with the job). */
    static ClientFactory factory(String endpoint) {
        return () -> client(endpoint);
    }
}
