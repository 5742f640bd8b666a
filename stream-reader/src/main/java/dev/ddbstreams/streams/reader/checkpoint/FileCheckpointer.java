package dev.ddbstreams.streams.reader.checkpoint;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Keeps checkpoints in one file, as a log: each write appends one line and forces it to disk (one {@code fdatasync}),
 * and the file is compacted now and then by rewriting it whole and atomically (temporary file, forced, renamed over
 * the log, directory forced). A crash at any moment leaves every acknowledged write readable: at worst an incomplete
 * last line, which was never acknowledged and is dropped on open.
 *
 * <p>Each line ends with a checksum; {@link #open} refuses a file that is damaged or edited anywhere else, with a
 * {@link CheckpointException} saying so, instead of reading it as fewer checkpoints. A missing file means no
 * checkpoints yet. A file of the earlier whole-file format is read and rewritten in this one.
 *
 * <p>The log is compacted when it holds more than {@value #MIN_LINES_BEFORE_COMPACTION} lines and more than
 * {@value #COMPACTION_FACTOR} times as many lines as checkpoints, so its size stays within a small multiple of what
 * it holds. Together with the reader's pruning of finished shards, a file stays small over months of shard
 * rollovers. One process at a time may use a file.
 */
public final class FileCheckpointer implements Checkpointer {

    static final int MIN_LINES_BEFORE_COMPACTION = 256;
    static final int COMPACTION_FACTOR = 4;

    private final Path file;
    private final LogStorage storage;
    private final int minLinesBeforeCompaction;
    private final Map<ShardKey, Checkpoint> checkpoints;
    private int lines;
    /** The file's length after the last complete write: where the next line goes. */
    private long length;
    /** Set when a failed append could not be undone: appending after a partial line would corrupt the file. */
    private IOException broken;

    private FileCheckpointer(Path file, LogStorage storage, int minLinesBeforeCompaction,
            Map<ShardKey, Checkpoint> checkpoints, int lines, long length) {
        this.file = file;
        this.storage = storage;
        this.minLinesBeforeCompaction = minLinesBeforeCompaction;
        this.checkpoints = checkpoints;
        this.lines = lines;
        this.length = length;
    }

    /**
     * Opens the checkpoint file, reading the checkpoints it holds; creates it (and its directory) when missing.
     * Temporary files left by a crash during a compaction are removed, and an incomplete last line is cut off.
     *
     * @throws CheckpointException when the file cannot be read or written, or is corrupt
     */
    public static FileCheckpointer open(Path file) {
        Path absolute = absolute(file);
        try {
            Files.createDirectories(absolute.getParent());
        } catch (IOException e) {
            throw new CheckpointException("Cannot create the directory of the checkpoint file " + absolute + ": " + e, e);
        }
        FileLogStorage storage = new FileLogStorage(absolute);
        FileCheckpointer checkpointer = open(absolute, storage, MIN_LINES_BEFORE_COMPACTION);
        storage.removeTemporaryFiles();
        return checkpointer;
    }

    /** Opens the log kept in {@code storage}; {@code file} names it in messages. */
    static FileCheckpointer open(Path file, LogStorage storage, int minLinesBeforeCompaction) {
        try {
            byte[] bytes = storage.read();
            if (bytes == null) {
                byte[] header = CheckpointLog.header();
                storage.replace(header);
                return new FileCheckpointer(file, storage, minLinesBeforeCompaction, new HashMap<>(), 0,
                        header.length);
            }
            if (CheckpointFileFormat.isFormat1(bytes)) {
                // The earlier format: read it strictly, and carry it over in one atomic step.
                Map<ShardKey, Checkpoint> old = new HashMap<>(CheckpointFileFormat.decode(bytes, file.toString()));
                byte[] snapshot = CheckpointLog.snapshot(old);
                storage.replace(snapshot);
                return new FileCheckpointer(file, storage, minLinesBeforeCompaction, old, old.size(),
                        snapshot.length);
            }
            CheckpointLog.Contents contents = CheckpointLog.read(bytes, file.toString());
            if (contents.validLength() < bytes.length) {
                // An append a crash cut short: never acknowledged, so dropped; cut off so the next line starts clean.
                storage.truncate(contents.validLength());
            }
            return new FileCheckpointer(file, storage, minLinesBeforeCompaction,
                    new HashMap<>(contents.checkpoints()), contents.lines(), contents.validLength());
        } catch (AtomicMoveNotSupportedException e) {
            throw atomicMoveNotSupported(file, e);
        } catch (IOException e) {
            throw new CheckpointException("Cannot read the checkpoint file " + file + ": " + e, e);
        }
    }

    /** The file the checkpoints are kept in. */
    public Path file() {
        return file;
    }

    @Override
    public synchronized Optional<Checkpoint> read(String streamArn, String shardId) {
        return Optional.ofNullable(checkpoints.get(new ShardKey(streamArn, shardId)));
    }

    /**
     * {@inheritDoc}
     *
     * @throws IllegalArgumentException when the stream ARN or shard id is empty or contains whitespace, which the
     *     file format cannot hold (real ones never do)
     */
    @Override
    public synchronized void write(String streamArn, String shardId, Checkpoint checkpoint) {
        ShardKey key = new ShardKey(streamArn, shardId);
        Objects.requireNonNull(checkpoint, "checkpoint");
        CheckpointLog.checkField("stream ARN", streamArn);
        CheckpointLog.checkField("shard id", shardId);
        if (checkpoint.equals(checkpoints.get(key))) {
            return;
        }
        append(CheckpointLog.line(key, checkpoint));
        checkpoints.put(key, checkpoint);
        compactIfDue();
    }

    @Override
    public synchronized Map<String, Checkpoint> list(String streamArn) {
        return ShardKey.ofStream(streamArn, checkpoints);
    }

    @Override
    public synchronized void remove(String streamArn, Collection<String> shardIds) {
        StringBuilder removals = new StringBuilder();
        for (String shardId : shardIds) {
            ShardKey key = new ShardKey(streamArn, shardId);
            if (checkpoints.containsKey(key)) {
                removals.append(new String(CheckpointLog.line(key, null), StandardCharsets.UTF_8));
            }
        }
        if (removals.isEmpty()) {
            return;
        }
        // One append and one force for all of them; a crash may keep a prefix of the removals, which is harmless.
        append(removals.toString().getBytes(StandardCharsets.UTF_8));
        shardIds.forEach(shardId -> checkpoints.remove(new ShardKey(streamArn, shardId)));
        compactIfDue();
    }

    /** The number of lines in the log now (for tests of its size). */
    synchronized int lines() {
        return lines;
    }

    @Override
    public String toString() {
        return "FileCheckpointer(" + file + ")";
    }

    private void append(byte[] line) {
        if (broken != null) {
            throw new CheckpointException("The checkpoint file " + file + " may end with an incomplete line since a"
                    + " write failed and could not be undone (" + broken + "); open it again to go on", broken);
        }
        try {
            storage.append(line);
            storage.force();
        } catch (IOException e) {
            undoAppend();
            throw new CheckpointException("Cannot write the checkpoint file " + file + ": " + e, e);
        }
        length += line.length;
        for (byte b : line) {
            if (b == '\n') {
                lines++;
            }
        }
    }

    private void undoAppend() {
        try {
            storage.truncate(length);
        } catch (IOException e) {
            broken = e;
        }
    }

    private void compactIfDue() {
        if (lines <= minLinesBeforeCompaction || lines <= COMPACTION_FACTOR * checkpoints.size()) {
            return;
        }
        byte[] snapshot = CheckpointLog.snapshot(checkpoints);
        try {
            storage.replace(snapshot);
        } catch (AtomicMoveNotSupportedException e) {
            throw atomicMoveNotSupported(file, e);
        } catch (IOException e) {
            // The log is intact (the rename is atomic): the write succeeded, only compaction is put off.
            return;
        }
        lines = checkpoints.size();
        length = snapshot.length;
    }

    private static CheckpointException atomicMoveNotSupported(Path file, IOException e) {
        return new CheckpointException("The file system of " + file + " cannot rename files atomically, which a"
                + " crash-safe checkpoint file needs: " + e, e);
    }

    private static Path absolute(Path file) {
        Objects.requireNonNull(file, "file");
        Path absolute = file.toAbsolutePath();
        if (absolute.getFileName() == null) {
            throw new IllegalArgumentException("not a file: " + file);
        }
        return absolute;
    }
}
