package dev.ddbstreams.codegen.read;

import dev.ddbstreams.codegen.model.Constraints;
import dev.ddbstreams.codegen.model.EnumShape;
import dev.ddbstreams.codegen.model.ListShape;
import dev.ddbstreams.codegen.model.MapShape;
import dev.ddbstreams.codegen.model.Member;
import dev.ddbstreams.codegen.model.ModelException;
import dev.ddbstreams.codegen.model.ModelProblem;
import dev.ddbstreams.codegen.model.Operation;
import dev.ddbstreams.codegen.model.Paginator;
import dev.ddbstreams.codegen.model.ScalarShape;
import dev.ddbstreams.codegen.model.ScalarType;
import dev.ddbstreams.codegen.model.ServiceInfo;
import dev.ddbstreams.codegen.model.ServiceModel;
import dev.ddbstreams.codegen.model.Shape;
import dev.ddbstreams.codegen.model.StructureShape;
import dev.ddbstreams.codegen.model.StructureShape.ErrorInfo;
import dev.ddbstreams.codegen.model.StructureShape.Role;
import dev.ddbstreams.codegen.model.TimestampFormat;
import dev.ddbstreams.codegen.model.UnionShape;
import dev.ddbstreams.codegen.model.Waiter;
import dev.ddbstreams.codegen.naming.JavaNames;
import dev.ddbstreams.codegen.read.JsonValue.JsonArray;
import dev.ddbstreams.codegen.read.JsonValue.JsonObject;
import dev.ddbstreams.codegen.read.JsonValue.JsonString;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Reads the AWS C2J format ({@code service-2.json}, as botocore and the AWS SDK for Java v2 publish it) into the
 * intermediate model. Structural problems (a missing or mistyped field) are collected with their file, line and
 * column; whether references resolve is the validator's business.
 */
public final class C2jReader {

    private final List<ModelProblem> problems = new ArrayList<>();
    private final JsonFields fields = new JsonFields(problems);
    /** Shapes that cannot be generated (event streams), each with what it is; operations that use them are left out. */
    private final Map<String, String> unsupported = new TreeMap<>();

    private C2jReader() {}

    /** Reads a model, or fails with every structural problem found. */
    public static ServiceModel read(ModelSources sources) throws ModelException {
        return new C2jReader().readAll(sources);
    }

    private ServiceModel readAll(ModelSources sources) throws ModelException {
        JsonValue root = LocatedJsonParser.parse(sources.service());
        if (!(root instanceof JsonObject service)) {
            throw new ModelException(new ModelProblem(root.location(), "a C2J model must be a JSON object, but this is " + root.kind()));
        }
        for (String field : List.of("metadata", "operations", "shapes")) {
            if (!service.members().containsKey(field)) {
                problems.add(new ModelProblem(service.location(), "the model has no \"" + field + "\" object; is this a C2J service-2.json?"));
            }
        }
        ServiceInfo info = fields.object(service, "metadata", "the model's")
                .map(metadata -> readInfo(metadata, fields.string(service, "documentation", "the model's").orElse("")))
                .orElse(null);
        JsonObject operationsJson = fields.object(service, "operations", "the model's").orElse(null);
        JsonObject shapesJson = fields.object(service, "shapes", "the model's").orElse(null);
        failIfProblems();
        InlineShapes.refuse(operationsJson, shapesJson);

        List<Operation> operations = new ArrayList<>();
        for (Map.Entry<String, JsonObject> entry : fields.objectEntries(operationsJson, "operation")) {
            operations.add(readOperation(entry.getKey(), entry.getValue()));
        }
        operations.sort(Comparator.comparing(Operation::name));

        SortedMap<String, Shape> shapes = new TreeMap<>();
        for (Map.Entry<String, JsonObject> entry : fields.objectEntries(shapesJson, "shape")) {
            Shape shape = readShape(entry.getKey(), entry.getValue(), sources.unionShapes());
            if (shape != null) {
                shapes.put(shape.name(), shape);
            }
        }
        DeclaredUnions.check(sources.unionShapes(), shapes, service.location(), problems);
        List<Paginator> paginators = sources.paginators() == null ? List.of()
                : new PaginatorsReader(fields).read(LocatedJsonParser.parse(sources.paginators()));
        List<Waiter> waiters = sources.waiters() == null ? List.of()
                : new WaitersReader(fields).read(LocatedJsonParser.parse(sources.waiters()));
        failIfProblems();
        return ModelFinisher.finish(new ServiceModel(info, operations, shapes, paginators, waiters), unsupported, sources);
    }

    private ServiceInfo readInfo(JsonObject metadata, String documentation) {
        String what = "metadata";
        String protocol = readProtocol(metadata);
        String endpointPrefix = fields.requiredString(metadata, "endpointPrefix", what).orElse("");
        String fullName = fields.string(metadata, "serviceFullName", what).orElse(endpointPrefix);
        String serviceId = fields.string(metadata, "serviceId", what)
                .orElseGet(() -> fields.string(metadata, "serviceAbbreviation", what).orElse(fullName)
                        .replaceFirst("^(Amazon|AWS)\\s+", ""));
        String jsonVersion = fields.string(metadata, "jsonVersion", what).orElse("1.0");
        String targetPrefix = fields.string(metadata, "targetPrefix", what).orElse("");
        String signingName = fields.string(metadata, "signingName", what).orElse(endpointPrefix);
        String apiVersion = fields.string(metadata, "apiVersion", what).orElse("");
        boolean awsQueryCompatible = fields.object(metadata, "awsQueryCompatible", what).isPresent();
        return new ServiceInfo(serviceId, fullName, apiVersion, protocol, jsonVersion, targetPrefix, signingName,
                endpointPrefix, documentation, JavaNames.serviceBaseName(serviceId), awsQueryCompatible);
    }

    /**
     * The protocol of the client, decided as botocore decides it: from {@code "protocols"} when the model has it
     * (newer models list every protocol the service speaks, in order of preference: CloudWatch's is
     * {@code ["smithy-rpc-v2-cbor", "json", "query"]}), else from {@code "protocol"}. This generator speaks
     * {@code "json"} only, so it takes it from anywhere in the list, and refuses a model without it.
     */
    private String readProtocol(JsonObject metadata) {
        String refusal = "; this generator emits clients for the AWS JSON protocol (\"json\") only";
        JsonValue listed = metadata.members().get("protocols");
        if (listed != null) {
            List<String> protocols = fields.stringOrStrings(metadata, "protocols", "metadata");
            if (!protocols.contains("json")) {
                fields.problem(listed, "metadata \"protocols\" is [" + String.join(", ", protocols.stream().map(p -> "\"" + p + "\"").toList())
                        + "]" + refusal);
            }
            return "json";
        }
        String protocol = fields.requiredString(metadata, "protocol", "metadata").orElse("json");
        if (!protocol.equals("json")) {
            fields.problem(metadata.members().get("protocol"), "metadata \"protocol\" is \"" + protocol + "\"" + refusal);
        }
        return protocol;
    }

    private Operation readOperation(String name, JsonObject json) {
        String what = "operation \"" + name + "\"";
        String input = fields.object(json, "input", what).flatMap(o -> fields.requiredString(o, "shape", what + " input")).orElse(null);
        String output = fields.object(json, "output", what).flatMap(o -> fields.requiredString(o, "shape", what + " output")).orElse(null);
        List<String> errors = new ArrayList<>();
        fields.array(json, "errors", what).ifPresent(array -> {
            for (JsonValue element : array.elements()) {
                if (element instanceof JsonObject error) {
                    fields.requiredString(error, "shape", what + " error").ifPresent(errors::add);
                } else {
                    fields.problem(element, what + " \"errors\" must list objects, but has " + element.kind());
                }
            }
        });
        return new Operation(name, JavaNames.methodName(name), input, output, errors,
                fields.flag(json, "deprecated", what), fields.string(json, "documentation", what).orElse(""), json.location(),
                readRouting(json, what));
    }

    /**
     * The traits of an operation that change where and how its requests go: {@code endpoint.hostPrefix},
     * {@code requestcompression}, {@code authtype} / {@code auth}, {@code endpointdiscovery} and
     * {@code endpointoperation}.
     */
    private Operation.Routing readRouting(JsonObject json, String what) {
        String hostPrefix = fields.object(json, "endpoint", what)
                .flatMap(endpoint -> fields.string(endpoint, "hostPrefix", what + " endpoint"))
                .orElse(null);
        boolean gzip = fields.object(json, "requestcompression", what)
                .map(compression -> fields.stringOrStrings(compression, "encodings", what + " requestcompression"))
                .map(encodings -> encodings.contains("gzip"))
                .orElse(false);
        // "authtype": "none" in older files; "auth": ["smithy.api#noAuth"] (the schemes in order of preference) in newer.
        boolean unsigned = fields.string(json, "authtype", what).map("none"::equals).orElse(false)
                || json.members().containsKey("auth") && fields.stringOrStrings(json, "auth", what).stream().findFirst()
                        .map("smithy.api#noAuth"::equals).orElse(false);
        Operation.Discovery discovery = fields.object(json, "endpointdiscovery", what)
                .map(d -> fields.flag(d, "required", what + " endpointdiscovery") ? Operation.Discovery.REQUIRED : Operation.Discovery.OPTIONAL)
                .orElse(Operation.Discovery.NONE);
        return new Operation.Routing(hostPrefix, gzip, unsigned, discovery, fields.flag(json, "endpointoperation", what));
    }

    private Shape readShape(String name, JsonObject json, Set<String> unions) {
        String what = "shape \"" + name + "\"";
        String type = fields.requiredString(json, "type", what).orElse(null);
        if (type == null) {
            return null;
        }
        String doc = fields.string(json, "documentation", what).orElse("");
        Constraints constraints = new Constraints(
                fields.number(json, "min", what).map(Number::longValue).orElse(null),
                fields.number(json, "max", what).map(Number::longValue).orElse(null),
                fields.string(json, "pattern", what).orElse(null));
        switch (type) {
            case "structure": {
                if (fields.flag(json, "eventstream", what)) {
                    unsupported.put(name, "the event stream");
                }
                if (fields.flag(json, "document", what)) {
                    // C2J writes Smithy's document type as a structure without members, marked "document".
                    return new ScalarShape(name, ScalarType.DOCUMENT, constraints, false, doc, json.location());
                }
                boolean union = unions.contains(name) || fields.flag(json, "union", what);
                boolean isError = !union && fields.flag(json, "exception", what);
                List<Member> members = readMembers(name, json, what, union, isError);
                if (union) {
                    return new UnionShape(name, JavaNames.className(name), members, doc, json.location());
                }
                // Operations' inputs and outputs are named after their operations once every shape is read (ModelNaming).
                Role role = isError ? Role.ERROR : Role.PLAIN;
                String javaName = isError ? JavaNames.exceptionClassName(name) : JavaNames.className(name);
                ErrorInfo error = isError ? readError(name, json, what) : null;
                return new StructureShape(name, javaName, role, members, error, doc, json.location());
            }
            case "list": {
                String member = fields.object(json, "member", what).flatMap(m -> fields.requiredString(m, "shape", what + " member")).orElse(null);
                fields.object(json, "member", what).ifPresent(m -> refuseElementFormat(m, what + " member"));
                if (member == null && !json.members().containsKey("member")) {
                    fields.problem(json, what + " is a list but has no \"member\"");
                }
                return member == null ? null : new ListShape(name, member, constraints, doc, json.location());
            }
            case "map": {
                String key = fields.object(json, "key", what).flatMap(m -> fields.requiredString(m, "shape", what + " key")).orElse(null);
                String value = fields.object(json, "value", what).flatMap(m -> fields.requiredString(m, "shape", what + " value")).orElse(null);
                fields.object(json, "value", what).ifPresent(m -> refuseElementFormat(m, what + " value"));
                if (!json.members().containsKey("key") || !json.members().containsKey("value")) {
                    fields.problem(json, what + " is a map but lacks \"key\" or \"value\"");
                }
                return key == null || value == null ? null : new MapShape(name, key, value, constraints, doc, json.location());
            }
            case "string": {
                if (json.members().containsKey("enum")) {
                    return readEnum(name, json, what, doc);
                }
                return new ScalarShape(name, ScalarType.STRING, constraints, fields.flag(json, "sensitive", what), doc, json.location());
            }
            default: {
                var scalar = ScalarType.fromModelName(type).filter(t -> t != ScalarType.DOCUMENT);
                if (scalar.isEmpty()) {
                    fields.problem(json.members().get("type"), what + " has type \"" + type
                            + "\", which this generator does not support (supported: structure, list, map, string, boolean, "
                            + "byte, short, integer, long, float, double, bigInteger, bigDecimal, timestamp, blob)");
                    return null;
                }
                if (fields.flag(json, "streaming", what)) {
                    unsupported.put(name, "the streaming " + type);
                }
                TimestampFormat format = scalar.get() == ScalarType.TIMESTAMP ? timestampFormat(json, what) : null;
                return new ScalarShape(name, scalar.get(), constraints, fields.flag(json, "sensitive", what), doc, json.location(), format);
            }
        }
    }

    /** The {@code timestampFormat} of a shape or member, null when it has none; an unknown value is a problem. */
    private TimestampFormat timestampFormat(JsonObject json, String what) {
        String value = fields.string(json, "timestampFormat", what).orElse(null);
        if (value == null) {
            return null;
        }
        Optional<TimestampFormat> format = TimestampFormat.fromC2j(value);
        if (format.isEmpty()) {
            fields.problem(json.members().get("timestampFormat"), what + " has timestampFormat \"" + value
                    + "\", which is not one of iso8601, rfc822 and unixTimestamp");
        }
        return format.orElse(null);
    }

    /**
     * A list element or map value takes its timestamp format from its target shape; a format stated on the reference
     * itself would be lost, so it is refused rather than ignored.
     */
    private void refuseElementFormat(JsonObject reference, String what) {
        if (reference.members().containsKey("timestampFormat")) {
            fields.problem(reference.members().get("timestampFormat"), what + " states a timestampFormat, which this generator "
                    + "supports on timestamp shapes and structure members only; put it on the timestamp shape");
        }
    }

    private List<Member> readMembers(String shapeName, JsonObject json, String what, boolean union, boolean error) {
        JsonObject membersJson = fields.object(json, "members", what).orElse(new JsonObject(Map.of(), json.location()));
        Set<String> required = new HashSet<>();
        fields.array(json, "required", what).ifPresent(array -> {
            for (JsonValue element : array.elements()) {
                if (element instanceof JsonString s) {
                    required.add(s.value());
                    if (!membersJson.members().containsKey(s.value())) {
                        fields.problem(element, what + " lists \"" + s.value() + "\" as required, but has no member of that name");
                    }
                } else {
                    fields.problem(element, what + " \"required\" must list member names, but has " + element.kind());
                }
            }
        });
        List<Member> members = new ArrayList<>();
        for (Map.Entry<String, JsonObject> entry : fields.objectEntries(membersJson, what + " member")) {
            String memberName = entry.getKey();
            JsonObject member = entry.getValue();
            String memberWhat = "shape \"" + shapeName + "\" member \"" + memberName + "\"";
            String target = fields.requiredString(member, "shape", memberWhat).orElse(null);
            if (target == null) {
                continue;
            }
            String javaName = union ? JavaNames.unionMemberName(memberName, shapeName)
                    : error ? JavaNames.exceptionMemberName(memberName) : JavaNames.memberName(memberName);
            members.add(new Member(memberName, javaName, target, required.contains(memberName),
                    fields.flag(member, "deprecated", memberWhat), fields.string(member, "documentation", memberWhat).orElse(""),
                    member.location(), timestampFormat(member, memberWhat), fields.flag(member, "idempotencyToken", memberWhat),
                    fields.flag(member, "jsonvalue", memberWhat), fields.flag(member, "endpointdiscoveryid", memberWhat)));
        }
        return members;
    }

    private ErrorInfo readError(String name, JsonObject json, String what) {
        JsonObject error = fields.object(json, "error", what).orElse(null);
        String code = name;
        int status = 0;
        if (error != null) {
            code = fields.string(error, "code", what + " error").orElse(name);
            status = fields.number(error, "httpStatusCode", what + " error").map(Number::intValue).orElse(0);
        }
        return new ErrorInfo(code, status, fields.flag(json, "fault", what));
    }

    private Shape readEnum(String name, JsonObject json, String what, String doc) {
        List<EnumShape.EnumValue> values = new ArrayList<>();
        JsonArray array = fields.array(json, "enum", what).orElse(null);
        if (array == null) {
            return null;
        }
        for (JsonValue element : array.elements()) {
            if (element instanceof JsonString s) {
                values.add(new EnumShape.EnumValue(s.value(), JavaNames.enumConstant(s.value())));
            } else {
                fields.problem(element, what + " \"enum\" must list strings, but has " + element.kind());
            }
        }
        return new EnumShape(name, JavaNames.className(name), values, doc, json.location());
    }

    private void failIfProblems() throws ModelException {
        if (!problems.isEmpty()) {
            throw new ModelException(problems);
        }
    }
}
