package dev.ddbstreams.codegen.emit;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeSpec;
import dev.ddbstreams.codegen.model.Member;
import dev.ddbstreams.codegen.model.StructureShape;
import javax.lang.model.element.Modifier;

/**
 * An immutable structure with a builder: private constructor, accessors without a {@code get} prefix,
 * {@code builder()}/{@code toBuilder()}, value-based {@code equals}/{@code hashCode}, and a {@code toString}
 * that leaves out absent members and redacts sensitive ones. Lists and maps are held as unmodifiable copies
 * and stay null when absent, so that absent and empty can be told apart with {@code hasX()}.
 */
final class StructureEmitter implements FileEmitter {

    private final GenerationContext context;
    private final StructureShape shape;
    private final ClassName self;
    private final ClassName builder;
    private final RequestOverrideMembers overrides;
    private final ResponseMetadataMembers responseMetadata;
    private final MemberMethods members;

    StructureEmitter(GenerationContext context, StructureShape shape) {
        this.context = context;
        this.shape = shape;
        this.self = context.classOf(shape);
        this.builder = self.nestedClass("Builder");
        this.overrides = new RequestOverrideMembers(shape, self);
        this.responseMetadata = new ResponseMetadataMembers(shape, self);
        this.members = new MemberMethods(context, shape.name(), self, builder);
    }

    @Override
    public JavaFile emit() {
        TypeSpec.Builder type = TypeSpec.classBuilder(self)
                .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
                .addJavadoc("$L", classDoc());
        MethodSpec.Builder constructor = MethodSpec.constructorBuilder()
                .addModifiers(Modifier.PRIVATE)
                .addParameter(builder, "builder");
        for (Member member : shape.members()) {
            type.addField(context.storageType(member.targetShape()), member.javaName(), Modifier.PRIVATE, Modifier.FINAL);
            constructor.addStatement("this.$N = builder.$N", member.javaName(), member.javaName());
        }
        overrides.addTo(type, constructor);
        responseMetadata.addTo(type, constructor);
        type.addMethod(constructor.build());
        for (Member member : shape.members()) {
            members.addAccessors(type, member);
        }
        members.addBuilderFactories(type, "A new, empty builder.\n", "A builder that starts with this object's values.\n");
        overrides.addEquals(type, ValueMethods.equalsMethod(self, shape.members()));
        type.addMethod(ValueMethods.hashCodeMethod(shape.members()));
        type.addMethod(ValueMethods.toStringMethod(context, self.simpleName(), shape.members()));
        type.addType(builderType());
        return JavaFiles.of(context.modelPackage(), type.build());
    }

    private String classDoc() {
        String doc = Javadocs.fromModel(shape.documentation());
        return switch (shape.role()) {
            case REQUEST -> doc + (doc.isEmpty() ? "" : "<p>") + "The request of the {@code "
                    + shape.javaName().substring(0, shape.javaName().length() - "Request".length()) + "} operation.\n";
            case RESPONSE -> doc + (doc.isEmpty() ? "" : "<p>") + "The response of the {@code "
                    + shape.javaName().substring(0, shape.javaName().length() - "Response".length()) + "} operation.\n";
            default -> doc.isEmpty() ? "The {@code " + Javadocs.escapePlain(shape.name()) + "} structure.\n" : doc;
        };
    }

    private TypeSpec builderType() {
        TypeSpec.Builder type = TypeSpec.classBuilder(builder)
                .addModifiers(Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
                .addJavadoc("Builds {@link $T}. Not thread-safe; each {@link #build()} returns an independent, immutable object.\n", self);
        MethodSpec.Builder copying = MethodSpec.constructorBuilder()
                .addModifiers(Modifier.PRIVATE)
                .addParameter(self, "source");
        for (Member member : shape.members()) {
            type.addField(context.storageType(member.targetShape()), member.javaName(), Modifier.PRIVATE);
            copying.addStatement("this.$N = source.$N", member.javaName(), member.javaName());
        }
        overrides.addToBuilder(type, copying);
        responseMetadata.addToBuilder(type, copying);
        type.addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build());
        type.addMethod(copying.build());
        for (Member member : shape.members()) {
            members.addSetters(type, member);
        }
        type.addMethod(MethodSpec.methodBuilder("build")
                .addModifiers(Modifier.PUBLIC)
                .returns(self)
                .addJavadoc("An immutable {@link $T} with the values set so far.\n", self)
                .addStatement("return new $T(this)", self)
                .build());
        return type.build();
    }
}
