package dev.ddbstreams.codegen.read;

import dev.ddbstreams.codegen.model.SourceLocation;
import java.util.List;
import java.util.Map;

/**
 * A JSON value that remembers where it was written, so that a reader can say "file:line:column" for any
 * problem it finds. The model files are small, so a tree is the simplest honest representation here.
 */
sealed interface JsonValue {

    SourceLocation location();

    /** A short name of the JSON type, for messages ("an object", "a string"...). */
    String kind();

    record JsonObject(Map<String, JsonValue> members, SourceLocation location) implements JsonValue {
        @Override
        public String kind() {
            return "an object";
        }
    }

    record JsonArray(List<JsonValue> elements, SourceLocation location) implements JsonValue {
        @Override
        public String kind() {
            return "an array";
        }
    }

    record JsonString(String value, SourceLocation location) implements JsonValue {
        @Override
        public String kind() {
            return "a string";
        }
    }

    record JsonNumber(Number value, SourceLocation location) implements JsonValue {
        @Override
        public String kind() {
            return "a number";
        }
    }

    record JsonBoolean(boolean value, SourceLocation location) implements JsonValue {
        @Override
        public String kind() {
            return "a boolean";
        }
    }

    record JsonNull(SourceLocation location) implements JsonValue {
        @Override
        public String kind() {
            return "null";
        }
    }
}
