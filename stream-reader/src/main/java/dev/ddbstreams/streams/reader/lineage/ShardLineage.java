package dev.ddbstreams.streams.reader.lineage;

import dev.ddbstreams.streams.model.Shard;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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

    /** The known descendants of the shard (children, their children, ...), nearest first. */
    public synchronized List<String> descendantsOf(String shardId) {
        List<String> descendants = new ArrayList<>();
        Set<String> seen = new HashSet<>(Set.of(shardId));
        ArrayDeque<String> parents = new ArrayDeque<>(List.of(shardId));
        while (!parents.isEmpty()) {
            String parent = parents.poll();
            for (Tracked tracked : shards.values()) {
                String id = tracked.shard.shardId();
                if (parent.equals(parentId(tracked.shard)) && seen.add(id)) {
                    descendants.add(id);
                    parents.add(id);
                }
            }
        }
        return descendants;
    }

    /** The known children of the shard, in the order they were found. */
    public synchronized List<String> childrenOf(String shardId) {
        List<String> children = new ArrayList<>();
        shards.values().forEach(tracked -> {
            if (shardId.equals(parentId(tracked.shard))) {
                children.add(tracked.shard.shardId());
            }
        });
        return children;
    }

    /** Whether the reader knows a child of the shard. */
    public synchronized boolean hasChildren(String shardId) {
        return shards.values().stream().anyMatch(tracked -> shardId.equals(parentId(tracked.shard)));
    }

    /** Whether the reader is done with every shard it knows. */
    public synchronized boolean allDone() {
        return shards.values().stream().allMatch(tracked -> tracked.state.isTerminal());
    }

    /**
     * Whether no shard can make progress any more: each one is done with (finished, skipped or failed), or waits
     * for a parent that failed, or for such a parent's descendant. A reader of a disabled stream ends then.
     */
    public synchronized boolean nothingLeftToRead() {
        for (Tracked tracked : shards.values()) {
            if (!tracked.state.isTerminal() && !(tracked.state == ShardState.WAITING_FOR_PARENT && behindFailure(tracked))) {
                return false;
            }
        }
        return true;
    }

    /** The shards that failed, in the order they were found. */
    public synchronized List<String> failed() {
        List<String> failed = new ArrayList<>();
        shards.values().forEach(tracked -> {
            if (tracked.state == ShardState.FAILED) {
                failed.add(tracked.shard.shardId());
            }
        });
        return failed;
    }

    /**
     * Reads a failed shard again: it is {@link ShardState#READING} once more.
     *
     * @return the shard, or null when it is not known or has not failed
     */
    public synchronized Shard restart(String shardId) {
        Tracked tracked = shards.get(shardId);
        if (tracked == null || tracked.state != ShardState.FAILED) {
            return null;
        }
        tracked.state = ShardState.READING;
        return tracked.shard;
    }

    /** Where the reader is with the shard; empty when it does not know it. */
    public synchronized Optional<ShardState> stateOf(String shardId) {
        Tracked tracked = shards.get(shardId);
        return Optional.ofNullable(tracked == null ? null : tracked.state);
    }

    private boolean behindFailure(Tracked waiting) {
        Set<String> seen = new HashSet<>();
        Tracked current = waiting;
        while (current != null && seen.add(current.shard.shardId())) {
            String parentId = parentId(current.shard);
            Tracked parent = parentId == null ? null : shards.get(parentId);
            if (parent == null) {
                return false;
            }
            if (parent.state == ShardState.FAILED) {
                return true;
            }
            current = parent;
        }
        return false;
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
