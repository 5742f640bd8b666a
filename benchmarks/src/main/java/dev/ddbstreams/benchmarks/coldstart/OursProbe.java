package dev.ddbstreams.benchmarks.coldstart;

import dev.ddbstreams.runtime.auth.StaticCredentialsProvider;
import dev.ddbstreams.streams.DynamoDbStreamsClient;
import dev.ddbstreams.streams.model.GetRecordsResponse;
import java.net.URI;

/**
 * A fresh JVM's first GetRecords with our client: build the client, read the 1000-record page, report. Run by the
 * harness with nothing but our client's own runtime classpath.
 */
public final class OursProbe {

    private OursProbe() {}

    /** @param args the fixture server's base URI and the fixture name */
    public static void main(String[] args) throws Exception {
        try (DynamoDbStreamsClient client = DynamoDbStreamsClient.builder()
                .region("us-east-1")
                .endpointOverride(URI.create(args[0] + "/" + args[1]))
                .credentialsProvider(StaticCredentialsProvider.create("AKIDCOLDSTART", "coldStartSecret"))
                .build()) {
            GetRecordsResponse page = client.getRecords(r -> r.shardIterator("cold-start-iterator"));
            ProbeOutput.firstRecord(page.records().get(0).eventID());
            ProbeOutput.stats();
        }
    }
}
