package dev.ddbstreams.codegen.read;

import dev.ddbstreams.codegen.model.Waiter;
import dev.ddbstreams.codegen.read.JsonValue.JsonBoolean;
import dev.ddbstreams.codegen.read.JsonValue.JsonNumber;
import dev.ddbstreams.codegen.read.JsonValue.JsonObject;
import dev.ddbstreams.codegen.read.JsonValue.JsonString;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Reads botocore's {@code waiters-2.json} (version 2). */
final class WaitersReader {

    private static final Set<String> STATES = Set.of("success", "failure", "retry");
    private static final Set<String> MATCHERS = Set.of("path", "pathAll", "pathAny", "status", "error");

    private final JsonFields fields;

    WaitersReader(JsonFields fields) {
        this.fields = fields;
    }

    List<Waiter> read(JsonValue root) {
        List<Waiter> out = new ArrayList<>();
        if (!(root instanceof JsonObject top)) {
            fields.problem(root, "a waiters file must be a JSON object, but this is " + root.kind());
            return out;
        }
        fields.number(top, "version", "the waiters file").ifPresent(version -> {
            if (version.intValue() != 2) {
                fields.problem(top.members().get("version"), "the waiters file has version " + version + "; only version 2 is supported");
            }
        });
        JsonObject waiters = fields.object(top, "waiters", "the waiters file").orElse(null);
        if (waiters == null) {
            fields.problem(top, "the waiters file has no \"waiters\" object");
            return out;
        }
        for (Map.Entry<String, JsonObject> entry : fields.objectEntries(waiters, "waiter")) {
            String name = entry.getKey();
            JsonObject json = entry.getValue();
            String what = "waiter \"" + name + "\"";
            String operation = fields.requiredString(json, "operation", what).orElse(null);
            int delay = positive(json, "delay", what);
            int maxAttempts = positive(json, "maxAttempts", what);
            List<Waiter.Acceptor> acceptors = new ArrayList<>();
            fields.array(json, "acceptors", what).ifPresent(array -> array.elements().forEach(element -> {
                if (element instanceof JsonObject acceptor) {
                    readAcceptor(acceptor, what).ifPresent(acceptors::add);
                } else {
                    fields.problem(element, what + " \"acceptors\" must list objects, but has " + element.kind());
                }
            }));
            if (acceptors.isEmpty()) {
                fields.problem(json, what + " has no acceptors");
            }
            if (operation != null) {
                out.add(new Waiter(name, operation, delay, maxAttempts,
                        fields.string(json, "description", what).orElse(""), acceptors, json.location()));
            }
        }
        out.sort(Comparator.comparing(Waiter::name));
        return out;
    }

    private Optional<Waiter.Acceptor> readAcceptor(JsonObject json, String what) {
        String state = fields.requiredString(json, "state", what + " acceptor").orElse(null);
        String matcher = fields.requiredString(json, "matcher", what + " acceptor").orElse(null);
        if (state != null && !STATES.contains(state)) {
            fields.problem(json.members().get("state"), what + " has an acceptor with state \"" + state + "\"; expected one of " + STATES);
            return Optional.empty();
        }
        if (matcher != null && !MATCHERS.contains(matcher)) {
            fields.problem(json.members().get("matcher"), what + " has an acceptor with matcher \"" + matcher + "\"; expected one of " + MATCHERS);
            return Optional.empty();
        }
        String argument = fields.string(json, "argument", what + " acceptor").orElse(null);
        if (matcher != null && matcher.startsWith("path") && argument == null) {
            fields.problem(json, what + " has a " + matcher + " acceptor without an \"argument\"");
        }
        JsonValue expectedJson = json.members().get("expected");
        Object expected = null;
        if (expectedJson instanceof JsonString s) {
            expected = s.value();
        } else if (expectedJson instanceof JsonNumber n) {
            expected = n.value();
        } else if (expectedJson instanceof JsonBoolean b) {
            expected = b.value();
        } else {
            fields.problem(expectedJson == null ? json : expectedJson, what + " has an acceptor whose \"expected\" is not a string, number or boolean");
        }
        if (state == null || matcher == null || expected == null) {
            return Optional.empty();
        }
        return Optional.of(new Waiter.Acceptor(state, matcher, argument, expected));
    }

    private int positive(JsonObject json, String field, String what) {
        Number value = fields.number(json, field, what).orElse(null);
        if (value == null || value.intValue() < 1) {
            fields.problem(json, what + " needs a positive \"" + field + "\"");
            return 1;
        }
        return value.intValue();
    }
}
