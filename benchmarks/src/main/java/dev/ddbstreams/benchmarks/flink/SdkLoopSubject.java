package dev.ddbstreams.benchmarks.flink;

import dev.ddbstreams.benchmarks.clients.ClientKind;
import dev.ddbstreams.benchmarks.clients.SdkCalls;
import dev.ddbstreams.streams.reader.testing.FakeStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.services.dynamodb.model.DescribeStreamResponse;
import software.amazon.awssdk.services.dynamodb.model.GetRecordsResponse;
import software.amazon.awssdk.services.dynamodb.model.Shard;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * The code users write today with the AWS SDK for Java v2 (its default HTTP client, Apache 5): list the shards with
 * {@code DescribeStream} page by page, then a thread per shard that gets a {@code TRIM_HORIZON} iterator and calls
 * {@code GetRecords} (1,000 records a page) until the shard ends, keeping its calls 200 ms apart as the service
 * requires. No checkpoints, no lineage (the benchmark's shards have no parents), no retries beyond the SDK's.
 */
final class SdkLoopSubject implements Subject {

    private static final long SPACING_NANOS = TimeUnit.MILLISECONDS.toNanos(200);

    @Override
    public String name() {
        return "AWS SDK v2 loop";
    }

    @Override
    public long readAll(String endpoint) throws Exception {
        SdkHttpClient http = SdkCalls.httpClient(ClientKind.SDK_APACHE5);
        try (http; DynamoDbStreamsClient client = SdkCalls.client(http, endpoint)) {
            List<Shard> shards = new ArrayList<>();
            String start = null;
            do {
                String exclusiveStart = start;
                DescribeStreamResponse page = client.describeStream(r -> r.streamArn(FakeStream.ARN)
                        .exclusiveStartShardId(exclusiveStart));
                shards.addAll(page.streamDescription().shards());
                start = page.streamDescription().lastEvaluatedShardId();
            } while (start != null);
            ExecutorService threads = Executors.newFixedThreadPool(shards.size());
            try {
                List<Future<Long>> counts = new ArrayList<>();
                for (Shard shard : shards) {
                    counts.add(threads.submit(() -> readShard(client, shard.shardId())));
                }
                long total = 0;
                for (Future<Long> count : counts) {
                    total += count.get();
                }
                return total;
            } finally {
                threads.shutdown();
            }
        }
    }

    private static long readShard(DynamoDbStreamsClient client, String shardId) throws InterruptedException {
        String iterator = client.getShardIterator(r -> r.streamArn(FakeStream.ARN).shardId(shardId)
                .shardIteratorType(ShardIteratorType.TRIM_HORIZON)).shardIterator();
        long count = 0;
        long lastCall = 0;
        while (iterator != null) {
            long wait = lastCall + SPACING_NANOS - System.nanoTime();
            if (lastCall != 0 && wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
            String current = iterator;
            GetRecordsResponse page = client.getRecords(r -> r.shardIterator(current).limit(1000));
            lastCall = System.nanoTime();
            count += page.records().size();
            iterator = page.nextShardIterator();
        }
        return count;
    }
}
