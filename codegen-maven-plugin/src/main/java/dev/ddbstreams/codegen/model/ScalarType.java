package dev.ddbstreams.codegen.model;

import java.util.Locale;
import java.util.Optional;

/** The simple (non-aggregate) shape types of the C2J format. */
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
    BLOB;

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
            default -> Optional.empty();
        };
    }
}
