package dev.ddbstreams.streams.reader;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * An error that stopped reading: of one shard (its children then wait), or of the whole reader when the stream
 * itself cannot be described.
 */
public final class ReadError {

    private final String streamArn;
    private final String shardId;
    private final Instant occurredAt;
    private final Throwable cause;

    ReadError(String streamArn, String shardId, Instant occurredAt, Throwable cause) {
        this.streamArn = Objects.requireNonNull(streamArn, "streamArn");
        this.shardId = shardId;
        this.occurredAt = Objects.requireNonNull(occurredAt, "occurredAt");
        this.cause = Objects.requireNonNull(cause, "cause");
    }

    /** The stream. */
    public String streamArn() {
        return streamArn;
    }

    /** The shard that stopped; empty when the whole reader stopped. */
    public Optional<String> shardId() {
        return Optional.ofNullable(shardId);
    }

    /** When it happened, on the reader's clock. */
    public Instant occurredAt() {
        return occurredAt;
    }

    /** The error: from the service, the handler, a listener or the checkpointer. */
    public Throwable cause() {
        return cause;
    }

    @Override
    public String toString() {
        return "ReadError(stream=" + streamArn + (shardId == null ? ", whole reader" : ", shard=" + shardId)
                + ", at=" + occurredAt + ", cause=" + cause + ")";
    }
}
