package dev.ddbstreams.codegen.read;

import dev.ddbstreams.codegen.model.ModelException;
import dev.ddbstreams.codegen.model.ModelProblem;
import dev.ddbstreams.codegen.read.JsonValue.JsonObject;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Refuses a model whose shapes are written inline where C2J names them. The AWS SDK for JavaScript v2 ships its
 * models that way ({@code <service>-<version>.min.json}: a shape used once is merged into its one reference, a bare
 * string reference is {@code {}}, shapes are renamed {@code S1}, {@code S2}..., and errors, enums and documentation
 * are deleted). Read as C2J, such a file would give a "has no \"shape\"" problem at nearly every reference and not
 * say why; what the user needs to hear is once, where, and which file to use instead.
 */
final class InlineShapes {

    /** What a reference holds when the shape is written in it: a shape's own fields, or nothing (a bare string). */
    private static final List<String> SHAPE_FIELDS = List.of("type", "members", "member", "key", "value");

    private InlineShapes() {}

    /** Fails, naming the first inline shape, when an operation or a shape refers to a shape that is not named. */
    static void refuse(JsonObject operations, JsonObject shapes) throws ModelException {
        Stream<Map.Entry<String, JsonValue>> references = Stream.concat(
                referencesOf(operations, "operation", List.of("input", "output")),
                referencesOf(shapes, "shape", List.of("member", "key", "value")));
        Optional<Map.Entry<String, JsonValue>> inline = references
                .filter(reference -> reference.getValue() instanceof JsonObject ref && isInline(ref))
                .findFirst();
        if (inline.isPresent()) {
            throw new ModelException(new ModelProblem(inline.get().getValue().location(), inline.get().getKey()
                    + " is a shape written inline, without a \"shape\" name: this is not a C2J service-2.json but a minified"
                    + " model (the AWS SDK for JavaScript v2 ships its models so, as <service>-<version>.min.json, without"
                    + " errors, enums or documentation); use the service's service-2.json from botocore or the AWS SDK for"
                    + " Java v2, which names every shape under \"shapes\""));
        }
    }

    private static boolean isInline(JsonObject reference) {
        return !reference.members().containsKey("shape")
                && (reference.members().isEmpty() || SHAPE_FIELDS.stream().anyMatch(reference.members()::containsKey));
    }

    /** Each reference in the objects' {@code fields} and their structures' members, with what it is for messages. */
    private static Stream<Map.Entry<String, JsonValue>> referencesOf(JsonObject owners, String kind, List<String> fields) {
        return owners.members().entrySet().stream()
                .filter(owner -> owner.getValue() instanceof JsonObject)
                .flatMap(owner -> {
                    JsonObject json = (JsonObject) owner.getValue();
                    String what = kind + " \"" + owner.getKey() + "\"";
                    Stream<Map.Entry<String, JsonValue>> own = fields.stream().filter(json.members()::containsKey)
                            .map(field -> Map.entry(what + " " + field, json.members().get(field)));
                    Stream<Map.Entry<String, JsonValue>> members = json.members().get("members") instanceof JsonObject m
                            ? m.members().entrySet().stream().map(member -> Map.entry(what + " member \"" + member.getKey() + "\"", member.getValue()))
                            : Stream.empty();
                    return Stream.concat(own, members);
                });
    }
}
