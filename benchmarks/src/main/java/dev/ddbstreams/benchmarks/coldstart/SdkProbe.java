package dev.ddbstreams.benchmarks.coldstart;

import java.net.URI;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.model.GetRecordsResponse;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * A fresh JVM's first GetRecords with the SDK v2: the same steps as {@link OursProbe}. No HTTP client is named: the
 * SDK finds the one on its classpath, as it does in an application.
 */
public final class SdkProbe {

    private SdkProbe() {}

    /** @param args the fixture server's base URI and the fixture name */
    public static void main(String[] args) throws Exception {
        try (DynamoDbStreamsClient client = DynamoDbStreamsClient.builder()
                .region(Region.US_EAST_1)
                .endpointOverride(URI.create(args[0] + "/" + args[1]))
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create("AKIDCOLDSTART", "coldStartSecret")))
                .build()) {
            GetRecordsResponse page = client.getRecords(r -> r.shardIterator("cold-start-iterator"));
            ProbeOutput.firstRecord(page.records().get(0).eventID());
            ProbeOutput.stats();
        }
    }
}
