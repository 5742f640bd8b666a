package dev.ddbstreams.codegen.tests;

import static dev.ddbstreams.codegen.tests.BotocoreModels.existing;
import static dev.ddbstreams.codegen.tests.BotocoreModels.object;

import dev.ddbstreams.codegen.read.ModelSources;
import dev.ddbstreams.wire.JsonTree;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The AWS service models that the AWS SDK for JavaScript v2 (npm {@code aws-sdk}) ships in its {@code apis/} folder,
 * turned back into botocore's form so the generator can be tried on them.
 *
 * <p>Each service is {@code <uid>.min.json} beside {@code <uid>.paginators.json} and {@code <uid>.waiters2.json}
 * (the same formats as botocore's {@code paginators-1.json} and {@code waiters-2.json}). The {@code .min.json} is the
 * C2J model after aws-sdk-js's minifier ({@code scripts/lib/translator.js}): documentation, operations' errors,
 * enums and length, range and pattern constraints are deleted; operations' {@code name} and a default
 * {@code POST /} are dropped; shapes are renamed {@code S1}, {@code S2}...; a shape referenced once is written inline
 * in its one reference, merged with the member's own traits; a shape that is nothing but a scalar type is replaced by
 * that type on each reference (string, the default, by nothing: {@code {}}); operations whose input uses an event
 * stream are removed. {@link #asBotocore} undoes what can be undone: every inline shape gets a name again (from where
 * it stood), each scalar type one shape, and the operations their name and HTTP binding. What was deleted stays
 * deleted, so these models test the generator's structures, lists, maps, scalars, traits, paginators and waiters,
 * not its enums, errors or constraints (the corpus of botocore models does).
 */
final class AwsJsModels {

    /** The traits of a C2J shape; everything else written on a reference is the member's own. */
    private static final Set<String> SHAPE_TRAITS = Set.of(
            "type", "members", "required", "member", "key", "value", "union", "sensitive", "document", "eventstream", "event",
            "exception", "error", "fault", "payload", "streaming", "requiresLength", "flattened", "wrapper", "retryable",
            "timestampFormat");

    private final Map<String, Object> shapes = new TreeMap<>();
    private final Set<String> names = new TreeSet<>();
    /** The one shape of each scalar type that bare references ({@code {}}, {@code {"type": "long"}}) now name. */
    private final Map<String, String> scalarShapes = new TreeMap<>();

    private AwsJsModels() {}

    /** The uids ({@code kinesis-2013-12-02}) of the folder's models whose protocol is {@code json}, sorted. */
    static List<String> jsonProtocolModels(Path apis) throws IOException {
        List<String> uids = new ArrayList<>();
        try (Stream<Path> files = Files.list(apis)) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".min.json")).sorted().toList()) {
                if ("json".equals(object(read(file).get("metadata")).get("protocol"))) {
                    uids.add(file.getFileName().toString().replaceFirst("\\.min\\.json$", ""));
                }
            }
        }
        return uids;
    }

    /**
     * The model {@code uid} of the folder {@code apis} as botocore would publish it: a {@code service-2.json} written
     * under {@code work}, with the folder's own paginators and waiters files (when it has them).
     */
    static ModelSources asBotocore(Path apis, String uid, Path work) throws IOException {
        Map<String, Object> model = new AwsJsModels().expand(read(apis.resolve(uid + ".min.json")));
        Path service = work.resolve(uid).resolve("service-2.json");
        Files.createDirectories(service.getParent());
        Files.write(service, JsonTree.write(model));
        return new ModelSources(service, existing(apis.resolve(uid + ".paginators.json")), existing(apis.resolve(uid + ".waiters2.json")),
                new TreeSet<>());
    }

    private Map<String, Object> expand(Map<String, Object> model) {
        Map<String, Object> named = object(model.get("shapes"));
        names.addAll(named.keySet());
        named.forEach((name, shape) -> shapes.put(name, expandShape(object(shape), name)));
        object(model.get("operations")).forEach((name, value) -> {
            Map<String, Object> operation = object(value);
            Map<String, Object> http = object(operation.computeIfAbsent("http", key -> new LinkedHashMap<>()));
            http.putIfAbsent("method", "POST");
            http.putIfAbsent("requestUri", "/");
            operation.putIfAbsent("name", name);
            for (String side : List.of("input", "output")) {
                if (operation.containsKey(side)) {
                    operation.put(side, reference(object(operation.get(side)), name + (side.equals("input") ? "Input" : "Output")));
                }
            }
        });
        model.put("shapes", shapes);
        return model;
    }

    /** A shape's references to other shapes, each turned into a named reference. */
    private Map<String, Object> expandShape(Map<String, Object> shape, String name) {
        if (shape.get("members") != null) {
            Map<String, Object> members = new LinkedHashMap<>();
            object(shape.get("members")).forEach((member, ref) -> members.put(member, reference(object(ref), name + member)));
            shape.put("members", members);
        }
        for (String [] ref : new String[][] {{"member", "Member"}, {"key", "Key"}, {"value", "Value"}}) {
            if (shape.get(ref[0]) != null) {
                shape.put(ref[0], reference(object(shape.get(ref[0])), name + ref[1]));
            }
        }
        return shape;
    }

    /**
     * A member reference as botocore writes it: {@code {"shape": name}} with the member's own traits. An inline shape
     * becomes a shape named {@code suggested}; a bare scalar type shares one shape per type.
     */
    private Map<String, Object> reference(Map<String, Object> ref, String suggested) {
        if (ref.containsKey("shape")) {
            return ref;
        }
        Map<String, Object> member = new LinkedHashMap<>();
        Map<String, Object> shape = new LinkedHashMap<>();
        ref.forEach((trait, value) -> (SHAPE_TRAITS.contains(trait) ? shape : member).put(trait, value));
        shape.putIfAbsent("type", "string");
        String name;
        if (shape.size() == 1) {
            name = scalarShapes.computeIfAbsent((String) shape.get("type"), type -> {
                String scalar = unique("Scalar" + Character.toUpperCase(type.charAt(0)) + type.substring(1));
                shapes.put(scalar, shape);
                return scalar;
            });
        } else {
            name = unique(suggested);
            shapes.put(name, shape);
            expandShape(shape, name);
        }
        member.put("shape", name);
        return member;
    }

    private String unique(String name) {
        String candidate = name;
        for (int n = 2; !names.add(candidate); n++) {
            candidate = name + n;
        }
        return candidate;
    }

    private static Map<String, Object> read(Path file) throws IOException {
        return object(JsonTree.parse(Files.readAllBytes(file)));
    }
}
