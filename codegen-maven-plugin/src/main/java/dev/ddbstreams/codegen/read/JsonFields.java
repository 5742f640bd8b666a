package dev.ddbstreams.codegen.read;

import dev.ddbstreams.codegen.model.ModelProblem;
import dev.ddbstreams.codegen.read.JsonValue.JsonArray;
import dev.ddbstreams.codegen.read.JsonValue.JsonBoolean;
import dev.ddbstreams.codegen.read.JsonValue.JsonNumber;
import dev.ddbstreams.codegen.read.JsonValue.JsonObject;
import dev.ddbstreams.codegen.read.JsonValue.JsonString;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Typed access to the fields of a JSON object. A field of the wrong type is recorded as a problem that names
 * the field, what it belongs to, and where, and reads as absent so the reader can go on and report more.
 */
final class JsonFields {

    private final List<ModelProblem> problems;

    JsonFields(List<ModelProblem> problems) {
        this.problems = problems;
    }

    void problem(JsonValue at, String message) {
        problems.add(new ModelProblem(at.location(), message));
    }

    Optional<JsonObject> object(JsonObject owner, String field, String what) {
        return typed(owner, field, what, JsonObject.class, "an object");
    }

    Optional<JsonArray> array(JsonObject owner, String field, String what) {
        return typed(owner, field, what, JsonArray.class, "an array");
    }

    Optional<String> string(JsonObject owner, String field, String what) {
        return typed(owner, field, what, JsonString.class, "a string").map(JsonString::value);
    }

    Optional<Number> number(JsonObject owner, String field, String what) {
        return typed(owner, field, what, JsonNumber.class, "a number").map(JsonNumber::value);
    }

    boolean flag(JsonObject owner, String field, String what) {
        return typed(owner, field, what, JsonBoolean.class, "a boolean").map(JsonBoolean::value).orElse(false);
    }

    /** A required string field; a problem names it when it is missing. */
    Optional<String> requiredString(JsonObject owner, String field, String what) {
        Optional<String> value = string(owner, field, what);
        if (value.isEmpty() && !owner.members().containsKey(field)) {
            problem(owner, what + " has no \"" + field + "\"");
        }
        return value;
    }

    /** A string or a list of strings, as C2J writes a key that may be compound. */
    List<String> stringOrStrings(JsonObject owner, String field, String what) {
        JsonValue value = owner.members().get(field);
        List<String> out = new ArrayList<>();
        if (value == null) {
            return out;
        }
        if (value instanceof JsonString s) {
            out.add(s.value());
        } else if (value instanceof JsonArray a) {
            for (JsonValue element : a.elements()) {
                if (element instanceof JsonString s) {
                    out.add(s.value());
                } else {
                    problem(element, what + " \"" + field + "\" must list strings, but has " + element.kind());
                }
            }
        } else {
            problem(value, what + " \"" + field + "\" must be a string or a list of strings, but is " + value.kind());
        }
        return out;
    }

    /** The object's entries whose values are objects; others are reported. */
    List<Map.Entry<String, JsonObject>> objectEntries(JsonObject owner, String what) {
        List<Map.Entry<String, JsonObject>> out = new ArrayList<>();
        owner.members().forEach((name, value) -> {
            if (value instanceof JsonObject o) {
                out.add(Map.entry(name, o));
            } else {
                problem(value, what + " \"" + name + "\" must be an object, but is " + value.kind());
            }
        });
        return out;
    }

    private <T extends JsonValue> Optional<T> typed(
            JsonObject owner, String field, String what, Class<T> type, String expected) {
        JsonValue value = owner.members().get(field);
        if (value == null || value instanceof JsonValue.JsonNull) {
            return Optional.empty();
        }
        if (!type.isInstance(value)) {
            problem(value, what + " \"" + field + "\" must be " + expected + ", but is " + value.kind());
            return Optional.empty();
        }
        return Optional.of(type.cast(value));
    }
}
