package com.example.app;

import com.example.streams.DynamoDbStreamsClient;
import com.example.streams.model.Stream;
import java.util.List;

/** Code of the quick-start project that uses the generated client: the ARNs of a table's streams. */
public final class StreamArns {

    private StreamArns() {}

    public static List<String> of(DynamoDbStreamsClient client, String table) {
        return client.listStreams(r -> r.tableName(table)).streams().stream().map(Stream::streamArn).toList();
    }
}
