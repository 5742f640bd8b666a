package dev.ddbstreams.codegen.read;

import dev.ddbstreams.codegen.model.Paginator;
import dev.ddbstreams.codegen.read.JsonValue.JsonObject;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Reads botocore's {@code paginators-1.json}: {@code {"pagination": {"Operation": {...}}}}, with every field botocore
 * knows: one or several input and output tokens (paired in order), result keys, {@code more_results},
 * {@code non_aggregate_keys} and {@code limit_key}. Paths stay JMESPath text here; validation types them. An entry with
 * neither token, only a {@code result_key}, says which member holds an unpaged operation's results: it is no paginator.
 */
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
            if (!json.members().containsKey("input_token") && !json.members().containsKey("output_token")) {
                // Only a result key (CloudTrail's DescribeTrails: {"result_key": "trailList"}): the operation returns
                // everything in one response, so there is nothing to page; the AWS SDK for Java v2 skips these too.
                continue;
            }
            List<String> inputs = tokens(json, "input_token", what);
            List<String> outputs = tokens(json, "output_token", what);
            if (inputs.isEmpty() || outputs.isEmpty()) {
                continue;
            }
            if (inputs.size() != outputs.size()) {
                fields.problem(json, what + " has " + inputs.size() + " input tokens " + inputs + " but " + outputs.size()
                        + " output tokens " + outputs + "; they are paired in order, so there must be as many of each");
                continue;
            }
            out.add(new Paginator(operation, inputs, outputs, fields.stringOrStrings(json, "result_key", what),
                    fields.string(json, "more_results", what).orElse(null), fields.stringOrStrings(json, "non_aggregate_keys", what),
                    fields.string(json, "limit_key", what).orElse(null), json.location()));
        }
        out.sort(Comparator.comparing(Paginator::operationName));
        return out;
    }

    private List<String> tokens(JsonObject json, String field, String what) {
        List<String> values = fields.stringOrStrings(json, field, what);
        if (values.isEmpty()) {
            fields.problem(json, what + " has no \"" + field + "\"");
        }
        return values;
    }
}
