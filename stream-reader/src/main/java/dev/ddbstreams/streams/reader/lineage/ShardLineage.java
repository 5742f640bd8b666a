package dev.ddbstreams.streams.reader.lineage;

import dev.ddbstreams.streams.model.Shard;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The shards of the stream the reader knows, their parents and where the reader is with each; decides which shards
 * may be read now. Thread-safe.
 *
 * <p>A shard may be read once its parent has been read to its end or skipped. A parent the reader does not know
 * counts as done: the service lists shards for 24 hours, so an unlisted parent has been trimmed away.
 */
public final class ShardLineage {

    /** What the reader knows of a shard's parent. */
    public enum Parent {
        /** The shard has no parent. */
        NONE,
        /** The parent is not listed: trimmed away, or never seen. */
        UNKNOWN,
        /** The parent was read to its end. */
        FINISHED,
        /** The parent was skipped. */
        SKIPPED,
        /** The parent is still to be read, or failed. */
        NOT_DONE
    }

    private static final class Tracked {
        final Shard shard;
        final boolean initial;
        ShardState state = ShardState.WAITING_FOR_PARENT;

        Tracked(Shard shard, boolean initial) {
            this.shard = shard;
            this.initial = initial;
        }
    }

    private final Map<String, Tracked> shards = new LinkedHashMap<>();

    /**
     * Adds the shards not known yet, and returns those that may be read now: they are marked
     * {@link ShardState#READING}, and each is returned once in the life of the lineage.
     *
     * @param initial whether these come from the reader's first listing of the stream, to which the configured
     *     starting position applies
     */
    public synchronized List<Shard> add(Collection<Shard> found, boolean initial) {
        for (Shard shard : found) {
            shards.putIfAbsent(shard.shardId(), new Tracked(shard, initial));
        }
        return startReadyShards();
    }

    /**
     * Records that the reader is done with a shard and returns its children that may be read now.
     *
     * @param state {@link ShardState#FINISHED}, {@link ShardState#SKIPPED} or {@link ShardState#FAILED}; the
     *     children of a failed shard stay waiting
     */
    public synchronized List<Shard> done(String shardId, ShardState state) {
        if (!state.isTerminal()) {
            throw new IllegalArgumentException("not a final state: " + state);
        }
        Tracked tracked = shards.get(shardId);
        if (tracked == null) {
            throw new IllegalStateException("unknown shard " + shardId);
        }
        tracked.state = state;
        return startReadyShards();
    }

    /** Whether the shard came from the reader's first listing of the stream. */
    public synchronized boolean isInitial(String shardId) {
        Tracked tracked = shards.get(shardId);
        return tracked != null && tracked.initial;
    }

    /** What the reader knows of the shard's parent. */
    public synchronized Parent parentOf(Shard shard) {
        String parentId = parentId(shard);
        if (parentId == null) {
            return Parent.NONE;
        }
        Tracked parent = shards.get(parentId);
        if (parent == null) {
            return Parent.UNKNOWN;
        }
        return switch (parent.state) {
            case FINISHED -> Parent.FINISHED;
            case SKIPPED -> Parent.SKIPPED;
            default -> Parent.NOT_DONE;
        };
    }

    /**
     * Forgets the shards the reader is done with (finished or skipped) that {@code listed}, a complete listing of the
     * stream, no longer has: the service trimmed them, so nothing can refer to them again. Keeps a reader that runs
     * for months from holding every shard it ever read. Failed shards are kept: their children must go on waiting.
     *
     * @return the ids of the shards forgotten
     */
    public synchronized List<String> forgetUnlisted(Collection<Shard> listed) {
        Set<String> listedIds = new HashSet<>();
        listed.forEach(shard -> listedIds.add(shard.shardId()));
        List<String> forgotten = new ArrayList<>();
        shards.values().removeIf(tracked -> {
            boolean forget = tracked.state.releasesChildren() && !listedIds.contains(tracked.shard.shardId());
            if (forget) {
                forgotten.add(tracked.shard.shardId());
            }
            return forget;
        });
        return forgotten;
    }

    /** Whether the reader knows a child of the shard. */
    public synchronized boolean hasChildren(String shardId) {
        return shards.values().stream().anyMatch(tracked -> shardId.equals(parentId(tracked.shard)));
    }

    /** Whether the reader is done with every shard it knows. */
    public synchronized boolean allDone() {
        return shards.values().stream().allMatch(tracked -> tracked.state.isTerminal());
    }

    /** Each known shard with where the reader is with it, in the order they were found. */
    public synchronized Map<Shard, ShardState> states() {
        Map<Shard, ShardState> states = new LinkedHashMap<>();
        shards.values().forEach(tracked -> states.put(tracked.shard, tracked.state));
        return states;
    }

    private List<Shard> startReadyShards() {
        List<Shard> ready = new ArrayList<>();
        for (Tracked tracked : shards.values()) {
            if (tracked.state == ShardState.WAITING_FOR_PARENT && parentReleases(tracked.shard)) {
                tracked.state = ShardState.READING;
                ready.add(tracked.shard);
            }
        }
        return ready;
    }

    private boolean parentReleases(Shard shard) {
        String parentId = parentId(shard);
        if (parentId == null) {
            return true;
        }
        Tracked parent = shards.get(parentId);
        return parent == null || parent.state.releasesChildren();
    }

    // A shard naming itself as its parent would otherwise wait for itself forever.
    private static String parentId(Shard shard) {
        String parentId = shard.parentShardId();
        return parentId == null || parentId.equals(shard.shardId()) ? null : parentId;
    }
}
