package dev.ddbstreams.codegen.model;

import java.util.Locale;
import java.util.Optional;

/**
 * The simple (non-aggregate) shape types of the C2J format, and the document type: a JSON value of any kind
 * (C2J marks it {@code "document": true} on a structure, Smithy has a {@code document} shape type).
 */
public enum ScalarType {
    STRING,
    BOOLEAN,
    BYTE,
    SHORT,
    INTEGER,
    LONG,
    FLOAT,
    DOUBLE,
    BIG_INTEGER,
    BIG_DECIMAL,
    TIMESTAMP,
    BLOB,
    DOCUMENT;

    /** The scalar type a C2J {@code "type"} names, if it names one. */
    public static Optional<ScalarType> fromModelName(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "string" -> Optional.of(STRING);
            case "boolean" -> Optional.of(BOOLEAN);
            case "byte" -> Optional.of(BYTE);
            case "short" -> Optional.of(SHORT);
            case "integer" -> Optional.of(INTEGER);
            case "long" -> Optional.of(LONG);
            case "float" -> Optional.of(FLOAT);
            case "double" -> Optional.of(DOUBLE);
            case "biginteger" -> Optional.of(BIG_INTEGER);
            case "bigdecimal" -> Optional.of(BIG_DECIMAL);
            case "timestamp" -> Optional.of(TIMESTAMP);
            case "blob" -> Optional.of(BLOB);
            case "document" -> Optional.of(DOCUMENT);
            default -> Optional.empty();
        };
    }
}
