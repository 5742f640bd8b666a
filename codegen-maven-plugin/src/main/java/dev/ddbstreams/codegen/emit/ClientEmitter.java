package dev.ddbstreams.codegen.emit;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import dev.ddbstreams.codegen.model.Member;
import dev.ddbstreams.codegen.model.Operation;
import dev.ddbstreams.codegen.model.ServiceInfo;
import dev.ddbstreams.codegen.model.StructureShape;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import javax.lang.model.element.Modifier;

/**
 * The client: a public interface with one method per operation (plus a {@code Consumer<Builder>} overload, and
 * a no-argument one where nothing is required), its builder, and the package-private implementation that
 * hands each call to the runtime's protocol invoker with the operation's generated marshaller and unmarshaller.
 */
final class ClientEmitter {

    private final GenerationContext context;
    private final ServiceInfo info;
    private final boolean async;
    private final ClassName client;
    private final ClassName builder;
    private final ClassName implementation;
    private final JsonValueCode values;

    /**
     * @param async whether to emit the asynchronous client ({@code CompletableFuture} results on the runtime's
     *     {@code invokeAsync}) instead of the blocking one
     */
    ClientEmitter(GenerationContext context, boolean async) {
        this.context = context;
        this.info = context.model().info();
        this.async = async;
        String base = info.clientBaseName() + (async ? "Async" : "");
        this.client = ClassName.get(context.basePackage(), base + "Client");
        this.builder = ClassName.get(context.basePackage(), base + "ClientBuilder");
        this.implementation = ClassName.get(context.basePackage(), "Default" + base + "Client");
        this.values = new JsonValueCode(context);
    }

    /** The asynchronous client interface. */
    static ClassName asyncClientInterface(GenerationContext context) {
        return ClassName.get(context.basePackage(), context.model().info().clientBaseName() + "AsyncClient");
    }

    /** The package-private implementation of the client interface, which also holds the service's metadata. */
    static ClassName implementationClass(GenerationContext context) {
        return ClassName.get(context.basePackage(), "Default" + context.model().info().clientBaseName() + "Client");
    }

    List<FileEmitter> emitters() {
        return List.of(this::clientInterface, this::clientBuilder, this::clientImplementation);
    }

    private JavaFile clientInterface() {
        String doc = Javadocs.fromModel(info.documentation());
        TypeSpec.Builder type = TypeSpec.interfaceBuilder(client)
                .addModifiers(Modifier.PUBLIC)
                .addSuperinterface(AutoCloseable.class)
                .addJavadoc("$L", doc.isEmpty() ? "A client for " + Javadocs.escapePlain(info.fullName()) + ".\n" : doc)
                .addJavadoc("<p>Create one with {@link #builder()} (or {@link #create()} to take every setting from the environment),\n"
                        + "share it between threads, and close it when done.\n")
                .addJavadoc(async ? "<p>Every call returns at once with a {@link CompletableFuture}: the request runs on OkHttp's threads with\n"
                        + "the same signing, retries and error mapping as the blocking client, and cancelling the future cancels the HTTP call.\n"
                        + "Futures complete on the builder's {@code futureCompletionExecutor}, never on OkHttp's threads.\n" : "")
                .addMethod(MethodSpec.methodBuilder("builder")
                        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                        .returns(builder)
                        .addJavadoc("A builder for a client.\n")
                        .addStatement("return new $T()", builder)
                        .build())
                .addMethod(MethodSpec.methodBuilder("create")
                        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                        .returns(client)
                        .addJavadoc("A client with the default settings: region and credentials from the environment.\n")
                        .addStatement("return builder().build()")
                        .build());
        for (Operation op : context.model().operations()) {
            addOperationMethods(type, op);
        }
        new ClientPaginationMethods(context, async).addTo(type);
        new ClientWaiterMethods(context, async).addTo(type);
        type.addMethod(MethodSpec.methodBuilder("close")
                .addAnnotation(Override.class)
                .addModifiers(Modifier.PUBLIC, Modifier.ABSTRACT)
                .addJavadoc("Releases what this client holds (connections it created; an injected HTTP client is left open).\n")
                .build());
        return JavaFiles.of(context.basePackage(), type.build());
    }

    private void addOperationMethods(TypeSpec.Builder type, Operation op) {
        TypeName response = responseType(op);
        String doc = Javadocs.fromModel(op.documentation());
        MethodSpec.Builder main = MethodSpec.methodBuilder(op.methodName())
                .addModifiers(Modifier.PUBLIC, Modifier.ABSTRACT)
                .returns(response)
                .addJavadoc("$L", doc.isEmpty() ? "Calls {@code " + op.name() + "}.\n" : doc);
        errorsDoc(main, op);
        if (op.inputShape() == null) {
            type.addMethod(main.build());
            return;
        }
        ClassName request = context.classOf(op.inputShape());
        type.addMethod(main.addParameter(request, "request").build());
        MethodSpec.Builder consumer = MethodSpec.methodBuilder(op.methodName())
                .addModifiers(Modifier.PUBLIC, Modifier.DEFAULT)
                .returns(response)
                .addJavadoc("Calls {@code $L} with the request {@code request} builds; see {@link #$L($T)}.\n", op.name(), op.methodName(), request)
                .addParameter(ParameterizedTypeName.get(ClassName.get(Consumer.class), request.nestedClass("Builder")), "request")
                .addStatement("$T.requireNonNull(request, $S)", Objects.class, "request")
                .addStatement("$T.Builder builder = $T.builder()", request, request)
                .addStatement("request.accept(builder)")
                .addStatement("$Lthis.$L(builder.build())", response.equals(TypeName.VOID) ? "" : "return ", op.methodName());
        type.addMethod(consumer.build());
        StructureShape input = (StructureShape) context.model().shape(op.inputShape());
        if (input.members().stream().noneMatch(Member::required)) {
            type.addMethod(MethodSpec.methodBuilder(op.methodName())
                    .addModifiers(Modifier.PUBLIC, Modifier.DEFAULT)
                    .returns(response)
                    .addJavadoc("Calls {@code $L} with an empty request; see {@link #$L($T)}.\n", op.name(), op.methodName(), request)
                    .addStatement("$Lthis.$L($T.builder().build())", response.equals(TypeName.VOID) ? "" : "return ", op.methodName(), request)
                    .build());
        }
    }

    private void errorsDoc(MethodSpec.Builder method, Operation op) {
        method.addJavadoc("\n");
        if (op.inputShape() != null) {
            method.addJavadoc("@param request the request\n");
        }
        if (async) {
            method.addJavadoc("@return the service's response, when it arrives; the future fails with the exceptions below\n");
        } else if (op.outputShape() != null) {
            method.addJavadoc("@return the service's response\n");
        }
        for (String error : op.errors()) {
            StructureShape shape = (StructureShape) context.model().shape(error);
            String errorDoc = Javadocs.fromModel(shape.documentation()).strip();
            method.addJavadoc("@throws $T $L\n", context.classOf(shape), errorDoc.isEmpty() ? "when the service returns it" : firstSentence(errorDoc));
        }
        method.addJavadoc("@throws $T for any other error the service returns\n", context.baseException());
        method.addJavadoc("@throws dev.ddbstreams.runtime.exception.SdkClientException when the call cannot be made or its answer cannot be read\n");
    }

    private JavaFile clientBuilder() {
        TypeSpec type = TypeSpec.classBuilder(builder)
                .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
                .superclass(ParameterizedTypeName.get(async ? RuntimeTypes.AWS_ASYNC_CLIENT_BUILDER : RuntimeTypes.AWS_CLIENT_BUILDER,
                        builder, client))
                .addJavadoc("Builds a {@link $T}. The region is required unless an endpoint override is given.\n", client)
                .addMethod(MethodSpec.constructorBuilder().build())
                .addMethod(MethodSpec.methodBuilder("build")
                        .addAnnotation(Override.class)
                        .addModifiers(Modifier.PUBLIC)
                        .returns(client)
                        .addJavadoc("A client with the settings given so far.\n")
                        .addStatement("return new $T(settings())", implementation)
                        .build())
                .build();
        return JavaFiles.of(context.basePackage(), type);
    }

    private JavaFile clientImplementation() {
        TypeSpec.Builder type = TypeSpec.classBuilder(implementation)
                .addModifiers(Modifier.FINAL)
                .addSuperinterface(client)
                .addJavadoc("The {@link $T} that calls the service over the AWS JSON protocol.\n", client);
        ClassName metadataHolder = implementationClass(context);
        if (!async) {
            // The service's facts live here once; the asynchronous client and the presigner use them too.
            type.addField(FieldSpec.builder(RuntimeTypes.SERVICE_METADATA, "METADATA", Modifier.STATIC, Modifier.FINAL)
                            .initializer("new $T($S, $S, $S, $S, $S$L)", RuntimeTypes.SERVICE_METADATA, info.serviceId(), info.targetPrefix(),
                                    info.jsonVersion(), info.signingName(), info.endpointPrefix(), info.awsQueryCompatible() ? ", true" : "")
                            .build())
                    .addField(FieldSpec.builder(RuntimeTypes.ERROR_MAPPER, "ERRORS", Modifier.STATIC, Modifier.FINAL)
                            .initializer(ErrorMapperCode.of(context))
                            .build())
                    .addType(operationsClass());
        }
        type.addField(RuntimeTypes.PROTOCOL_INVOKER, "invoker", Modifier.PRIVATE, Modifier.FINAL)
                .addMethod(MethodSpec.constructorBuilder()
                        .addParameter(ClassName.get("dev.ddbstreams.runtime.http", "ClientSettings"), "settings")
                        .addStatement("this.invoker = new $T(settings, $T.METADATA, $T.ERRORS)", RuntimeTypes.PROTOCOL_INVOKER, metadataHolder, metadataHolder)
                        .build());
        for (Operation op : context.model().operations()) {
            type.addMethod(operationImplementation(op));
        }
        type.addMethod(MethodSpec.methodBuilder("close")
                .addAnnotation(Override.class)
                .addModifiers(Modifier.PUBLIC)
                .addStatement("invoker.close()")
                .build());
        type.addMethod(MethodSpec.methodBuilder("toString")
                .addAnnotation(Override.class)
                .addModifiers(Modifier.PUBLIC)
                .returns(String.class)
                .addStatement("return $S + invoker + $S", client.simpleName() + "(", ")")
                .build());
        return JavaFiles.of(context.basePackage(), type.build());
    }

    private MethodSpec operationImplementation(Operation op) {
        TypeName response = responseType(op);
        MethodSpec.Builder method = MethodSpec.methodBuilder(op.methodName())
                .addAnnotation(Override.class)
                .addModifiers(Modifier.PUBLIC)
                .returns(response);
        CodeBlock request = CodeBlock.of("null");
        if (op.inputShape() != null) {
            method.addParameter(context.classOf(op.inputShape()), "request")
                    .addStatement("$T.requireNonNull(request, $S)", Objects.class, "request");
            request = CodeBlock.of("request");
        }
        CodeBlock descriptor = CodeBlock.of("$T.$L", operationsClass(context), operationConstant(op));
        if (async) {
            return method.addStatement("return invoker.invokeAsync($L, $L)", descriptor, request).build();
        }
        if (response.equals(TypeName.VOID)) {
            return method.addStatement("invoker.invoke($L, $L)", descriptor, request).build();
        }
        return method.addStatement("return invoker.invoke($L, $L)", descriptor, request).build();
    }

    /** The class holding one {@code OperationDescriptor} per operation, shared by both clients and the presigner. */
    static ClassName operationsClass(GenerationContext context) {
        return implementationClass(context).nestedClass("Operations");
    }

    /** The constant of an operation's descriptor: {@code GET_RECORDS} for {@code getRecords}. */
    static String operationConstant(Operation op) {
        return op.methodName().replaceAll("([a-z0-9])([A-Z])", "$1_$2")
                .replaceAll("([A-Z])([A-Z][a-z])", "$1_$2")
                .toUpperCase(Locale.ROOT);
    }

    private TypeSpec operationsClass() {
        TypeSpec.Builder type = TypeSpec.classBuilder(operationsClass(context))
                .addModifiers(Modifier.STATIC, Modifier.FINAL)
                .addJavadoc("The service's operations as the runtime's invoker and presigner take them: name, request writer, response reader,\n"
                        + "and how each is routed (host prefix, compression, signing, endpoint discovery, response metadata).\n")
                .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build());
        OperationRoutingCode routing = new OperationRoutingCode(context);
        List<Operation> operations = new ArrayList<>(context.model().operations());
        // The other descriptors refer to the discovery operation's constant, so it and its descriptor come first.
        routing.discoveryOperation().ifPresent(discovery -> {
            operations.remove(discovery);
            operations.add(0, discovery);
        });
        Map<String, String> constants = new HashMap<>();
        for (Operation op : operations) {
            String constant = operationConstant(op);
            String clash = constants.putIfAbsent(constant, op.name());
            if (clash != null || constant.equals(OperationRoutingCode.DISCOVERY_CONSTANT)) {
                throw new IllegalStateException("Operations " + clash + " and " + op.name() + " both map to the constant " + constant);
            }
            CodeBlock calls = routing.calls(op);
            // A chained call takes its types from the witness, not from the field it is assigned to.
            CodeBlock witness = calls.isEmpty() ? CodeBlock.of("") : CodeBlock.of("<$T, $T>", requestType(op), outputType(op));
            type.addField(FieldSpec.builder(ParameterizedTypeName.get(RuntimeTypes.OPERATION_DESCRIPTOR, requestType(op), outputType(op)),
                            constant, Modifier.STATIC, Modifier.FINAL)
                    .initializer("$T.$Lof($S,\n$>$>$L,\n$L)$L$<$<", RuntimeTypes.OPERATION_DESCRIPTOR, witness, op.name(), requestWriter(op),
                            responseReader(op), calls)
                    .build());
            if (op.routing().discoveryOperation()) {
                routing.discoveryConstant(requestType(op), outputType(op), CodeBlock.of("$L", constant)).ifPresent(type::addField);
            }
        }
        return type.build();
    }

    private CodeBlock requestWriter(Operation op) {
        if (op.inputShape() == null) {
            return CodeBlock.of("(generator, request) -> {\n$>generator.writeStartObject();\ngenerator.writeEndObject();\n$<}");
        }
        return CodeBlock.of("(generator, request) -> $L", values.write(op.inputShape(), CodeBlock.of("request")));
    }

    private CodeBlock responseReader(Operation op) {
        return op.outputShape() == null
                ? CodeBlock.of("parser -> {\n$>parser.nextToken();\n$T.skipValue(parser, $S);\nreturn null;\n$<}", RuntimeTypes.JSON_READING, op.name() + " response")
                : CodeBlock.of("parser -> {\n$>parser.nextToken();\nreturn $L;\n$<}", values.read(op.outputShape(), op.outputShape()));
    }

    private TypeName requestType(Operation op) {
        return op.inputShape() == null ? ClassName.get(Void.class) : context.classOf(op.inputShape());
    }

    private TypeName outputType(Operation op) {
        return op.outputShape() == null ? ClassName.get(Void.class) : context.classOf(op.outputShape());
    }

    private TypeName responseType(Operation op) {
        if (async) {
            TypeName value = op.outputShape() == null ? ClassName.get(Void.class) : context.classOf(op.outputShape());
            return ParameterizedTypeName.get(ClassName.get(CompletableFuture.class), value);
        }
        return op.outputShape() == null ? TypeName.VOID : context.classOf(op.outputShape());
    }

    private static String firstSentence(String doc) {
        String text = doc.replaceAll("<[^>]+>", "").replace('\n', ' ').strip();
        int end = text.indexOf(". ");
        return end < 0 ? text : text.substring(0, end + 1);
    }
}
