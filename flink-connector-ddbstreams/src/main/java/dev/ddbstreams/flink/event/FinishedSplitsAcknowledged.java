package dev.ddbstreams.flink.event;

import java.util.List;
import org.apache.flink.api.connector.source.SourceEvent;

/**
 * Enumerator to reader: the ends of these shards are final (a checkpoint taken after they were reported has
 * completed, and their children may be read). Every enumerator checkpoint from then on holds them, so the reader
 * stops keeping them in its own checkpoints.
 *
 * @param shardIds the shards whose ends are final
 */
public record FinishedSplitsAcknowledged(List<String> shardIds) implements SourceEvent {

    private static final long serialVersionUID = 1L;

    /** An acknowledgement; the list is copied. */
    public FinishedSplitsAcknowledged {
        shardIds = List.copyOf(shardIds);
    }
}
