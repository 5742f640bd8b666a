package dev.ddbstreams.flink.event;

import java.util.List;
import org.apache.flink.api.connector.source.SourceEvent;

/**
 * Reader to enumerator: these shards were read to their end and every record of them was emitted, so their
 * children may be assigned. Sent again after a restore from a checkpoint taken before the enumerator acknowledged
 * the end as final ({@link FinishedSplitsAcknowledged}); the enumerator takes it once.
 *
 * @param shardIds the finished shards
 */
public record SplitsFinishedEvent(List<String> shardIds) implements SourceEvent {

    private static final long serialVersionUID = 1L;

    /** An event; the list is copied. */
    public SplitsFinishedEvent {
        shardIds = List.copyOf(shardIds);
    }
}
