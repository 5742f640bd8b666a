package dev.ddbstreams.benchmarks.flink;

import dev.ddbstreams.streams.DynamoDbStreamsClient;
import dev.ddbstreams.streams.reader.StreamReader;
import dev.ddbstreams.streams.reader.testing.FakeStream;
import java.time.Duration;
import java.util.concurrent.atomic.LongAdder;

/** {@code StreamReader} with its defaults (4 handler threads, prefetch of one page), counting what it delivers. */
final class StreamReaderSubject implements Subject {

    @Override
    public String name() {
        return "StreamReader";
    }

    @Override
    public long readAll(String endpoint) throws Exception {
        LongAdder delivered = new LongAdder();
        try (DynamoDbStreamsClient client = OurClients.client(endpoint);
                StreamReader reader = StreamReader.builder()
                        .client(client)
                        .streamArn(FakeStream.ARN)
                        .handler(batch -> delivered.add(batch.records().size()))
                        .build()) {
            reader.start();
            if (!reader.awaitTermination(Duration.ofMinutes(10))) {
                throw new IllegalStateException("StreamReader did not finish within 10 minutes: " + reader.metrics());
            }
            if (reader.failure().isPresent()) {
                throw new IllegalStateException("StreamReader failed", reader.failure().get());
            }
        }
        return delivered.sum();
    }
}
