package dev.ddbstreams.codegen.emit;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import dev.ddbstreams.codegen.model.Member;
import dev.ddbstreams.codegen.model.ScalarShape;
import dev.ddbstreams.codegen.model.ScalarType;
import dev.ddbstreams.codegen.model.StructureShape;
import java.util.List;
import java.util.Locale;
import javax.lang.model.element.Modifier;

/**
 * The service's base exception, and one final exception per modeled error under it. The error's code, message,
 * request id and HTTP status travel in the runtime's {@code AwsErrorDetails}; its other modeled members
 * ({@code TransactionCanceledException.cancellationReasons()}) are read from the error body by the generated
 * {@code <Error>Json} reader and have accessors as a structure's do, with a builder for tests and mocks.
 */
final class ExceptionEmitter implements FileEmitter {

    private static final String DETAILS = "awsErrorDetails";

    private final GenerationContext context;
    private final StructureShape error;

    /** Emits the base exception when {@code error} is null, otherwise that modeled error. */
    ExceptionEmitter(GenerationContext context, StructureShape error) {
        this.context = context;
        this.error = error;
    }

    /**
     * The members an exception has accessors for: all but the message ({@code message} or {@code Message}, a
     * string), which is the exception's {@code errorMessage()}, as in the AWS SDK for Java v2.
     */
    static List<Member> modeledMembers(GenerationContext context, StructureShape error) {
        return error.members().stream().filter(member -> !isMessage(context, member)).toList();
    }

    private static boolean isMessage(GenerationContext context, Member member) {
        return member.wireName().toLowerCase(Locale.ROOT).equals("message")
                && context.model().shape(member.targetShape()) instanceof ScalarShape scalar && scalar.type() == ScalarType.STRING;
    }

    @Override
    public JavaFile emit() {
        return error == null ? base() : modeled();
    }

    private JavaFile base() {
        ClassName self = context.baseException();
        TypeSpec type = TypeSpec.classBuilder(self)
                .addModifiers(Modifier.PUBLIC)
                .superclass(RuntimeTypes.AWS_SERVICE_EXCEPTION)
                .addJavadoc("An error answer from $L. Modeled errors are subclasses; any other error code arrives as this class,\n"
                        + "with the code in {@link #errorCode()}.\n", Javadocs.escapePlain(context.model().info().fullName()))
                .addField(serialVersionUid())
                .addMethod(MethodSpec.constructorBuilder()
                        .addModifiers(Modifier.PUBLIC)
                        .addJavadoc("Creates the exception for an error the service returned.\n\n"
                                + "@param details what the service said: code, message, request id and HTTP status\n")
                        .addParameter(RuntimeTypes.AWS_ERROR_DETAILS, "details")
                        .addStatement("super(details)")
                        .build())
                .build();
        return JavaFiles.of(context.modelPackage(), type);
    }

    private JavaFile modeled() {
        ClassName self = context.classOf(error);
        List<Member> members = modeledMembers(context, error);
        String doc = Javadocs.fromModel(error.documentation());
        TypeSpec.Builder type = TypeSpec.classBuilder(self)
                .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
                .superclass(context.baseException())
                .addJavadoc("$L", doc.isEmpty() ? "The {@code " + Javadocs.escapePlain(error.name()) + "} error.\n" : doc)
                .addJavadoc("<p>Error code {@code $L}$L.\n", Javadocs.escapePlain(error.error().errorCode()),
                        error.error().httpStatus() > 0 ? ", HTTP status " + error.error().httpStatus() : "")
                .addJavadoc(members.isEmpty() ? "" : "<p>The members the service sends with the error are read from its body; a body that is\n"
                        + "not JSON leaves them absent. They are not serialized with the exception.\n")
                .addField(FieldSpec.builder(String.class, "ERROR_CODE", Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
                        .addJavadoc("The error code the service sends for this error.\n")
                        .initializer("$S", error.error().errorCode())
                        .build())
                .addField(serialVersionUid());
        MethodSpec.Builder fromDetails = MethodSpec.constructorBuilder()
                .addModifiers(Modifier.PUBLIC)
                .addJavadoc("Creates the exception from the error the service returned$L.\n\n"
                        + "@param details what the service said: code, message, request id and HTTP status\n",
                        members.isEmpty() ? "" : ", without its members")
                .addParameter(RuntimeTypes.AWS_ERROR_DETAILS, "details");
        if (members.isEmpty()) {
            return JavaFiles.of(context.modelPackage(), type.addMethod(fromDetails.addStatement("super(details)").build()).build());
        }
        ClassName builder = self.nestedClass("Builder");
        MemberMethods methods = new MemberMethods(context, error.name(), self, builder);
        MethodSpec.Builder fromBuilder = MethodSpec.constructorBuilder()
                .addModifiers(Modifier.PRIVATE)
                .addParameter(builder, "builder")
                .addStatement("super(builder.$N)", DETAILS);
        for (Member member : members) {
            // Transient: the member types are not serializable; a deserialized exception keeps its details only.
            type.addField(context.storageType(member.targetShape()), member.javaName(), Modifier.PRIVATE, Modifier.FINAL, Modifier.TRANSIENT);
            fromBuilder.addStatement("this.$N = builder.$N", member.javaName(), member.javaName());
        }
        type.addMethod(fromDetails.addStatement("this(new $T().$N(details))", builder, DETAILS).build());
        type.addMethod(fromBuilder.build());
        for (Member member : members) {
            methods.addAccessors(type, member);
        }
        methods.addBuilderFactories(type, "A new, empty builder, for an exception made by hand (a test's, a mock's).\n",
                "A builder that starts with this exception's details and members.\n");
        type.addType(builderType(self, builder, members, methods));
        return JavaFiles.of(context.modelPackage(), type.build());
    }

    private TypeSpec builderType(ClassName self, ClassName builder, List<Member> members, MemberMethods methods) {
        TypeSpec.Builder type = TypeSpec.classBuilder(builder)
                .addModifiers(Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
                .addJavadoc("Builds {@link $T}. Not thread-safe.\n", self)
                .addField(RuntimeTypes.AWS_ERROR_DETAILS, DETAILS, Modifier.PRIVATE);
        MethodSpec.Builder copying = MethodSpec.constructorBuilder()
                .addModifiers(Modifier.PRIVATE)
                .addParameter(self, "source")
                .addStatement("this.$N = source.$N()", DETAILS, DETAILS);
        for (Member member : members) {
            type.addField(context.storageType(member.targetShape()), member.javaName(), Modifier.PRIVATE);
            copying.addStatement("this.$N = source.$N", member.javaName(), member.javaName());
        }
        type.addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build())
                .addMethod(copying.build())
                .addMethod(MethodSpec.methodBuilder(DETAILS)
                        .addModifiers(Modifier.PUBLIC)
                        .returns(builder)
                        .addJavadoc("Sets what the service said: code, message, request id and HTTP status. Required.\n")
                        .addParameter(RuntimeTypes.AWS_ERROR_DETAILS, DETAILS)
                        .addStatement("this.$N = $N", DETAILS, DETAILS)
                        .addStatement("return this")
                        .build());
        for (Member member : members) {
            methods.addSetters(type, member);
        }
        return type.addMethod(MethodSpec.methodBuilder("build")
                        .addModifiers(Modifier.PUBLIC)
                        .returns(self)
                        .addJavadoc("The exception, with the values set so far.\n\n"
                                + "@throws NullPointerException when {@link #$N($T)} was not set\n", DETAILS, RuntimeTypes.AWS_ERROR_DETAILS)
                        .addStatement("return new $T(this)", self)
                        .build())
                .build();
    }

    private static FieldSpec serialVersionUid() {
        return FieldSpec.builder(TypeName.LONG, "serialVersionUID", Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
                .initializer("1L")
                .build();
    }
}
