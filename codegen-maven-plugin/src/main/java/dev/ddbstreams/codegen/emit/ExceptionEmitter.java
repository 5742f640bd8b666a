package dev.ddbstreams.codegen.emit;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import dev.ddbstreams.codegen.model.StructureShape;
import javax.lang.model.element.Modifier;

/**
 * The service's base exception, and one final exception per modeled error under it. The error's code, message,
 * request id and HTTP status travel in the runtime's {@code AwsErrorDetails}.
 */
final class ExceptionEmitter implements FileEmitter {

    private final GenerationContext context;
    private final StructureShape error;

    /** Emits the base exception when {@code error} is null, otherwise that modeled error. */
    ExceptionEmitter(GenerationContext context, StructureShape error) {
        this.context = context;
        this.error = error;
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
                .addMethod(constructor("Creates the exception for an error the service returned."))
                .build();
        return JavaFiles.of(context.modelPackage(), type);
    }

    private JavaFile modeled() {
        ClassName self = context.classOf(error);
        String doc = Javadocs.fromModel(error.documentation());
        TypeSpec type = TypeSpec.classBuilder(self)
                .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
                .superclass(context.baseException())
                .addJavadoc("$L", doc.isEmpty() ? "The {@code " + Javadocs.escapePlain(error.name()) + "} error.\n" : doc)
                .addJavadoc("<p>Error code {@code $L}$L.\n", Javadocs.escapePlain(error.error().errorCode()),
                        error.error().httpStatus() > 0 ? ", HTTP status " + error.error().httpStatus() : "")
                .addField(FieldSpec.builder(String.class, "ERROR_CODE", Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
                        .addJavadoc("The error code the service sends for this error.\n")
                        .initializer("$S", error.error().errorCode())
                        .build())
                .addField(serialVersionUid())
                .addMethod(constructor("Creates the exception from the error the service returned."))
                .build();
        return JavaFiles.of(context.modelPackage(), type);
    }

    private static FieldSpec serialVersionUid() {
        return FieldSpec.builder(TypeName.LONG, "serialVersionUID", Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
                .initializer("1L")
                .build();
    }

    private static MethodSpec constructor(String doc) {
        return MethodSpec.constructorBuilder()
                .addModifiers(Modifier.PUBLIC)
                .addJavadoc("$L\n\n@param details what the service said: code, message, request id and HTTP status\n", doc)
                .addParameter(RuntimeTypes.AWS_ERROR_DETAILS, "details")
                .addStatement("super(details)")
                .build();
    }
}
