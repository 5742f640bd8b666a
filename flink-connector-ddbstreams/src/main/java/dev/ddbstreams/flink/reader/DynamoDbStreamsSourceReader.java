package dev.ddbstreams.flink.reader;

import dev.ddbstreams.flink.SourceSettings;
import dev.ddbstreams.flink.event.FinishedSplitsAcknowledged;
import dev.ddbstreams.flink.event.SplitsFinishedEvent;
import dev.ddbstreams.flink.serialization.DynamoDbStreamsDeserializer;
import dev.ddbstreams.flink.split.ShardSplit;
import dev.ddbstreams.flink.split.ShardSplitState;
import dev.ddbstreams.streams.model.Record;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.connector.source.SourceEvent;
import org.apache.flink.api.connector.source.SourceReaderContext;
import org.apache.flink.connector.base.source.reader.SingleThreadMultiplexSourceReaderBase;

/**
 * One parallel reader of the source: flink-connector-base's single-fetcher reader with a {@link ShardSplitReader}
 * and a {@link ShardRecordEmitter}.
 *
 * <p>When a split is finished (read to its end and every record emitted), the reader tells the enumerator
 * ({@link SplitsFinishedEvent}) so that it assigns the children, and keeps the split, marked finished, in its
 * checkpoints until the enumerator acknowledges the end as final ({@link FinishedSplitsAcknowledged}, once a
 * checkpoint taken after the report completed). Without that, a checkpoint taken while the report was on its way
 * would hold the end in neither state, and the children would wait forever after a restore from it; with it, a
 * reader restored with a finished split reports the end again.
 *
 * @param <T> what the source produces
 */
// "try": Flink's SourceReader.close() may throw InterruptedException; Flink closes readers, never a try block.
@SuppressWarnings("try")
public final class DynamoDbStreamsSourceReader<T>
        extends SingleThreadMultiplexSourceReaderBase<Record, T, ShardSplit, ShardSplitState> {

    private final Map<String, ShardSplit> finishedUnacknowledged = new LinkedHashMap<>();

    /** A reader of the stream the settings name. */
    public DynamoDbStreamsSourceReader(SourceSettings settings, DynamoDbStreamsDeserializer<T> deserializer,
            SourceReaderContext context) {
        this(settings, deserializer, context, new ShardSplitMetrics.Registry(context.metricGroup()));
    }

    private DynamoDbStreamsSourceReader(SourceSettings settings, DynamoDbStreamsDeserializer<T> deserializer,
            SourceReaderContext context, ShardSplitMetrics.Registry metrics) {
        super(() -> new ShardSplitReader(settings, metrics), new ShardRecordEmitter<>(deserializer, metrics),
                context.getConfiguration(), context);
    }

    @Override
    public void addSplits(List<ShardSplit> splits) {
        List<ShardSplit> toRead = new ArrayList<>();
        List<String> alreadyFinished = new ArrayList<>();
        for (ShardSplit split : splits) {
            if (split.finished()) {
                finishedUnacknowledged.put(split.shardId(), split);
                alreadyFinished.add(split.shardId());
            } else {
                toRead.add(split);
            }
        }
        if (!alreadyFinished.isEmpty()) {
            context.sendSourceEventToCoordinator(new SplitsFinishedEvent(alreadyFinished));
        }
        if (!toRead.isEmpty()) {
            super.addSplits(toRead);
        }
    }

    @Override
    protected void onSplitFinished(Map<String, ShardSplitState> finishedSplitIds) {
        finishedSplitIds.forEach((id, state) -> finishedUnacknowledged.put(id, state.toSplit().asFinished()));
        context.sendSourceEventToCoordinator(new SplitsFinishedEvent(List.copyOf(finishedSplitIds.keySet())));
    }

    @Override
    public void handleSourceEvents(SourceEvent event) {
        if (event instanceof FinishedSplitsAcknowledged acknowledged) {
            acknowledged.shardIds().forEach(finishedUnacknowledged::remove);
        } else {
            super.handleSourceEvents(event);
        }
    }

    @Override
    public List<ShardSplit> snapshotState(long checkpointId) {
        List<ShardSplit> splits = new ArrayList<>(super.snapshotState(checkpointId));
        splits.addAll(finishedUnacknowledged.values());
        return splits;
    }

    @Override
    protected ShardSplitState initializedState(ShardSplit split) {
        return new ShardSplitState(split);
    }

    @Override
    protected ShardSplit toSplitType(String splitId, ShardSplitState state) {
        return state.toSplit();
    }
}
