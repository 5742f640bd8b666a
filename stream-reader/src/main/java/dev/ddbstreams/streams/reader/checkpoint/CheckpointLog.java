package dev.ddbstreams.streams.reader.checkpoint;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.zip.CRC32;

/**
 * The text format of {@link FileCheckpointer}'s file: a header, then one line per change, each ending with the
 * CRC-32 of the rest of the line.
 *
 * <pre>
 * ddbstreams-checkpoints 2
 * arn:aws:dynamodb:...:table/T/stream/2024-01-01T00:00:00.000 shardId-0001 after 4000000000000000000001 1a2b3c4d
 * arn:aws:dynamodb:...:table/T/stream/2024-01-01T00:00:00.000 shardId-0002 at 4000000000000000000100 3c4d5e6f
 * arn:aws:dynamodb:...:table/T/stream/2024-01-01T00:00:00.000 shardId-0000 shard-end 5e6f7a8b
 * arn:aws:dynamodb:...:table/T/stream/2024-01-01T00:00:00.000 shardId-0000 removed 9c0d1e2f
 * </pre>
 *
 * <p>The last line for a shard wins; {@code removed} drops the shard's checkpoint. A write appends one line, so a
 * crash can only leave the last line incomplete: such a line (no newline at its end, or only NUL bytes, as a file
 * system may leave after a power loss) was never acknowledged, and is dropped. Any other line that fails its
 * checksum, or does not parse, makes the whole file corrupt: it is reported rather than read as fewer checkpoints,
 * since a missing checkpoint would make the reader start that shard over, or skip ahead with {@code LATEST}.
 */
final class CheckpointLog {

    static final String HEADER = "ddbstreams-checkpoints 2";

    private static final String AFTER = "after";
    private static final String AT = "at";
    private static final String SHARD_END = "shard-end";
    private static final String REMOVED = "removed";
    private static final Pattern CRC = Pattern.compile("[0-9a-f]{8}");
    private static final Comparator<ShardKey> ORDER =
            Comparator.comparing(ShardKey::streamArn).thenComparing(ShardKey::shardId);

    /**
     * What a log file holds.
     *
     * @param checkpoints the checkpoints, by shard
     * @param validLength the length of the file up to the end of its last complete line; anything after it is an
     *     unacknowledged write cut short by a crash
     * @param lines the change lines, header excluded
     */
    record Contents(Map<ShardKey, Checkpoint> checkpoints, long validLength, int lines) {}

    private CheckpointLog() {}

    /** Checks that a stream ARN or shard id can be written as one field. */
    static void checkField(String what, String value) {
        if (value.isEmpty() || value.codePoints().anyMatch(c -> Character.isWhitespace(c) || Character.isISOControl(c))) {
            throw new IllegalArgumentException("a checkpoint's " + what + " must be non-empty and without whitespace: \""
                    + value + "\"");
        }
    }

    /** The header line. */
    static byte[] header() {
        return (HEADER + "\n").getBytes(StandardCharsets.UTF_8);
    }

    /** The line recording a checkpoint, or its removal when {@code checkpoint} is null. */
    static byte[] line(ShardKey key, Checkpoint checkpoint) {
        String content = key.streamArn() + " " + key.shardId() + " " + (checkpoint == null ? REMOVED
                : switch (checkpoint.kind()) {
                    case AFTER_SEQUENCE_NUMBER -> AFTER + " " + checkpoint.sequenceNumber().orElseThrow();
                    case AT_SEQUENCE_NUMBER -> AT + " " + checkpoint.sequenceNumber().orElseThrow();
                    case SHARD_END -> SHARD_END;
                });
        return (content + " " + crc32Hex(content) + "\n").getBytes(StandardCharsets.UTF_8);
    }

    /** A whole file holding just these checkpoints, in a stable order: what compaction writes. */
    static byte[] snapshot(Map<ShardKey, Checkpoint> checkpoints) {
        StringBuilder text = new StringBuilder(HEADER).append('\n');
        checkpoints.entrySet().stream()
                .sorted(Map.Entry.comparingByKey(ORDER))
                .forEach(entry -> text.append(new String(line(entry.getKey(), entry.getValue()), StandardCharsets.UTF_8)));
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Whether the bytes start like a file of this format (else they may be the older whole-file format). */
    static boolean isLog(byte[] bytes) {
        byte[] header = header();
        if (bytes.length < header.length) {
            return false;
        }
        for (int i = 0; i < header.length; i++) {
            if (bytes[i] != header[i]) {
                return false;
            }
        }
        return true;
    }

    /**
     * Reads a log.
     *
     * @param source names the file in error messages
     * @throws CheckpointException when the file is damaged anywhere but in an incomplete last line
     */
    static Contents read(byte[] bytes, String source) {
        if (!isLog(bytes)) {
            throw corrupt(source, "it does not start with \"" + HEADER + "\"");
        }
        Map<ShardKey, Checkpoint> checkpoints = new LinkedHashMap<>();
        int start = header().length;
        int lineNumber = 1;
        int lines = 0;
        while (start < bytes.length) {
            lineNumber++;
            int end = indexOf(bytes, (byte) '\n', start);
            if (end < 0 || isAllNul(bytes, start, end < 0 ? bytes.length : end)) {
                // A write a crash cut short (or a tail a file system filled with zeros): it was never acknowledged.
                if (end >= 0 && end + 1 < bytes.length) {
                    throw corrupt(source, "line " + lineNumber + " is all NUL bytes, and lines follow it");
                }
                return new Contents(checkpoints, start, lines);
            }
            String line = decode(bytes, start, end, lineNumber, source);
            apply(checkpoints, line, lineNumber, source);
            lines++;
            start = end + 1;
        }
        return new Contents(checkpoints, start, lines);
    }

    private static void apply(Map<ShardKey, Checkpoint> checkpoints, String line, int lineNumber, String source) {
        int lastSpace = line.lastIndexOf(' ');
        if (lastSpace < 0 || !CRC.matcher(line.substring(lastSpace + 1)).matches()) {
            throw corrupt(source, "line " + lineNumber + " does not end with its checksum: \"" + abbreviate(line) + "\"");
        }
        String content = line.substring(0, lastSpace);
        String expected = line.substring(lastSpace + 1);
        String actual = crc32Hex(content);
        if (!actual.equals(expected)) {
            throw corrupt(source, "line " + lineNumber + "'s checksum is " + expected + " but its content's is "
                    + actual + ": it was changed or damaged after it was written");
        }
        String[] fields = content.split(" ", -1);
        for (String field : fields) {
            if (field.isEmpty()) {
                throw corrupt(source, "line " + lineNumber + " has an empty field: \"" + abbreviate(line) + "\"");
            }
        }
        if (fields.length < 3) {
            throw corrupt(source, "line " + lineNumber + " has too few fields: \"" + abbreviate(line) + "\"");
        }
        ShardKey key = new ShardKey(fields[0], fields[1]);
        if (fields.length == 3 && fields[2].equals(SHARD_END)) {
            checkpoints.put(key, Checkpoint.shardEnd());
        } else if (fields.length == 3 && fields[2].equals(REMOVED)) {
            checkpoints.remove(key);
        } else if (fields.length == 4 && fields[2].equals(AFTER)) {
            checkpoints.put(key, Checkpoint.afterSequenceNumber(fields[3]));
        } else if (fields.length == 4 && fields[2].equals(AT)) {
            checkpoints.put(key, Checkpoint.atSequenceNumber(fields[3]));
        } else {
            throw corrupt(source, "line " + lineNumber + " is not \"<stream-arn> <shard-id> after <sequence-number>\","
                    + " \"... at <sequence-number>\", \"... shard-end\" or \"... removed\" with a checksum: \""
                    + abbreviate(line) + "\"");
        }
    }

    private static String decode(byte[] bytes, int start, int end, int lineNumber, String source) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, start, end - start))
                    .toString();
        } catch (CharacterCodingException e) {
            throw corrupt(source, "line " + lineNumber + " is not UTF-8 text");
        }
    }

    private static int indexOf(byte[] bytes, byte value, int from) {
        for (int i = from; i < bytes.length; i++) {
            if (bytes[i] == value) {
                return i;
            }
        }
        return -1;
    }

    private static boolean isAllNul(byte[] bytes, int from, int to) {
        for (int i = from; i < to; i++) {
            if (bytes[i] != 0) {
                return false;
            }
        }
        return to > from;
    }

    private static String crc32Hex(String content) {
        CRC32 crc32 = new CRC32();
        crc32.update(content.getBytes(StandardCharsets.UTF_8));
        return String.format("%08x", crc32.getValue());
    }

    private static String abbreviate(String line) {
        return line.length() <= 120 ? line : line.substring(0, 120) + "...";
    }

    static CheckpointException corrupt(String source, String problem) {
        return new CheckpointException("The checkpoint file " + source + " is corrupt: " + problem + ". It is not"
                + " read as \"no checkpoints\", which would read the stream again from the start or skip ahead;"
                + " restore it from a backup, or delete it to start over on purpose.");
    }
}
