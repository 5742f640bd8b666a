package dev.ddbstreams.streams.reader.lineage;

import dev.ddbstreams.streams.DynamoDbStreamsClient;
import dev.ddbstreams.streams.model.DescribeStreamResponse;
import dev.ddbstreams.streams.model.Shard;
import dev.ddbstreams.streams.model.ShardFilterType;
import dev.ddbstreams.streams.model.StreamDescription;
import dev.ddbstreams.streams.model.StreamStatus;
import java.util.ArrayList;
import java.util.List;

/** Lists the shards of a stream with {@code DescribeStream}, page by page. */
public final class ShardDiscovery {

    /**
     * One complete listing.
     *
     * @param shards every shard the service lists, in its order
     * @param status the stream's status, {@code null} when the service did not say
     */
    public record Listing(List<Shard> shards, StreamStatus status) {

        /** Whether the stream takes no more writes: once its shards are read, it is read whole. */
        public boolean streamDisabled() {
            return status == StreamStatus.DISABLED;
        }
    }

    private final DynamoDbStreamsClient client;
    private final String streamArn;

    public ShardDiscovery(DynamoDbStreamsClient client, String streamArn) {
        this.client = client;
        this.streamArn = streamArn;
    }

    /** All shards the service lists for the stream. */
    public Listing listAll() {
        List<Shard> shards = new ArrayList<>();
        StreamStatus status = null;
        for (DescribeStreamResponse page : client.describeStreamPaginator(r -> r.streamArn(streamArn))) {
            StreamDescription description = page.streamDescription();
            if (description != null) {
                shards.addAll(description.shards());
                if (description.streamStatusAsString() != null) {
                    status = description.streamStatus();
                }
            }
        }
        return new Listing(shards, status);
    }

    /**
     * The children of a shard, found with the {@code CHILD_SHARDS} filter: one small call when a shard ends, instead
     * of listing the whole stream to find what follows it.
     */
    public List<Shard> childrenOf(String shardId) {
        List<Shard> children = new ArrayList<>();
        client.describeStreamPaginator(r -> r.streamArn(streamArn)
                        .shardFilter(f -> f.type(ShardFilterType.CHILD_SHARDS).shardId(shardId)))
                .shards()
                .forEach(children::add);
        return children;
    }
}
