package dev.ddbstreams.flink;

import dev.ddbstreams.flink.enumerator.EnumeratorState;
import dev.ddbstreams.flink.enumerator.EnumeratorStateSerializer;
import dev.ddbstreams.flink.enumerator.ShardSplitEnumerator;
import dev.ddbstreams.flink.reader.DynamoDbStreamsSourceReader;
import dev.ddbstreams.flink.serialization.DynamoDbStreamsDeserializer;
import dev.ddbstreams.flink.split.ShardSplit;
import dev.ddbstreams.flink.split.ShardSplitSerializer;
import dev.ddbstreams.streams.DynamoDbStreamsClient;
import dev.ddbstreams.streams.reader.lineage.ShardDiscovery;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.connector.source.Boundedness;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.api.connector.source.SourceReader;
import org.apache.flink.api.connector.source.SourceReaderContext;
import org.apache.flink.api.connector.source.SplitEnumerator;
import org.apache.flink.api.connector.source.SplitEnumeratorContext;
import org.apache.flink.api.java.typeutils.ResultTypeQueryable;
import org.apache.flink.core.io.SimpleVersionedSerializer;

/**
 * A Flink source (FLIP-27) reading one DynamoDB stream: each shard is a split, read by one parallel reader at a
 * time, parents before children, each record emitted once per successful checkpoint with its position (the last
 * sequence number emitted) in the checkpoint. Build one with {@link #builder()} and give it to
 * {@code env.fromSource(source, watermarkStrategy, name)}.
 *
 * <pre>{@code
 * DynamoDbStreamsSource<String> source = DynamoDbStreamsSource.<String>builder()
 *         .streamArn(streamArn)
 *         .deserializer(DynamoDbStreamsDeserializer.changeJson())
 *         .build();
 * }</pre>
 *
 * docs/flink.md has a complete job, the configuration, the delivery guarantees as tested, and the metrics.
 *
 * @param <T> what the source produces
 */
public final class DynamoDbStreamsSource<T>
        implements Source<T, ShardSplit, EnumeratorState>, ResultTypeQueryable<T> {

    private static final long serialVersionUID = 1L;

    private final SourceSettings settings;
    private final DynamoDbStreamsDeserializer<T> deserializer;

    DynamoDbStreamsSource(SourceSettings settings, DynamoDbStreamsDeserializer<T> deserializer) {
        this.settings = settings;
        this.deserializer = deserializer;
    }

    /** A builder of a source. */
    public static <T> DynamoDbStreamsSourceBuilder<T> builder() {
        return new DynamoDbStreamsSourceBuilder<>();
    }

    /** What the source was built with. */
    public SourceSettings settings() {
        return settings;
    }

    @Override
    public Boundedness getBoundedness() {
        return settings.bounded() ? Boundedness.BOUNDED : Boundedness.CONTINUOUS_UNBOUNDED;
    }

    @Override
    public SourceReader<T, ShardSplit> createReader(SourceReaderContext readerContext) {
        return new DynamoDbStreamsSourceReader<>(settings, deserializer, readerContext);
    }

    @Override
    public SplitEnumerator<ShardSplit, EnumeratorState> createEnumerator(
            SplitEnumeratorContext<ShardSplit> enumContext) {
        return restoreEnumerator(enumContext, EnumeratorState.initial());
    }

    @Override
    public SplitEnumerator<ShardSplit, EnumeratorState> restoreEnumerator(
            SplitEnumeratorContext<ShardSplit> enumContext, EnumeratorState checkpoint) {
        DynamoDbStreamsClient client = settings.clientFactory().create();
        return new ShardSplitEnumerator(enumContext, settings, new ShardDiscovery(client, settings.streamArn()),
                client, checkpoint);
    }

    @Override
    public SimpleVersionedSerializer<ShardSplit> getSplitSerializer() {
        return ShardSplitSerializer.INSTANCE;
    }

    @Override
    public SimpleVersionedSerializer<EnumeratorState> getEnumeratorCheckpointSerializer() {
        return EnumeratorStateSerializer.INSTANCE;
    }

    @Override
    public TypeInformation<T> getProducedType() {
        return deserializer.getProducedType();
    }
}
