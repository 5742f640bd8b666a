package dev.ddbstreams.codegen.model;

import java.nio.file.Path;

/**
 * Where something was written in a model file, so that every problem can point at it.
 *
 * @param file the model file
 * @param line 1-based line, or 0 when unknown
 * @param column 1-based column, or 0 when unknown
 */
public record SourceLocation(Path file, int line, int column) {

    /** A location that names only the file. */
    public static SourceLocation of(Path file) {
        return new SourceLocation(file, 0, 0);
    }

    @Override
    public String toString() {
        String name = file == null ? "<model>" : file.toString();
        return line > 0 ? name + ":" + line + ":" + column : name;
    }
}
