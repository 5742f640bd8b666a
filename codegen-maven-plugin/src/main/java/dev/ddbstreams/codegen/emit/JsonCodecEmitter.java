package dev.ddbstreams.codegen.emit;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import dev.ddbstreams.codegen.model.ListShape;
import dev.ddbstreams.codegen.model.MapShape;
import dev.ddbstreams.codegen.model.Member;
import dev.ddbstreams.codegen.model.Shape;
import dev.ddbstreams.codegen.model.StructureShape;
import dev.ddbstreams.codegen.model.UnionShape;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.Modifier;

/**
 * The JSON reader and writer of one aggregate shape, straight on jackson-core's streaming API: a {@code switch}
 * on the member name, no reflection, no tree, no lookup tables. Unknown members are skipped (a union keeps
 * them), explicit nulls read as absent (a document's null is a value), and every wrong token is reported with the
 * shape and member it was meant for. A member or map key that appears twice in one object is refused; the readers
 * check that themselves (a bit per member, the map builder's lookup) because jackson-core's own check allocates
 * a hash set for every object of three or more members.
 *
 * <p>An error with modeled members gets a reader only, which builds its exception from the error body.
 */
final class JsonCodecEmitter implements FileEmitter {

    /** The member by which some services name a union's type in a response; the protocol has clients ignore it. */
    static final String TYPE_MEMBER = "__type";

    private final GenerationContext context;
    private final Shape shape;
    private final JsonValueCode values;

    JsonCodecEmitter(GenerationContext context, Shape shape) {
        this.context = context;
        this.shape = shape;
        this.values = new JsonValueCode(context);
    }

    @Override
    public JavaFile emit() {
        ClassName self = values.codecOf(shape.name());
        TypeSpec.Builder type = TypeSpec.classBuilder(self)
                .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
                .addJavadoc("Reads and writes {@code $L} as JSON. For generated code; not a stable API.\n", Javadocs.escapePlain(shape.name()))
                .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build());
        if (shape instanceof StructureShape structure && structure.role() == StructureShape.Role.ERROR) {
            addErrorMethod(type, structure);
        } else if (shape instanceof StructureShape structure) {
            addStructureMethods(type, structure);
        } else if (shape instanceof UnionShape union) {
            addUnionMethods(type, union);
        } else if (shape instanceof ListShape list) {
            addListMethods(type, list);
        } else if (shape instanceof MapShape map) {
            addMapMethods(type, map);
        }
        return JavaFiles.of(context.internalPackage(), type.build());
    }

    private void addStructureMethods(TypeSpec.Builder type, StructureShape structure) {
        ClassName target = context.classOf(structure);
        type.addMethod(delegatingReadMethod(target, structure.name()));
        MethodSpec.Builder read = readMethod(target)
                .addStatement("$T.expectStartObject(parser, where)", RuntimeTypes.JSON_READING)
                .addStatement("$T.Builder builder = $T.builder()", target, target);
        readMembersIntoBuilder(read, structure.name(), structure.members());
        read.addStatement("return builder.build()");
        type.addMethod(read.build());

        MethodSpec.Builder write = writeMethod(target).addStatement("generator.writeStartObject()");
        for (Member member : structure.members()) {
            CodeBlock value = CodeBlock.of("value.$N()", context.isEnum(member.targetShape()) ? member.javaName() + "AsString" : member.javaName());
            if (member.idempotencyToken()) {
                // Always sent: the runtime fills a token the caller left unset.
                write.addStatement("generator.writeFieldName($S)", member.wireName())
                        .addStatement(values.write(member, value));
                continue;
            }
            CodeBlock present = context.isCollection(member.targetShape())
                    ? CodeBlock.of("value.has$L()", JavaFilesNames.capitalize(member.javaName()))
                    : CodeBlock.of("$L != null", value);
            write.beginControlFlow("if ($L)", present)
                    .addStatement("generator.writeFieldName($S)", member.wireName())
                    .addStatement(values.write(member, value))
                    .endControlFlow();
        }
        type.addMethod(write.addStatement("generator.writeEndObject()").build());
    }

    /**
     * An error's reader: the exception with its modeled members, read from the error body, and the details the
     * runtime read from the response (code, message, request id, status). Errors are only read, never written.
     */
    private void addErrorMethod(TypeSpec.Builder type, StructureShape error) {
        ClassName target = context.classOf(error);
        MethodSpec.Builder read = MethodSpec.methodBuilder("read")
                .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                .returns(target)
                .addParameter(RuntimeTypes.AWS_ERROR_DETAILS, "details")
                .addParameter(RuntimeTypes.JSON_PARSER, "parser")
                .addException(IOException.class)
                .addJavadoc("Reads the error's members from its body, the parser on the body's first token, leaving the parser on its last;\n"
                        + "the message, already in {@code details}, is skipped with every member this client does not know.\n")
                .addStatement("$T.expectStartObject(parser, $S)", RuntimeTypes.JSON_READING, error.name())
                .addStatement("$T.Builder builder = $T.builder().awsErrorDetails(details)", target, target);
        readMembersIntoBuilder(read, error.name(), ExceptionEmitter.modeledMembers(context, error));
        type.addMethod(read.addStatement("return builder.build()").build());
    }

    /** The loop that reads an object's members into {@code builder}, skipping (and checking) the others. */
    private void readMembersIntoBuilder(MethodSpec.Builder read, String shapeName, List<Member> members) {
        beginMemberLoop(read, members.size());
        read.beginControlFlow("switch (field)");
        for (int index = 0; index < members.size(); index++) {
            Member member = members.get(index);
            String where = shapeName + "." + member.wireName();
            beginMemberCase(read, member, index, members.size(), where);
            read.addStatement("builder.$N($L)", member.javaName(), values.read(member.targetShape(), where));
            endMemberCase(read, member);
        }
        read.addCode("default:\n$>")
                .addStatement("unknown = $T.firstOccurrence(parser, unknown, field, $S)", RuntimeTypes.JSON_READING, shapeName)
                .addStatement("$T.skipUnknownMember(parser, $S, field)", RuntimeTypes.JSON_READING, shapeName)
                .addStatement("break")
                .addCode("$<");
        endMemberLoop(read);
    }

    private void addUnionMethods(TypeSpec.Builder type, UnionShape union) {
        ClassName target = context.classOf(union);
        type.addMethod(delegatingReadMethod(target, union.name()));
        MethodSpec.Builder read = readMethod(target)
                .addStatement("$T.expectStartObject(parser, where)", RuntimeTypes.JSON_READING)
                .addStatement("$T result = null", target);
        List<Member> members = union.members();
        beginMemberLoop(read, members.size());
        read.addStatement("$T previous = result", target);
        read.beginControlFlow("switch (field)");
        for (int index = 0; index < members.size(); index++) {
            Member member = members.get(index);
            String where = union.name() + "." + member.wireName();
            beginMemberCase(read, member, index, members.size(), where);
            read.addStatement("result = new $T($L)", UnionEmitter.variantClass(target, member), values.read(member.targetShape(), where));
            endMemberCase(read, member);
        }
        read.addCode("default:\n$>")
                .addStatement("unknown = $T.firstOccurrence(parser, unknown, field, $S)", RuntimeTypes.JSON_READING, union.name())
                .beginControlFlow("if (field.equals($S))", TYPE_MEMBER)
                .addComment("The union's type name, which some services add and clients must ignore.")
                .addStatement("$T.skipUnknownMember(parser, $S, field)", RuntimeTypes.JSON_READING, union.name())
                .nextControlFlow("else if (token != $T.VALUE_NULL)", RuntimeTypes.JSON_TOKEN)
                .addStatement("result = new $T(field, $T.readRawValue(parser, $S, field))", target.nestedClass(UnionEmitter.UNKNOWN_VARIANT), RuntimeTypes.JSON_READING, union.name())
                .endControlFlow()
                .addStatement("break").addCode("$<");
        read.endControlFlow();
        read.beginControlFlow("if (previous != null && result != previous)")
                .addStatement("throw $T.malformed(parser, $S, \"more than one member is set (\" + previous.type() + \" and \" + field + \")\")",
                        RuntimeTypes.JSON_READING, union.name())
                .endControlFlow();
        read.endControlFlow();
        read.beginControlFlow("if (result == null)")
                .addStatement("throw $T.malformed(parser, $S, \"no member is set\")", RuntimeTypes.JSON_READING, union.name())
                .endControlFlow()
                .addStatement("return result");
        type.addMethod(read.build());

        MethodSpec.Builder write = writeMethod(target).addStatement("generator.writeStartObject()");
        write.beginControlFlow("switch (value.type())");
        for (Member member : union.members()) {
            write.addCode("case $L:\n$>", UnionEmitter.typeConstant(member))
                    .addStatement("generator.writeFieldName($S)", member.wireName())
                    .addStatement(values.write(member, CodeBlock.of("value.$N()", member.javaName())))
                    .addStatement("break")
                    .addCode("$<");
        }
        ClassName unknown = target.nestedClass(UnionEmitter.UNKNOWN_VARIANT);
        write.addCode("default:\n$>")
                .addStatement("$T unknown = ($T) value", unknown, unknown)
                .addStatement("generator.writeFieldName(unknown.memberName())")
                .addStatement("generator.writeRawValue(unknown.json())")
                .addStatement("break")
                .addCode("$<");
        write.endControlFlow();
        type.addMethod(write.addStatement("generator.writeEndObject()").build());
    }

    private void addListMethods(TypeSpec.Builder type, ListShape list) {
        TypeName element = context.storageType(list.memberShape());
        TypeName listType = ParameterizedTypeName.get(ClassName.get(List.class), element);
        String where = list.name() + " element";
        type.addMethod(delegatingReadMethod(listType, list.name()));
        MethodSpec.Builder read = readMethod(listType)
                .addStatement("$T.expectStartArray(parser, where)", RuntimeTypes.JSON_READING)
                .addStatement("$T<$T> list = new $T<>()", ArrayList.class, element, ArrayList.class)
                .beginControlFlow("while (parser.nextToken() != $T.END_ARRAY)", RuntimeTypes.JSON_TOKEN);
        if (!values.readsNull(list.memberShape())) {
            read.beginControlFlow("if (parser.currentToken() == $T.VALUE_NULL)", RuntimeTypes.JSON_TOKEN)
                    .addStatement("throw $T.malformed(parser, $S, \"null is not allowed in a list\")", RuntimeTypes.JSON_READING, where)
                    .endControlFlow();
        }
        read.addStatement("list.add($L)", values.read(list.memberShape(), where))
                .endControlFlow()
                .addStatement("return $T.adoptUnsafe(list)", RuntimeTypes.MODEL_COPIES);
        type.addMethod(read.build());
        MethodSpec.Builder write = writeMethod(listType)
                .addStatement("generator.writeStartArray()")
                .beginControlFlow("for ($T element : value)", element)
                .addStatement(values.write(list.memberShape(), CodeBlock.of("element")))
                .endControlFlow()
                .addStatement("generator.writeEndArray()");
        type.addMethod(write.build());
    }

    private void addMapMethods(TypeSpec.Builder type, MapShape map) {
        TypeName valueType = context.storageType(map.valueShape());
        TypeName mapType = ParameterizedTypeName.get(ClassName.get(Map.class), ClassName.get(String.class), valueType);
        String where = map.name() + " value";
        type.addMethod(delegatingReadMethod(mapType, map.name()));
        MethodSpec.Builder read = readMethod(mapType)
                .addStatement("$T.expectStartObject(parser, where)", RuntimeTypes.JSON_READING)
                .addStatement("$T<$T> map = new $T<>()", RuntimeTypes.ORDERED_MAP_BUILDER, valueType, RuntimeTypes.ORDERED_MAP_BUILDER)
                .addStatement("$T key", String.class)
                .beginControlFlow("while ((key = parser.nextFieldName()) != null)");
        if (values.readsNull(map.valueShape())) {
            read.addStatement("parser.nextToken()");
        } else {
            read.beginControlFlow("if (parser.nextToken() == $T.VALUE_NULL)", RuntimeTypes.JSON_TOKEN)
                    .addStatement("throw $T.malformed(parser, $S, \"null is not allowed as a map value (key \" + key + \")\")", RuntimeTypes.JSON_READING, where)
                    .endControlFlow();
        }
        read.beginControlFlow("if (!map.put(key, $L))", values.read(map.valueShape(), where))
                .addStatement("throw $T.duplicateKey(parser, $S, key)", RuntimeTypes.JSON_READING, map.name())
                .endControlFlow()
                .endControlFlow()
                .addStatement("return map.build()");
        type.addMethod(read.build());
        MethodSpec.Builder write = writeMethod(mapType)
                .addStatement("generator.writeStartObject()")
                .beginControlFlow("for ($T.Entry<$T, $T> entry : value.entrySet())", Map.class, String.class, valueType)
                .addStatement("generator.writeFieldName(entry.getKey())")
                .addStatement(values.write(map.valueShape(), CodeBlock.of("entry.getValue()")))
                .endControlFlow()
                .addStatement("generator.writeEndObject()");
        type.addMethod(write.build());
    }

    /**
     * Declares what the loop over an object's members tracks (the members met, as bits of a {@code long} or, past
     * 64 members, a {@code boolean[]}; unknown members met) and opens the loop, naming each {@code field} and its
     * first value {@code token}.
     */
    private static void beginMemberLoop(MethodSpec.Builder method, int memberCount) {
        if (memberCount > Long.SIZE) {
            method.addStatement("boolean[] seen = new boolean[$L]", memberCount);
        } else if (memberCount > 0) {
            method.addStatement("long seen = 0L");
        }
        method.addStatement("$T<$T> unknown = null", Set.class, String.class)
                .addStatement("$T field", String.class)
                .beginControlFlow("while ((field = parser.nextFieldName()) != null)");
        if (memberCount > 0) {
            method.addStatement("$T token = parser.nextToken()", RuntimeTypes.JSON_TOKEN);
        } else {
            method.addStatement("parser.nextToken()");
        }
    }

    /**
     * Opens the {@code case} of one member: refuses the member a second time in the object, then reads it unless
     * its value is an explicit null, which reads as absent (a document's null is a value, and is read).
     */
    private void beginMemberCase(MethodSpec.Builder method, Member member, int index, int memberCount, String where) {
        method.addCode("case $S:\n$>", member.wireName());
        if (memberCount > Long.SIZE) {
            method.addStatement("$T.firstOccurrence(parser, seen, $L, $S)", RuntimeTypes.JSON_READING, index, where);
        } else {
            method.addStatement("seen = $T.firstOccurrence(parser, seen, 1L << $L, $S)", RuntimeTypes.JSON_READING, index, where);
        }
        if (!values.readsNull(member.targetShape())) {
            method.beginControlFlow("if (token != $T.VALUE_NULL)", RuntimeTypes.JSON_TOKEN);
        }
    }

    private void endMemberCase(MethodSpec.Builder method, Member member) {
        if (!values.readsNull(member.targetShape())) {
            method.endControlFlow();
        }
        method.addStatement("break").addCode("$<");
    }

    /** Closes the {@code switch} on the member name and the loop around it. */
    private static void endMemberLoop(MethodSpec.Builder method) {
        method.endControlFlow().endControlFlow();
    }

    private static MethodSpec.Builder readMethod(TypeName returns) {
        return MethodSpec.methodBuilder("read")
                .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                .returns(returns)
                .addParameter(RuntimeTypes.JSON_PARSER, "parser")
                .addParameter(String.class, "where")
                .addException(IOException.class)
                .addJavadoc("Reads a value whose first token is the parser's current token, leaving the parser on its last token;\n"
                        + "{@code where} names the member being read, for messages.\n");
    }

    /** {@code read(parser)}: the same, for a value that is not a member (a whole response, a test's input). */
    private static MethodSpec delegatingReadMethod(TypeName returns, String shapeName) {
        return MethodSpec.methodBuilder("read")
                .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                .returns(returns)
                .addParameter(RuntimeTypes.JSON_PARSER, "parser")
                .addException(IOException.class)
                .addJavadoc("Reads a value whose first token is the parser's current token, leaving the parser on its last token.\n")
                .addStatement("return read(parser, $S)", shapeName)
                .build();
    }

    private static MethodSpec.Builder writeMethod(TypeName valueType) {
        return MethodSpec.methodBuilder("write")
                .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                .addParameter(RuntimeTypes.JSON_GENERATOR, "generator")
                .addParameter(valueType, "value")
                .addException(IOException.class)
                .addJavadoc("Writes {@code value}, which must not be null.\n");
    }
}
