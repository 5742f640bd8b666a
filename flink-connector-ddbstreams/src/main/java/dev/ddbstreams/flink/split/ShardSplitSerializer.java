package dev.ddbstreams.flink.split;

import dev.ddbstreams.streams.model.ShardIteratorType;
import dev.ddbstreams.streams.reader.consume.ShardPosition;
import java.io.IOException;
import org.apache.flink.core.io.SimpleVersionedSerializer;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.apache.flink.core.memory.DataOutputView;

/**
 * Writes splits into checkpoints and savepoints. Versioned: version 1 is the format below; a later format gets a new
 * version, and this class keeps reading every earlier one, so a savepoint outlives upgrades of the connector.
 *
 * <p>Version 1: shard id, optional parent id, optional starting and ending sequence numbers, the position's iterator
 * type (by name) and optional sequence number, an optional skip-before time, and the finished flag. Optional
 * values are a boolean followed by the value when present.
 */
public final class ShardSplitSerializer implements SimpleVersionedSerializer<ShardSplit> {

    /** The instance; the serializer has no state. */
    public static final ShardSplitSerializer INSTANCE = new ShardSplitSerializer();

    private static final int VERSION = 1;

    @Override
    public int getVersion() {
        return VERSION;
    }

    @Override
    public byte[] serialize(ShardSplit split) throws IOException {
        DataOutputSerializer out = new DataOutputSerializer(128);
        write(split, out);
        return out.getCopyOfBuffer();
    }

    @Override
    public ShardSplit deserialize(int version, byte[] serialized) throws IOException {
        if (version != VERSION) {
            throw new IOException("Unknown version " + version + " of a DynamoDB Streams split (this connector reads "
                    + "version " + VERSION + "): was the savepoint written by a newer connector?");
        }
        DataInputDeserializer in = new DataInputDeserializer(serialized);
        ShardSplit split = read(in);
        if (in.available() != 0) {
            throw new IOException("A DynamoDB Streams split of version " + version + " has " + in.available()
                    + " unexpected bytes at its end");
        }
        return split;
    }

    /** Writes a split in the current version's format (also used inside the enumerator's state). */
    static void write(ShardSplit split, DataOutputView out) throws IOException {
        out.writeUTF(split.shardId());
        writeOptional(out, split.parentShardId().orElse(null));
        writeOptional(out, split.startingSequenceNumber().orElse(null));
        writeOptional(out, split.endingSequenceNumber().orElse(null));
        out.writeUTF(split.position().type().toString());
        writeOptional(out, split.position().sequenceNumber());
        out.writeBoolean(split.skipBeforeMillis().isPresent());
        if (split.skipBeforeMillis().isPresent()) {
            out.writeLong(split.skipBeforeMillis().get());
        }
        out.writeBoolean(split.finished());
    }

    /** Reads a split written by {@link #write}. */
    static ShardSplit read(DataInputView in) throws IOException {
        String shardId = in.readUTF();
        String parent = readOptional(in);
        String starting = readOptional(in);
        String ending = readOptional(in);
        String typeName = in.readUTF();
        ShardIteratorType type = ShardIteratorType.fromValue(typeName);
        String sequenceNumber = readOptional(in);
        Long skipBefore = in.readBoolean() ? in.readLong() : null;
        boolean finished = in.readBoolean();
        if (type == ShardIteratorType.UNKNOWN_TO_SDK_VERSION) {
            throw new IOException("A DynamoDB Streams split of shard " + shardId + " starts at an iterator type this "
                    + "client does not know: " + typeName);
        }
        ShardPosition position;
        try {
            position = new ShardPosition(type, sequenceNumber);
        } catch (IllegalArgumentException e) {
            throw new IOException("A DynamoDB Streams split of shard " + shardId + " holds an impossible position: "
                    + e.getMessage(), e);
        }
        return new ShardSplit(shardId, parent, starting, ending, position, skipBefore, finished);
    }

    /** Writes a string that may be null: a boolean, then the string when there is one. */
    public static void writeOptional(DataOutputView out, String value) throws IOException {
        out.writeBoolean(value != null);
        if (value != null) {
            out.writeUTF(value);
        }
    }

    /** Reads a string written by {@link #writeOptional}. */
    public static String readOptional(DataInputView in) throws IOException {
        return in.readBoolean() ? in.readUTF() : null;
    }
}
