package dev.ddbstreams.flink.enumerator;

import dev.ddbstreams.flink.split.ShardSplit;
import dev.ddbstreams.flink.split.ShardSplitSerializer;
import dev.ddbstreams.streams.model.SequenceNumberRange;
import dev.ddbstreams.streams.model.Shard;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.flink.core.io.SimpleVersionedSerializer;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.apache.flink.core.memory.DataOutputView;

/**
 * Writes the enumerator's state into checkpoints and savepoints. Versioned like the splits' serializer: version 1
 * is the format below, and later versions keep reading it.
 *
 * <p>Version 1: the known shards (count, then each: id, optional parent, optional starting and ending sequence
 * numbers), the finished shard ids, the assigned shard ids, the pending splits (each with its own serializer's
 * version and bytes), and whether the first listing was made.
 */
public final class EnumeratorStateSerializer implements SimpleVersionedSerializer<EnumeratorState> {

    /** The instance; the serializer has no state. */
    public static final EnumeratorStateSerializer INSTANCE = new EnumeratorStateSerializer();

    private static final int VERSION = 1;

    @Override
    public int getVersion() {
        return VERSION;
    }

    @Override
    public byte[] serialize(EnumeratorState state) throws IOException {
        DataOutputSerializer out = new DataOutputSerializer(256);
        out.writeInt(state.knownShards().size());
        for (Shard shard : state.knownShards()) {
            out.writeUTF(shard.shardId());
            ShardSplitSerializer.writeOptional(out, shard.parentShardId());
            SequenceNumberRange range = shard.sequenceNumberRange();
            ShardSplitSerializer.writeOptional(out, range == null ? null : range.startingSequenceNumber());
            ShardSplitSerializer.writeOptional(out, range == null ? null : range.endingSequenceNumber());
        }
        writeIds(out, state.finishedShardIds());
        writeIds(out, state.assignedShardIds());
        out.writeInt(state.pendingSplits().size());
        for (ShardSplit split : state.pendingSplits()) {
            byte[] bytes = ShardSplitSerializer.INSTANCE.serialize(split);
            out.writeInt(ShardSplitSerializer.INSTANCE.getVersion());
            out.writeInt(bytes.length);
            out.write(bytes);
        }
        out.writeBoolean(state.initialListingDone());
        return out.getCopyOfBuffer();
    }

    @Override
    public EnumeratorState deserialize(int version, byte[] serialized) throws IOException {
        if (version != VERSION) {
            throw new IOException("Unknown version " + version + " of a DynamoDB Streams enumerator state (this "
                    + "connector reads version " + VERSION + "): was the savepoint written by a newer connector?");
        }
        DataInputDeserializer in = new DataInputDeserializer(serialized);
        int shardCount = in.readInt();
        List<Shard> shards = new ArrayList<>(shardCount);
        for (int i = 0; i < shardCount; i++) {
            String id = in.readUTF();
            String parent = ShardSplitSerializer.readOptional(in);
            String starting = ShardSplitSerializer.readOptional(in);
            String ending = ShardSplitSerializer.readOptional(in);
            shards.add(ShardSplit.shard(id, parent, starting, ending));
        }
        Set<String> finished = readIds(in);
        Set<String> assigned = readIds(in);
        int pendingCount = in.readInt();
        List<ShardSplit> pending = new ArrayList<>(pendingCount);
        for (int i = 0; i < pendingCount; i++) {
            int splitVersion = in.readInt();
            byte[] bytes = new byte[in.readInt()];
            in.readFully(bytes);
            pending.add(ShardSplitSerializer.INSTANCE.deserialize(splitVersion, bytes));
        }
        boolean initialListingDone = in.readBoolean();
        if (in.available() != 0) {
            throw new IOException("A DynamoDB Streams enumerator state of version " + version + " has "
                    + in.available() + " unexpected bytes at its end");
        }
        return new EnumeratorState(shards, finished, assigned, pending, initialListingDone);
    }

    private static void writeIds(DataOutputView out, Set<String> ids) throws IOException {
        out.writeInt(ids.size());
        for (String id : ids) {
            out.writeUTF(id);
        }
    }

    private static Set<String> readIds(DataInputView in) throws IOException {
        int count = in.readInt();
        Set<String> ids = new LinkedHashSet<>();
        for (int i = 0; i < count; i++) {
            ids.add(in.readUTF());
        }
        return ids;
    }
}
