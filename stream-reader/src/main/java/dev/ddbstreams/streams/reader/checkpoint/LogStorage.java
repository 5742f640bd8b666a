package dev.ddbstreams.streams.reader.checkpoint;

import java.io.IOException;

/**
 * The file operations {@link FileCheckpointer} makes, each one a step a crash may stop before or after: the crash
 * test runs a checkpointer on a storage that fails at every step in turn, and checks what a new one reads back.
 */
interface LogStorage {

    /** The file's bytes; null when there is no file. */
    byte[] read() throws IOException;

    /** Appends bytes at the end of the file. */
    void append(byte[] bytes) throws IOException;

    /** Forces what was appended to the disk. */
    void force() throws IOException;

    /** Cuts the file to {@code length} bytes and forces that. */
    void truncate(long length) throws IOException;

    /**
     * Replaces the whole file atomically: the content goes to a temporary file in the same directory, is forced, and
     * is renamed over the file (the directory forced after), so a crash leaves the old file or the new one.
     */
    void replace(byte[] content) throws IOException;

    /** The file's size. */
    long size() throws IOException;
}
