package dev.ddbstreams.streams.reader.checkpoint;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Keeps checkpoints in one file, rewritten whole and atomically on every write: the new content goes to a temporary
 * file in the same directory, is forced to disk, and then renamed over the old file. A crash at any moment leaves
 * either the old file or the new one, never a mix.
 *
 * <p>The file ends with a checksum; {@link #open} refuses a file that is damaged, cut short or edited, with a
 * {@link CheckpointException} saying so, instead of reading it as fewer checkpoints. A missing file means no
 * checkpoints yet.
 *
 * <p>One process at a time may use a file. Every write rewrites all checkpoints and waits for the disk, so it suits
 * streams with up to a few hundred shards; the reader writes one checkpoint per batch, at most five per second per
 * shard.
 */
public final class FileCheckpointer implements Checkpointer {

    private static final String TEMP_SUFFIX = ".tmp";

    private final Path file;
    private final String tempPrefix;
    private final Map<ShardKey, Checkpoint> checkpoints;

    private FileCheckpointer(Path file, Map<ShardKey, Checkpoint> checkpoints) {
        this.file = file;
        this.tempPrefix = file.getFileName() + ".";
        this.checkpoints = checkpoints;
    }

    /**
     * Opens the checkpoint file, reading the checkpoints it holds; creates its directory when missing. Temporary
     * files left by a crash during an earlier write are removed.
     *
     * @throws CheckpointException when the file cannot be read, or is corrupt
     */
    public static FileCheckpointer open(Path file) {
        Objects.requireNonNull(file, "file");
        Path absolute = file.toAbsolutePath();
        if (absolute.getFileName() == null) {
            throw new IllegalArgumentException("not a file: " + file);
        }
        try {
            Files.createDirectories(absolute.getParent());
        } catch (IOException e) {
            throw new CheckpointException("Cannot create the directory of the checkpoint file " + absolute + ": " + e, e);
        }
        Map<ShardKey, Checkpoint> checkpoints = load(absolute);
        FileCheckpointer checkpointer = new FileCheckpointer(absolute, checkpoints);
        checkpointer.removeTemporaryFiles();
        return checkpointer;
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
        CheckpointFileFormat.checkField("stream ARN", streamArn);
        CheckpointFileFormat.checkField("shard id", shardId);
        if (checkpoint.equals(checkpoints.get(key))) {
            return;
        }
        Map<ShardKey, Checkpoint> updated = new HashMap<>(checkpoints);
        updated.put(key, checkpoint);
        replaceFile(CheckpointFileFormat.encode(updated));
        checkpoints.put(key, checkpoint);
    }

    @Override
    public String toString() {
        return "FileCheckpointer(" + file + ")";
    }

    private static Map<ShardKey, Checkpoint> load(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return new HashMap<>();
        } catch (IOException e) {
            throw new CheckpointException("Cannot read the checkpoint file " + file + ": " + e, e);
        }
        return new HashMap<>(CheckpointFileFormat.decode(bytes, file.toString()));
    }

    private void replaceFile(byte[] content) {
        Path directory = file.getParent();
        Path temp = null;
        try {
            temp = Files.createTempFile(directory, tempPrefix, TEMP_SUFFIX);
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                ByteBuffer buffer = ByteBuffer.wrap(content);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                // On disk before the rename: otherwise a crash could leave the new name on an empty file.
                channel.force(true);
            }
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            temp = null;
            forceDirectory(directory);
        } catch (AtomicMoveNotSupportedException e) {
            throw new CheckpointException("The file system of " + file + " cannot rename files atomically, which a"
                    + " crash-safe checkpoint file needs: " + e, e);
        } catch (IOException e) {
            throw new CheckpointException("Cannot write the checkpoint file " + file + ": " + e, e);
        } finally {
            deleteQuietly(temp);
        }
    }

    // Makes the rename itself durable. Some platforms (Windows) cannot open a directory; the rename is atomic there
    // all the same, only its durability is up to the file system.
    private static void forceDirectory(Path directory) {
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            // Not fatal: see above.
        }
    }

    private void removeTemporaryFiles() {
        try (DirectoryStream<Path> leftovers =
                Files.newDirectoryStream(file.getParent(), glob(tempPrefix) + "*" + TEMP_SUFFIX)) {
            for (Path leftover : leftovers) {
                deleteQuietly(leftover);
            }
        } catch (IOException e) {
            // Leftovers only take space; they are never read.
        }
    }

    private static String glob(String literal) {
        return literal.replaceAll("([\\\\*?\\[\\]{}])", "\\\\$1");
    }

    private static void deleteQuietly(Path path) {
        if (path != null) {
            try {
                Files.deleteIfExists(path);
            } catch (IOException e) {
                // A temporary file that cannot be deleted is harmless: it is never read, and open() retries.
            }
        }
    }
}
