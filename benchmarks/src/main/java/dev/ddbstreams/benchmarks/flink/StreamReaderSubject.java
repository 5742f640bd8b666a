package dev.ddbstreams.benchmarks.flink;

import dev.ddbstreams.streams.DynamoDbStreamsClient;
import dev.ddbstreams.streams.reader.StreamReader;
import dev.ddbstreams.streams.reader.testing.FakeStream;
import java.time.Duration;
import java.util.concurrent.atomic.LongAdder;

/**
 * {@code StreamReader} with a prefetch of one page, counting what it delivers: with its defaults (4 shards at a time),
 * or with as many shards at a time as the SDK loop has threads, which is what a like-for-like comparison needs.
 */
final class StreamReaderSubject implements Subject {

    /** {@code null}: the builder's default. */
    private final Integer maxConcurrentShards;

    private StreamReaderSubject(Integer maxConcurrentShards) {
        this.maxConcurrentShards = maxConcurrentShards;
    }

    static StreamReaderSubject withDefaults() {
        return new StreamReaderSubject(null);
    }

    static StreamReaderSubject withConcurrentShards(int maxConcurrentShards) {
        return new StreamReaderSubject(maxConcurrentShards);
    }

    @Override
    public String name() {
        return maxConcurrentShards == null ? "StreamReader"
                : "StreamReader, maxConcurrentShards(" + maxConcurrentShards + ")";
    }

    @Override
    public long readAll(String endpoint) throws Exception {
        LongAdder delivered = new LongAdder();
        StreamReader.Builder builder = StreamReader.builder()
                .streamArn(FakeStream.ARN)
                .handler(batch -> delivered.add(batch.records().size()));
        if (maxConcurrentShards != null) {
            builder.maxConcurrentShards(maxConcurrentShards);
        }
        try (DynamoDbStreamsClient client = OurClients.client(endpoint);
                StreamReader reader = builder.client(client).build()) {
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
