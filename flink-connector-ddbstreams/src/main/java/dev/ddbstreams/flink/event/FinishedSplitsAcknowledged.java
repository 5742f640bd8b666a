package dev.ddbstreams.flink.event;

import java.util.List;
import org.apache.flink.api.connector.source.SourceEvent;

/**
 * Enumerator to reader: the enumerator has recorded these shards as finished. Its next checkpoint holds that, so
 * the reader stops keeping them in its own checkpoints from its next one on (events from the enumerator reach a
 * reader after the checkpoint barrier of any enumerator checkpoint taken before they were sent).
 *
 * @param shardIds the shards the enumerator recorded as finished
 */
public record FinishedSplitsAcknowledged(List<String> shardIds) implements SourceEvent {

    private static final long serialVersionUID = 1L;

    /** An acknowledgement; the list is copied. */
    public FinishedSplitsAcknowledged {
        shardIds = List.copyOf(shardIds);
    }
}
