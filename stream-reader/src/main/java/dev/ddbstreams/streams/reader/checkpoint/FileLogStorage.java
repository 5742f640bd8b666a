package dev.ddbstreams.streams.reader.checkpoint;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/** {@link LogStorage} on a real file. */
final class FileLogStorage implements LogStorage {

    private static final String TEMP_SUFFIX = ".tmp";

    private final Path file;
    private final String tempPrefix;

    FileLogStorage(Path file) {
        this.file = file;
        this.tempPrefix = file.getFileName() + ".";
    }

    @Override
    public byte[] read() throws IOException {
        try {
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return null;
        }
    }

    @Override
    public void append(byte[] bytes) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
            writeFully(channel, bytes);
        }
    }

    @Override
    public void force() throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            // Data only: the file's size is part of what fdatasync makes durable; its times are not needed.
            channel.force(false);
        }
    }

    @Override
    public void truncate(long length) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.truncate(length);
            channel.force(false);
        }
    }

    @Override
    public void replace(byte[] content) throws IOException {
        Path directory = file.getParent();
        Path temp = Files.createTempFile(directory, tempPrefix, TEMP_SUFFIX);
        try {
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                writeFully(channel, content);
                // On disk before the rename: otherwise a crash could leave the new name on an empty file.
                channel.force(true);
            }
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            temp = null;
            forceDirectory(directory);
        } finally {
            deleteQuietly(temp);
        }
    }

    @Override
    public long size() throws IOException {
        return Files.size(file);
    }

    /** Removes temporary files a crash during {@link #replace} left behind; they are never read. */
    void removeTemporaryFiles() {
        try (DirectoryStream<Path> leftovers =
                Files.newDirectoryStream(file.getParent(), glob(tempPrefix) + "*" + TEMP_SUFFIX)) {
            for (Path leftover : leftovers) {
                deleteQuietly(leftover);
            }
        } catch (IOException e) {
            // Leftovers only take space.
        }
    }

    private static void writeFully(FileChannel channel, byte[] bytes) throws IOException {
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        while (buffer.hasRemaining()) {
            channel.write(buffer);
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
