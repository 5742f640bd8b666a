package dev.ddbstreams.codegen.emit;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeSpec;
import dev.ddbstreams.codegen.model.Operation;
import java.time.Duration;
import java.util.Objects;
import javax.lang.model.element.Modifier;

/**
 * The service's presigner ({@code DynamoDbStreamsPresigner}), the counterpart of boto3's
 * {@code generate_presigned_url}: a {@code presignX(request[, expiry])} per operation and a lookup by operation
 * name, each returning a query-string signed request from the runtime's {@code AwsJsonPresigner}.
 */
final class PresignerEmitter implements FileEmitter {

    private static final ClassName RUNTIME_PRESIGNER = ClassName.get("dev.ddbstreams.runtime.http", "AwsJsonPresigner");
    private static final ClassName PRESIGNED_REQUEST = ClassName.get("dev.ddbstreams.runtime.http", "PresignedRequest");
    private static final ClassName CLIENT_SETTINGS = ClassName.get("dev.ddbstreams.runtime.http", "ClientSettings");

    private final GenerationContext context;

    PresignerEmitter(GenerationContext context) {
        this.context = context;
    }

    static ClassName presignerClass(GenerationContext context) {
        return ClassName.get(context.basePackage(), context.model().info().clientBaseName() + "Presigner");
    }

    @Override
    public JavaFile emit() {
        ClassName self = presignerClass(context);
        ClassName builder = self.nestedClass("Builder");
        ClassName implementation = ClientEmitter.implementationClass(context);
        TypeSpec.Builder type = TypeSpec.classBuilder(self)
                .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
                .addJavadoc("Presigns $L calls: each method returns a request signed in its URL (SigV4 query-string signing)\n"
                        + "that whoever holds it can send as it is until it expires, one hour by default and at most seven days.\n"
                        + "Configure it like the client: {@code $T.builder().region(...).credentialsProvider(...).build()}.\n",
                        Javadocs.escapePlain(context.model().info().fullName()), self)
                .addField(FieldSpec.builder(RUNTIME_PRESIGNER, "presigner", Modifier.PRIVATE, Modifier.FINAL).build())
                .addMethod(MethodSpec.constructorBuilder()
                        .addModifiers(Modifier.PRIVATE)
                        .addParameter(CLIENT_SETTINGS, "settings")
                        .addStatement("this.presigner = new $T(settings, $T.METADATA)", RUNTIME_PRESIGNER, implementation)
                        .build())
                .addMethod(MethodSpec.methodBuilder("builder")
                        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                        .returns(builder)
                        .addJavadoc("A builder with the same settings as the client's.\n")
                        .addStatement("return new $T()", builder)
                        .build());
        for (Operation op : presignable()) {
            addOperation(type, op);
        }
        type.addMethod(byName());
        type.addType(TypeSpec.classBuilder(builder)
                .addModifiers(Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
                .superclass(ParameterizedTypeName.get(RuntimeTypes.AWS_CLIENT_BUILDER, builder, self))
                .addJavadoc("Builds a {@link $T}: region, credentials and endpoint as for the client.\n", self)
                .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build())
                .addMethod(MethodSpec.methodBuilder("build")
                        .addAnnotation(Override.class)
                        .addModifiers(Modifier.PUBLIC)
                        .returns(self)
                        .addStatement("return new $T(settings())", self)
                        .build())
                .build());
        return JavaFiles.of(context.basePackage(), type.build());
    }

    private void addOperation(TypeSpec.Builder type, Operation op) {
        String name = "presign" + JavaFilesNames.capitalize(op.name());
        MethodSpec.Builder withExpiry = MethodSpec.methodBuilder(name)
                .addModifiers(Modifier.PUBLIC)
                .returns(PRESIGNED_REQUEST)
                .addJavadoc("Presigns a {@code $L} call that stays valid for {@code expiry} (at most seven days).\n", op.name());
        MethodSpec.Builder withDefault = MethodSpec.methodBuilder(name)
                .addModifiers(Modifier.PUBLIC)
                .returns(PRESIGNED_REQUEST)
                .addJavadoc("Presigns a {@code $L} call that stays valid for one hour.\n", op.name());
        CodeBlock request = CodeBlock.of("null");
        if (op.inputShape() == null) {
            withDefault.addStatement("return $N($T.DEFAULT_EXPIRY)", name, RUNTIME_PRESIGNER);
        } else {
            ClassName requestClass = context.classOf(op.inputShape());
            withExpiry.addJavadoc("The request's override configuration adds signed headers and query parameters, and may name the credentials.\n")
                    .addParameter(requestClass, "request").addStatement("$T.requireNonNull(request, $S)", Objects.class, "request");
            withDefault.addParameter(requestClass, "request").addStatement("return $N(request, $T.DEFAULT_EXPIRY)", name, RUNTIME_PRESIGNER);
            request = CodeBlock.of("request");
        }
        withExpiry.addParameter(Duration.class, "expiry")
                .addStatement("return presigner.presign($T.$L, $L, expiry)", ClientEmitter.operationsClass(context),
                        ClientEmitter.operationConstant(op), request);
        type.addMethod(withDefault.build());
        type.addMethod(withExpiry.build());
    }

    private MethodSpec byName() {
        MethodSpec.Builder method = MethodSpec.methodBuilder("presign")
                .addModifiers(Modifier.PUBLIC)
                .returns(PRESIGNED_REQUEST)
                .addJavadoc("Presigns a call of the operation of that model name, as boto3's {@code generate_presigned_url} does.\n\n"
                        + "@param operationName the operation's name in the model\n"
                        + "@param request the operation's request (ignored for an operation without input; may then be null)\n"
                        + "@param expiry how long the request stays valid, at most seven days\n"
                        + "@return the presigned request\n"
                        + "@throws IllegalArgumentException for an unknown operation or a request of another type\n")
                .addParameter(String.class, "operationName")
                .addParameter(Object.class, "request")
                .addParameter(Duration.class, "expiry")
                .addStatement("$T.requireNonNull(operationName, $S)", Objects.class, "operationName")
                .beginControlFlow("switch (operationName)");
        for (Operation op : presignable()) {
            String name = "presign" + JavaFilesNames.capitalize(op.name());
            method.addCode("case $S:\n$>", op.name());
            if (op.inputShape() == null) {
                method.addStatement("return $N(expiry)", name);
            } else {
                ClassName request = context.classOf(op.inputShape());
                method.beginControlFlow("if (!(request instanceof $T))", request)
                        .addStatement("throw new $T($S + (request == null ? \"null\" : request.getClass().getName()))",
                                IllegalArgumentException.class, op.name() + " takes a " + request.simpleName() + ", not ")
                        .endControlFlow()
                        .addStatement("return $N(($T) request, expiry)", name, request);
            }
            method.addCode("$<");
        }
        return method.addCode("default:\n$>")
                .addStatement("throw new $T(\"no operation named \" + operationName)", IllegalArgumentException.class)
                .addCode("$<")
                .endControlFlow()
                .build();
    }

    /** The operations a presigned request makes sense for: those that are signed ({@code authtype: none} ones are not). */
    private java.util.List<Operation> presignable() {
        return context.model().operations().stream().filter(op -> !op.routing().unsigned()).toList();
    }
}
