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
import dev.ddbstreams.codegen.model.UnionShape;
import dev.ddbstreams.codegen.naming.JavaNames;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import javax.lang.model.element.Modifier;

/**
 * A union as a {@code sealed interface} with one record per variant and an {@code Unknown} record that keeps a
 * member this client does not know, as raw JSON, so that it survives a round trip. Holding two members at once
 * cannot be expressed. Factories and accessors follow the AWS SDK v2 names ({@code fromS}, {@code s()}) so
 * that migrating code mostly changes its imports.
 */
final class UnionEmitter implements FileEmitter {

    static final String UNKNOWN_VARIANT = "Unknown";
    static final String TYPE_ENUM = "Type";

    private final GenerationContext context;
    private final UnionShape shape;
    private final ClassName self;
    private final ClassName typeEnum;

    UnionEmitter(GenerationContext context, UnionShape shape) {
        this.context = context;
        this.shape = shape;
        this.self = context.classOf(shape);
        this.typeEnum = self.nestedClass(TYPE_ENUM);
    }

    /** The record class of a variant. */
    static ClassName variantClass(ClassName union, Member member) {
        return union.nestedClass(JavaNames.variantClassName(member.javaName()));
    }

    /** The {@code Type} constant of a variant. */
    static String typeConstant(Member member) {
        return member.javaName().toUpperCase(Locale.ROOT);
    }

    @Override
    public JavaFile emit() {
        List<ClassName> permitted = new ArrayList<>();
        shape.members().forEach(member -> permitted.add(variantClass(self, member)));
        permitted.add(self.nestedClass(UNKNOWN_VARIANT));
        String doc = Javadocs.fromModel(shape.documentation());
        TypeSpec.Builder type = TypeSpec.interfaceBuilder(self)
                .addModifiers(Modifier.PUBLIC, Modifier.SEALED)
                .addPermittedSubclasses(permitted)
                .addJavadoc("$L", doc.isEmpty() ? "The {@code " + Javadocs.escapePlain(shape.name()) + "} union.\n" : doc)
                .addJavadoc("<p>Exactly one member is set: each is a record of this sealed interface, made by a {@code from} factory.\n"
                        + "A member this client does not know arrives as {@link $L} and is sent back unchanged.\n", UNKNOWN_VARIANT);
        type.addType(typeEnumSpec());
        type.addMethod(MethodSpec.methodBuilder("type")
                .addModifiers(Modifier.PUBLIC, Modifier.ABSTRACT)
                .returns(typeEnum)
                .addJavadoc("Which member is set.\n")
                .build());
        for (Member member : shape.members()) {
            addFactory(type, member);
        }
        for (Member member : shape.members()) {
            addDefaultAccessors(type, member);
        }
        for (Member member : shape.members()) {
            type.addType(variantSpec(member));
        }
        type.addType(unknownSpec());
        return JavaFiles.of(context.modelPackage(), type.build());
    }

    private TypeSpec typeEnumSpec() {
        TypeSpec.Builder spec = TypeSpec.enumBuilder(typeEnum)
                .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                .addJavadoc("The members of {@link $T}.\n", self);
        for (Member member : shape.members()) {
            spec.addEnumConstant(typeConstant(member), TypeSpec.anonymousClassBuilder("")
                    .addJavadoc("The {@code $L} member.\n", Javadocs.escapePlain(member.wireName()))
                    .build());
        }
        spec.addEnumConstant(EnumEmitter.UNKNOWN, TypeSpec.anonymousClassBuilder("")
                .addJavadoc("A member this client does not know.\n")
                .build());
        return spec.build();
    }

    private void addFactory(TypeSpec.Builder type, Member member) {
        ClassName variant = variantClass(self, member);
        type.addMethod(MethodSpec.methodBuilder("from" + JavaFilesNames.capitalize(member.javaName()))
                .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                .returns(self)
                .addJavadoc("A union value with the {@code $L} member set.\n", Javadocs.escapePlain(member.wireName()))
                .addJavadoc(context.isCollection(member.targetShape()) ? "The collection is copied.\n" : "")
                .addJavadoc("\n@param value the value, not null\n@return the union value\n")
                .addParameter(context.storageType(member.targetShape()), "value")
                .addStatement("return new $T(value)", variant)
                .build());
    }

    private void addDefaultAccessors(TypeSpec.Builder type, Member member) {
        String name = member.javaName();
        Shape target = context.model().shape(member.targetShape());
        String doc = MemberDocs.accessor(context, member);
        if (target instanceof ListShape || target instanceof MapShape) {
            String has = "has" + JavaFilesNames.capitalize(name);
            type.addMethod(MethodSpec.methodBuilder(has)
                    .addModifiers(Modifier.PUBLIC, Modifier.DEFAULT)
                    .returns(TypeName.BOOLEAN)
                    .addJavadoc("Whether this is the {@code $L} member.\n", Javadocs.escapePlain(member.wireName()))
                    .addStatement("return false")
                    .build());
            type.addMethod(MethodSpec.methodBuilder(name)
                    .addModifiers(Modifier.PUBLIC, Modifier.DEFAULT)
                    .returns(context.storageType(member.targetShape()))
                    .addJavadoc("$L", doc)
                    .addJavadoc("<p>Empty unless this is the {@code $L} member (see {@link #$L()}).\n", Javadocs.escapePlain(member.wireName()), has)
                    .addStatement("return $T.of()", target instanceof ListShape ? List.class : Map.class)
                    .build());
            return;
        }
        type.addMethod(MethodSpec.methodBuilder(name)
                .addModifiers(Modifier.PUBLIC, Modifier.DEFAULT)
                .returns(context.storageType(member.targetShape()))
                .addJavadoc("$L", doc)
                .addJavadoc("<p>Null unless this is the {@code $L} member.\n", Javadocs.escapePlain(member.wireName()))
                .addStatement("return null")
                .build());
    }

    private TypeSpec variantSpec(Member member) {
        ClassName variant = variantClass(self, member);
        String name = member.javaName();
        Shape target = context.model().shape(member.targetShape());
        boolean collection = target instanceof ListShape || target instanceof MapShape;
        MethodSpec.Builder compact = MethodSpec.compactConstructorBuilder()
                .addModifiers(Modifier.PUBLIC)
                .addStatement("$T.requireNonNull(value, $S)", Objects.class, shape.name() + "." + member.wireName() + " value");
        if (collection) {
            compact.addStatement("value = $L", Copies.copy(context, member.targetShape(), CodeBlock.of("value"), shape.name() + "." + member.wireName()));
        }
        TypeSpec.Builder spec = TypeSpec.recordBuilder(variant)
                .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                .addSuperinterface(self)
                .addJavadoc("The {@code $L} member.\n\n@param value the member's value, never null\n", Javadocs.escapePlain(member.wireName()))
                .recordConstructor(MethodSpec.constructorBuilder()
                        .addParameter(context.storageType(member.targetShape()), "value")
                        .build())
                .addMethod(compact.build())
                .addMethod(MethodSpec.methodBuilder("type")
                        .addAnnotation(Override.class)
                        .addModifiers(Modifier.PUBLIC)
                        .returns(typeEnum)
                        .addStatement("return $T.$L", typeEnum, typeConstant(member))
                        .build())
                .addMethod(MethodSpec.methodBuilder(name)
                        .addAnnotation(Override.class)
                        .addModifiers(Modifier.PUBLIC)
                        .returns(context.storageType(member.targetShape()))
                        .addStatement("return value")
                        .build())
                .addMethod(MethodSpec.methodBuilder("toString")
                        .addAnnotation(Override.class)
                        .addModifiers(Modifier.PUBLIC)
                        .returns(String.class)
                        .addStatement("return $T.of($S).$L($S, value).build()", RuntimeTypes.TO_STRING_BUILDER, self.simpleName(),
                                context.isSensitive(member.targetShape()) ? "addSensitive" : "add", member.wireName())
                        .build());
        if (collection) {
            spec.addMethod(MethodSpec.methodBuilder("has" + JavaFilesNames.capitalize(name))
                    .addAnnotation(Override.class)
                    .addModifiers(Modifier.PUBLIC)
                    .returns(TypeName.BOOLEAN)
                    .addStatement("return true")
                    .build());
        }
        return spec.build();
    }

    private TypeSpec unknownSpec() {
        ClassName unknown = self.nestedClass(UNKNOWN_VARIANT);
        return TypeSpec.recordBuilder(unknown)
                .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                .addSuperinterface(self)
                .addJavadoc("A member this client does not know, kept as the service sent it so that it can be sent back.\n\n"
                        + "@param memberName the member's name on the wire\n"
                        + "@param json the member's value as JSON text\n")
                .recordConstructor(MethodSpec.constructorBuilder()
                        .addParameter(String.class, "memberName")
                        .addParameter(String.class, "json")
                        .build())
                .addMethod(MethodSpec.compactConstructorBuilder()
                        .addModifiers(Modifier.PUBLIC)
                        .addStatement("$T.requireNonNull(memberName, $S)", Objects.class, "memberName")
                        .addStatement("$T.requireNonNull(json, $S)", Objects.class, "json")
                        .build())
                .addMethod(MethodSpec.methodBuilder("type")
                        .addAnnotation(Override.class)
                        .addModifiers(Modifier.PUBLIC)
                        .returns(typeEnum)
                        .addStatement("return $T.$L", typeEnum, EnumEmitter.UNKNOWN)
                        .build())
                .addMethod(MethodSpec.methodBuilder("toString")
                        .addAnnotation(Override.class)
                        .addModifiers(Modifier.PUBLIC)
                        .returns(String.class)
                        .addStatement("return $T.of($S).add(memberName, json).build()", RuntimeTypes.TO_STRING_BUILDER, self.simpleName())
                        .build())
                .build();
    }
}
