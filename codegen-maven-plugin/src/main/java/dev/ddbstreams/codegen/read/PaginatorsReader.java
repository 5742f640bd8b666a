package dev.ddbstreams.codegen.read;

import dev.ddbstreams.codegen.model.Paginator;
import dev.ddbstreams.codegen.read.JsonValue.JsonObject;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** Reads botocore's {@code paginators-1.json}: {@code {"pagination": {"Operation": {...}}}}. */
final class PaginatorsReader {

    private final JsonFields fields;

    PaginatorsReader(JsonFields fields) {
        this.fields = fields;
    }

    List<Paginator> read(JsonValue root) {
        List<Paginator> out = new ArrayList<>();
        if (!(root instanceof JsonObject top)) {
            fields.problem(root, "a paginators file must be a JSON object, but this is " + root.kind());
            return out;
        }
        JsonObject pagination = fields.object(top, "pagination", "the paginators file").orElse(null);
        if (pagination == null) {
            fields.problem(top, "the paginators file has no \"pagination\" object");
            return out;
        }
        for (Map.Entry<String, JsonObject> entry : fields.objectEntries(pagination, "paginator")) {
            String operation = entry.getKey();
            JsonObject json = entry.getValue();
            String what = "paginator \"" + operation + "\"";
            String input = single(json, "input_token", what);
            String output = single(json, "output_token", what);
            List<String> results = fields.stringOrStrings(json, "result_key", what);
            if (results.size() > 1) {
                fields.problem(json, what + " has several result keys " + results + "; only one is supported");
            }
            if (input == null || output == null) {
                continue;
            }
            out.add(new Paginator(operation, input, path(output), results.isEmpty() ? List.of() : path(results.get(0)),
                    fields.string(json, "limit_key", what).orElse(null), json.location()));
        }
        out.sort(Comparator.comparing(Paginator::operationName));
        return out;
    }

    private String single(JsonObject json, String field, String what) {
        List<String> values = fields.stringOrStrings(json, field, what);
        if (values.isEmpty()) {
            fields.problem(json, what + " has no \"" + field + "\"");
            return null;
        }
        if (values.size() > 1) {
            fields.problem(json, what + " has several tokens in \"" + field + "\" " + values + "; only one is supported");
            return null;
        }
        return values.get(0);
    }

    private static List<String> path(String dotted) {
        return Arrays.asList(dotted.split("\\.", -1));
    }
}
