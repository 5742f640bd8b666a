package dev.ddbstreams.streams.reader.checkpoint;

import java.util.Collection;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Keeps checkpoints in memory: a reader restarted in the same process resumes where the last one stopped, a new
 * process starts over. Suited to tests and to readers that only tail a stream.
 */
public final class InMemoryCheckpointer implements Checkpointer {

    private final Map<ShardKey, Checkpoint> checkpoints = new ConcurrentHashMap<>();

    /** An empty store. */
    public InMemoryCheckpointer() {}

    @Override
    public Optional<Checkpoint> read(String streamArn, String shardId) {
        return Optional.ofNullable(checkpoints.get(new ShardKey(streamArn, shardId)));
    }

    @Override
    public void write(String streamArn, String shardId, Checkpoint checkpoint) {
        checkpoints.put(new ShardKey(streamArn, shardId), Objects.requireNonNull(checkpoint, "checkpoint"));
    }

    @Override
    public Map<String, Checkpoint> list(String streamArn) {
        return ShardKey.ofStream(streamArn, checkpoints);
    }

    @Override
    public void remove(String streamArn, Collection<String> shardIds) {
        shardIds.forEach(shardId -> checkpoints.remove(new ShardKey(streamArn, shardId)));
    }

    @Override
    public String toString() {
        return "InMemoryCheckpointer(" + checkpoints.size() + " shards)";
    }
}
