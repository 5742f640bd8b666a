package dev.ddbstreams.flink.serialization;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import dev.ddbstreams.streams.internal.RecordJson;
import dev.ddbstreams.streams.model.Record;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import org.apache.flink.api.common.typeutils.SimpleTypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.base.TypeSerializerSingleton;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

/**
 * Flink's serializer of our {@link Record}: between operators, in state and in checkpoints. Our model classes are
 * immutable with builders and no setters, which Flink's POJO serializer cannot build and Kryo's default handles only
 * by reflection on private fields (brittle across versions of the generated client). This one writes each record as
 * the service's own JSON, with the generated client's codec (the same that reads {@code GetRecords}): a length, then
 * the UTF-8 bytes. Every field the model has survives a round trip, and a value written by an older client version
 * is read by a newer one as the service's answers are.
 */
public final class RecordSerializer extends TypeSerializerSingleton<Record> {

    private static final long serialVersionUID = 1L;

    /** The instance; the serializer has no state. */
    public static final RecordSerializer INSTANCE = new RecordSerializer();

    private static final JsonFactory JSON = JsonFactory.builder().build();

    @Override
    public boolean isImmutableType() {
        return true;
    }

    @Override
    public Record createInstance() {
        return Record.builder().build();
    }

    @Override
    public Record copy(Record from) {
        return from;
    }

    @Override
    public Record copy(Record from, Record reuse) {
        return from;
    }

    @Override
    public int getLength() {
        return -1;
    }

    @Override
    public void serialize(Record record, DataOutputView target) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(512);
        try (JsonGenerator generator = JSON.createGenerator(bytes)) {
            RecordJson.write(generator, record);
        }
        target.writeInt(bytes.size());
        bytes.writeTo(new DataOutputViewStream(target));
    }

    @Override
    public Record deserialize(DataInputView source) throws IOException {
        byte[] bytes = new byte[source.readInt()];
        source.readFully(bytes);
        try (JsonParser parser = JSON.createParser(bytes)) {
            parser.nextToken();
            return RecordJson.read(parser);
        }
    }

    @Override
    public Record deserialize(Record reuse, DataInputView source) throws IOException {
        return deserialize(source);
    }

    @Override
    public void copy(DataInputView source, DataOutputView target) throws IOException {
        byte[] bytes = new byte[source.readInt()];
        source.readFully(bytes);
        target.writeInt(bytes.length);
        target.write(bytes);
    }

    @Override
    public TypeSerializerSnapshot<Record> snapshotConfiguration() {
        return new RecordSerializerSnapshot();
    }

    /** The serializer's snapshot in checkpoints: it has no configuration, only its version. */
    public static final class RecordSerializerSnapshot extends SimpleTypeSerializerSnapshot<Record> {
        /** A snapshot (Flink makes one by reflection when it restores state). */
        public RecordSerializerSnapshot() {
            super(() -> INSTANCE);
        }
    }

    /** Writes a byte stream into a data output view without copying it again. */
    private static final class DataOutputViewStream extends java.io.OutputStream {
        private final DataOutputView out;

        DataOutputViewStream(DataOutputView out) {
            this.out = out;
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }
    }
}
