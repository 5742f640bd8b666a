package dev.ddbstreams.codegen.emit;

import com.palantir.javapoet.ArrayTypeName;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import com.palantir.javapoet.WildcardTypeName;
import dev.ddbstreams.codegen.model.ListShape;
import dev.ddbstreams.codegen.model.MapShape;
import dev.ddbstreams.codegen.model.Member;
import dev.ddbstreams.codegen.model.Shape;
import dev.ddbstreams.codegen.model.StructureShape;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import javax.lang.model.element.Modifier;

/**
 * The accessors and builder setters of a class that holds members in fields of their storage type: structures, and
 * exceptions with modeled members. Accessors have no {@code get} prefix; a list or map member also has
 * {@code hasX()}, reads as empty when absent, and is copied into an unmodifiable form by its setter; an enum member
 * reads as the enum and as its wire string; a structure member can be built in place with a
 * {@code Consumer<Builder>}.
 */
final class MemberMethods {

    private final GenerationContext context;
    private final String shapeName;
    private final ClassName self;
    private final ClassName builder;

    /**
     * @param shapeName the model name of the shape, for messages
     * @param self the class that has the accessors
     * @param builder its builder, which has the setters
     */
    MemberMethods(GenerationContext context, String shapeName, ClassName self, ClassName builder) {
        this.context = context;
        this.shapeName = shapeName;
        this.self = self;
        this.builder = builder;
    }

    /** Adds {@code builder()}, a new builder, and {@code toBuilder()}, one that starts from the object's values. */
    void addBuilderFactories(TypeSpec.Builder type, String builderDoc, String toBuilderDoc) {
        type.addMethod(MethodSpec.methodBuilder("builder")
                .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                .returns(builder)
                .addJavadoc("$L", builderDoc)
                .addStatement("return new $T()", builder)
                .build());
        type.addMethod(MethodSpec.methodBuilder("toBuilder")
                .addModifiers(Modifier.PUBLIC)
                .returns(builder)
                .addJavadoc("$L", toBuilderDoc)
                .addStatement("return new $T(this)", builder)
                .build());
    }

    /** Adds the accessors of {@code member} to {@code type}. */
    void addAccessors(TypeSpec.Builder type, Member member) {
        String name = member.javaName();
        String doc = MemberDocs.accessor(context, member);
        Shape target = context.model().shape(member.targetShape());
        if (context.isEnum(member.targetShape())) {
            ClassName enumType = context.classOf(target);
            type.addMethod(MethodSpec.methodBuilder(name)
                    .addModifiers(Modifier.PUBLIC)
                    .returns(enumType)
                    .addJavadoc("$L", doc)
                    .addJavadoc("<p>A value this client does not know reads as {@link $T#$L}; {@link #$L()} has it as sent.\n",
                            enumType, EnumEmitter.UNKNOWN, name + "AsString")
                    .addStatement("return $T.fromValue($N)", enumType, name)
                    .build());
            type.addMethod(MethodSpec.methodBuilder(name + "AsString")
                    .addModifiers(Modifier.PUBLIC)
                    .returns(String.class)
                    .addJavadoc("$L", doc)
                    .addJavadoc("<p>The value as sent, whether or not this client knows it; null when absent.\n")
                    .addStatement("return $N", name)
                    .build());
            return;
        }
        if (target instanceof ListShape || target instanceof MapShape) {
            String kind = target instanceof ListShape ? "list" : "map";
            type.addMethod(MethodSpec.methodBuilder("has" + JavaFilesNames.capitalize(name))
                    .addModifiers(Modifier.PUBLIC)
                    .returns(TypeName.BOOLEAN)
                    .addJavadoc("Whether {@link #$L()} was set (by the caller or by the service), even if to an empty $L.\n", name, kind)
                    .addStatement("return $N != null", name)
                    .build());
            type.addMethod(MethodSpec.methodBuilder(name)
                    .addModifiers(Modifier.PUBLIC)
                    .returns(context.storageType(member.targetShape()))
                    .addJavadoc("$L", doc)
                    .addJavadoc("<p>Never null and unmodifiable: an absent member reads as an empty $L; {@link #$L()} tells the two apart.\n",
                            kind, "has" + JavaFilesNames.capitalize(name))
                    .addStatement("return $N == null ? $T.of() : $N", name, target instanceof ListShape ? List.class : Map.class, name)
                    .build());
            return;
        }
        type.addMethod(MethodSpec.methodBuilder(name)
                .addModifiers(Modifier.PUBLIC)
                .returns(context.storageType(member.targetShape()))
                .addJavadoc("$L", doc)
                .addJavadoc("<p>Null when absent.\n")
                .addStatement("return $N", name)
                .build());
    }

    /** Adds the setters of {@code member} to the builder {@code type}. */
    void addSetters(TypeSpec.Builder type, Member member) {
        String name = member.javaName();
        String target = member.targetShape();
        Shape targetShape = context.model().shape(target);
        TypeName storage = context.storageType(target);
        String where = shapeName + "." + member.wireName();
        String seeAlso = "Sets {@link $T#$L()}.\n";
        if (targetShape instanceof ListShape list) {
            TypeName element = context.storageType(list.memberShape());
            TypeName collection = ParameterizedTypeName.get(ClassName.get(Collection.class), WildcardTypeName.subtypeOf(element));
            type.addMethod(setter(name).addJavadoc(seeAlso, self, name)
                    .addJavadoc("The collection is copied; null makes the member absent.\n")
                    .addParameter(collection, name)
                    .addStatement("this.$N = $L", name, Copies.copy(context, target, CodeBlock.of("$N", name), where))
                    .addStatement("return this")
                    .build());
            if (!(element instanceof ParameterizedTypeName)) {
                type.addMethod(setter(name).addJavadoc(seeAlso, self, name)
                        .addParameter(ParameterSpec.builder(ArrayTypeName.of(element), name).build())
                        .varargs(true)
                        .addStatement("return $N($N == null ? null : $T.asList($N))", name, name, Arrays.class, name)
                        .build());
            }
            return;
        }
        if (targetShape instanceof MapShape map) {
            TypeName value = context.storageType(map.valueShape());
            TypeName parameter = ParameterizedTypeName.get(ClassName.get(Map.class), ClassName.get(String.class), WildcardTypeName.subtypeOf(value));
            type.addMethod(setter(name).addJavadoc(seeAlso, self, name)
                    .addJavadoc("The map is copied, keeping its order; null makes the member absent.\n")
                    .addParameter(parameter, name)
                    .addStatement("this.$N = $L", name, Copies.copy(context, target, CodeBlock.of("$N", name), where))
                    .addStatement("return this")
                    .build());
            return;
        }
        if (context.isEnum(target)) {
            ClassName enumType = context.classOf(target);
            type.addMethod(setter(name).addJavadoc(seeAlso, self, name)
                    .addJavadoc("{@link $T#$L} stands for no particular value and is refused; pass the value as a string instead.\n",
                            enumType, EnumEmitter.UNKNOWN)
                    .addParameter(enumType, name)
                    .beginControlFlow("if ($N == $T.$L)", name, enumType, EnumEmitter.UNKNOWN)
                    .addStatement("throw new $T($S)", IllegalArgumentException.class,
                            where + " cannot be set to " + EnumEmitter.UNKNOWN + ", which stands for a value this client does not know;"
                                    + " pass the value as a string")
                    .endControlFlow()
                    .addStatement("this.$N = $N == null ? null : $N.toString()", name, name, name)
                    .addStatement("return this")
                    .build());
            type.addMethod(setter(name).addJavadoc(seeAlso, self, name)
                    .addJavadoc("Takes the value as sent on the wire, so values newer than this client can be used.\n")
                    .addParameter(String.class, name)
                    .addStatement("this.$N = $N", name, name)
                    .addStatement("return this")
                    .build());
            return;
        }
        type.addMethod(setter(name).addJavadoc(seeAlso, self, name)
                .addParameter(storage, name)
                .addStatement("this.$N = $N", name, name)
                .addStatement("return this")
                .build());
        if (targetShape instanceof StructureShape) {
            ClassName nested = context.classOf(target);
            ClassName nestedBuilder = nested.nestedClass("Builder");
            type.addMethod(setter(name)
                    .addJavadoc("Sets {@link $T#$L()} to what {@code $L} builds on a new {@link $T.Builder}.\n", self, name, name, nested)
                    .addParameter(ParameterizedTypeName.get(ClassName.get(Consumer.class), nestedBuilder), name)
                    .addStatement("$T.requireNonNull($N, $S)", Objects.class, name, name)
                    .addStatement("$T builder = $T.builder()", nestedBuilder, nested)
                    .addStatement("$N.accept(builder)", name)
                    .addStatement("return $N(builder.build())", name)
                    .build());
        }
    }

    private MethodSpec.Builder setter(String name) {
        return MethodSpec.methodBuilder(name).addModifiers(Modifier.PUBLIC).returns(builder);
    }
}
