package dev.ddbstreams.streams.reader.checkpoint;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.zip.CRC32;

/**
 * The first format of {@link FileCheckpointer}'s file, rewritten whole on every write; read (strictly) to carry a
 * file of an earlier version over to the {@link CheckpointLog} format, never written any more.
 *
 * <pre>
 * ddbstreams-checkpoints 1
 * arn:aws:dynamodb:...:table/T/stream/2024-01-01T00:00:00.000 shardId-0001 after 4000000000000000000001
 * arn:aws:dynamodb:...:table/T/stream/2024-01-01T00:00:00.000 shardId-0000 shard-end
 * crc32 1a2b3c4d
 * </pre>
 *
 * <p>The last line is the CRC-32 of every byte before it. A file cut short, changed by hand or damaged on disk
 * fails the check, so it is reported rather than read as fewer checkpoints: a missing checkpoint would make the
 * reader start that shard over, or skip ahead with {@code LATEST}.
 */
final class CheckpointFileFormat {

    static final String HEADER = "ddbstreams-checkpoints 1";

    private static final String AFTER = "after";
    private static final String SHARD_END = "shard-end";
    private static final Pattern CHECKSUM_LINE = Pattern.compile("crc32 [0-9a-f]{8}");

    private CheckpointFileFormat() {}

    /** Whether the bytes start with this format's header line. */
    static boolean isFormat1(byte[] bytes) {
        byte[] header = (HEADER + "\n").getBytes(StandardCharsets.US_ASCII);
        return bytes.length >= header.length && Arrays.equals(bytes, 0, header.length, header, 0, header.length);
    }

    /**
     * The checkpoints in a file's bytes.
     *
     * @param source names the file in error messages
     * @throws CheckpointException when the bytes are not a complete, undamaged checkpoint file
     */
    static Map<ShardKey, Checkpoint> decode(byte[] bytes, String source) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            throw corrupt(source, "it is not UTF-8 text");
        }
        if (text.isEmpty()) {
            throw corrupt(source, "it is empty (a checkpoint file always has a header and a checksum)");
        }
        if (!text.endsWith("\n")) {
            throw corrupt(source, "its last line is incomplete, as if the file was cut short");
        }
        List<String> lines = text.lines().toList();
        if (!lines.get(0).equals(HEADER)) {
            throw corrupt(source, "its first line is \"" + abbreviate(lines.get(0)) + "\", not \"" + HEADER + "\"");
        }
        String last = lines.get(lines.size() - 1);
        if (lines.size() < 2 || !CHECKSUM_LINE.matcher(last).matches()) {
            throw corrupt(source, "it does not end with its checksum line, as if the file was cut short");
        }
        int contentLength = bytes.length - last.length() - 1;
        String actual = crc32Hex(bytes, contentLength);
        String expected = last.substring("crc32 ".length());
        if (!actual.equals(expected)) {
            throw corrupt(source, "its checksum is " + expected + " but its content's is " + actual
                    + ": it was changed or damaged after it was written");
        }
        Map<ShardKey, Checkpoint> checkpoints = new HashMap<>();
        for (int i = 1; i < lines.size() - 1; i++) {
            ShardKey key = parseKey(lines.get(i), i + 1, source);
            Checkpoint checkpoint = parseCheckpoint(lines.get(i), i + 1, source);
            if (checkpoints.put(key, checkpoint) != null) {
                throw corrupt(source, "line " + (i + 1) + " repeats the checkpoint of shard " + key.shardId()
                        + " of " + key.streamArn());
            }
        }
        return checkpoints;
    }

    private static ShardKey parseKey(String line, int lineNumber, String source) {
        String[] fields = fields(line, lineNumber, source);
        return new ShardKey(fields[0], fields[1]);
    }

    private static Checkpoint parseCheckpoint(String line, int lineNumber, String source) {
        String[] fields = fields(line, lineNumber, source);
        if (fields.length == 3 && fields[2].equals(SHARD_END)) {
            return Checkpoint.shardEnd();
        }
        if (fields.length == 4 && fields[2].equals(AFTER)) {
            return Checkpoint.afterSequenceNumber(fields[3]);
        }
        throw corrupt(source, "line " + lineNumber + " is not \"<stream-arn> <shard-id> after <sequence-number>\""
                + " or \"<stream-arn> <shard-id> shard-end\": \"" + abbreviate(line) + "\"");
    }

    private static String[] fields(String line, int lineNumber, String source) {
        String[] fields = line.split(" ", -1);
        for (String field : fields) {
            if (field.isEmpty()) {
                throw corrupt(source, "line " + lineNumber + " has an empty field: \"" + abbreviate(line) + "\"");
            }
        }
        if (fields.length < 3) {
            throw corrupt(source, "line " + lineNumber + " has " + fields.length + " fields, not 3 or 4: \""
                    + abbreviate(line) + "\"");
        }
        return fields;
    }

    private static String crc32Hex(byte[] bytes, int length) {
        CRC32 crc32 = new CRC32();
        crc32.update(bytes, 0, length);
        return String.format("%08x", crc32.getValue());
    }

    private static String abbreviate(String line) {
        return line.length() <= 120 ? line : line.substring(0, 120) + "...";
    }

    private static CheckpointException corrupt(String source, String problem) {
        return CheckpointLog.corrupt(source, problem);
    }
}
