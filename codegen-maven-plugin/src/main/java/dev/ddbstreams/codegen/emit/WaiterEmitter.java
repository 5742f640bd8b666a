package dev.ddbstreams.codegen.emit;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import com.palantir.javapoet.WildcardTypeName;
import dev.ddbstreams.codegen.model.Operation;
import dev.ddbstreams.codegen.model.Waiter;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import javax.lang.model.element.Modifier;

/**
 * The service's waiters for one client: {@code DynamoDbStreamsWaiter} (blocking, returning a {@code WaiterResponse})
 * or {@code DynamoDbStreamsAsyncWaiter} (returning a {@code CompletableFuture} of it), with a {@code waitUntilX}
 * method per waiter of the model and a lookup by name. Both run the constants of {@link WaiterDefinitionsEmitter}.
 */
final class WaiterEmitter implements FileEmitter {

    private static final String RUNTIME = "dev.ddbstreams.runtime.waiter";
    static final ClassName WAITER_OPTIONS = ClassName.get(RUNTIME, "WaiterOptions");
    static final ClassName WAITER_RESPONSE = ClassName.get(RUNTIME, "WaiterResponse");

    private final GenerationContext context;
    private final boolean async;

    /** @param async whether to emit the asynchronous client's waiters */
    WaiterEmitter(GenerationContext context, boolean async) {
        this.context = context;
        this.async = async;
    }

    /** The generated waiters class of a service, for the blocking or the asynchronous client. */
    static ClassName waitersClass(GenerationContext context, boolean async) {
        return ClassName.get(context.waitersPackage(), context.model().info().clientBaseName() + (async ? "AsyncWaiter" : "Waiter"));
    }

    @Override
    public JavaFile emit() {
        ClassName self = waitersClass(context, async);
        ClassName client = async ? ClientEmitter.asyncClientInterface(context) : context.clientInterface();
        TypeSpec.Builder type = TypeSpec.classBuilder(self)
                .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
                .addJavadoc("Waits for $L resources to reach a state, by polling as the model's waiters say$L.\n"
                        + "Get one from {@link $T#waiter()}; {@link $T} changes the delay, the attempts and the overall timeout.\n",
                        Javadocs.escapePlain(context.model().info().fullName()),
                        async ? ", without blocking a thread: the pause between attempts is scheduled, and cancelling a wait's future cancels it" : "",
                        client, WAITER_OPTIONS)
                .addField(FieldSpec.builder(client, "client", Modifier.PRIVATE, Modifier.FINAL).build())
                .addField(FieldSpec.builder(WAITER_OPTIONS, "options", Modifier.PRIVATE, Modifier.FINAL).build())
                .addMethod(MethodSpec.constructorBuilder()
                        .addModifiers(Modifier.PUBLIC)
                        .addJavadoc("Waiters that poll with {@code client}, configured by {@code options}.\n")
                        .addParameter(client, "client")
                        .addParameter(WAITER_OPTIONS, "options")
                        .addStatement("this.client = $T.requireNonNull(client, $S)", Objects.class, "client")
                        .addStatement("this.options = $T.requireNonNull(options, $S)", Objects.class, "options")
                        .build());
        List<Waiter> waiters = context.model().waiters();
        for (Waiter waiter : waiters) {
            addWaiter(type, waiter);
        }
        type.addMethod(namesMethod(waiters));
        type.addMethod(byNameMethod(waiters));
        return JavaFiles.of(context.waitersPackage(), type.build());
    }

    private TypeName result(ClassName response) {
        TypeName waiterResponse = ParameterizedTypeName.get(WAITER_RESPONSE, response);
        return async ? ParameterizedTypeName.get(ClassName.get(CompletableFuture.class), waiterResponse) : waiterResponse;
    }

    private void addWaiter(TypeSpec.Builder type, Waiter waiter) {
        Operation operation = context.model().operation(waiter.operationName()).orElseThrow();
        ClassName request = context.classOf(operation.inputShape());
        ClassName response = context.classOf(operation.outputShape());
        String lower = Character.toLowerCase(waiter.name().charAt(0)) + waiter.name().substring(1);
        ClassName runner = ClassName.get(RUNTIME, async ? "AsyncWaiter" : "Waiter");
        String description = Javadocs.fromModel(waiter.description());
        type.addMethod(MethodSpec.methodBuilder(lower)
                .addModifiers(Modifier.PUBLIC)
                .returns(ParameterizedTypeName.get(runner, request, response))
                .addJavadoc("The {@code $L} waiter, polling {@code $L} every $L s, at most $L times unless the options say otherwise.\n",
                        waiter.name(), operation.name(), waiter.delaySeconds(), waiter.maxAttempts())
                .addStatement("return new $T<>($T.$N, client::$N, options)", runner, WaiterDefinitionsEmitter.definitionsClass(context),
                        WaiterDefinitionsEmitter.constantName(waiter), operation.methodName())
                .build());
        String returns = async
                ? "@return a future of the response that reached the state and the number of attempts; it fails with\n"
                        + "    {@link dev.ddbstreams.runtime.waiter.WaiterException} when the state cannot be reached or an unexpected error\n"
                        + "    arrives, or {@link dev.ddbstreams.runtime.waiter.WaiterTimeoutException} when the attempts or the time run out\n"
                : "@return the response that reached the state, and the number of attempts\n"
                        + "@throws dev.ddbstreams.runtime.waiter.WaiterException when the state cannot be reached, an unexpected error arrives,\n"
                        + "    or the attempts or the time run out\n";
        type.addMethod(MethodSpec.methodBuilder("waitUntil" + waiter.name())
                .addModifiers(Modifier.PUBLIC)
                .returns(result(response))
                .addJavadoc("$L", description.isEmpty() ? "Polls {@code " + operation.name() + "} until the {@code " + waiter.name() + "} state is reached.\n" : description)
                .addJavadoc("\n@param request the request to poll with\n$L", returns)
                .addParameter(request, "request")
                .addStatement("return $N().run(request)", lower)
                .build());
        type.addMethod(MethodSpec.methodBuilder("waitUntil" + waiter.name())
                .addModifiers(Modifier.PUBLIC)
                .returns(result(response))
                .addJavadoc("Polls with the request {@code request} builds; see {@link #waitUntil$L($T)}.\n", waiter.name(), request)
                .addParameter(ParameterizedTypeName.get(ClassName.get(Consumer.class), request.nestedClass("Builder")), "request")
                .addStatement("$T.requireNonNull(request, $S)", Objects.class, "request")
                .addStatement("$T.Builder builder = $T.builder()", request, request)
                .addStatement("request.accept(builder)")
                .addStatement("return waitUntil$L(builder.build())", waiter.name())
                .build());
    }

    private MethodSpec namesMethod(List<Waiter> waiters) {
        CodeBlock names = waiters.stream().map(w -> CodeBlock.of("$S", w.name())).collect(CodeBlock.joining(", "));
        return MethodSpec.methodBuilder("waiterNames")
                .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                .returns(ParameterizedTypeName.get(Set.class, String.class))
                .addJavadoc("The names of the model's waiters, as {@link #waitUntil(String, Object)} takes them.\n")
                .addStatement("return $T.of($L)", Set.class, names)
                .build();
    }

    private MethodSpec byNameMethod(List<Waiter> waiters) {
        TypeName anyResponse = ParameterizedTypeName.get(WAITER_RESPONSE, WildcardTypeName.subtypeOf(Object.class));
        MethodSpec.Builder method = MethodSpec.methodBuilder("waitUntil")
                .addModifiers(Modifier.PUBLIC)
                .returns(async ? ParameterizedTypeName.get(ClassName.get(CompletableFuture.class), WildcardTypeName.subtypeOf(anyResponse)) : anyResponse)
                .addJavadoc("Runs the waiter of that model name ({@code $L}), as boto3's {@code get_waiter} does.\n\n"
                        + "@param waiterName the waiter's name in the model\n@param request the request of the polled operation\n"
                        + "@return how the wait ended\n@throws IllegalArgumentException for an unknown name or a request of the wrong type\n",
                        waiters.isEmpty() ? "none" : waiters.get(0).name())
                .addParameter(String.class, "waiterName")
                .addParameter(Object.class, "request")
                .addStatement("$T.requireNonNull(waiterName, $S)", Objects.class, "waiterName")
                .addStatement("$T.requireNonNull(request, $S)", Objects.class, "request");
        method.beginControlFlow("switch (waiterName)");
        for (Waiter waiter : waiters) {
            Operation operation = context.model().operation(waiter.operationName()).orElseThrow();
            ClassName request = context.classOf(operation.inputShape());
            method.addCode("case $S:\n$>", waiter.name())
                    .beginControlFlow("if (!(request instanceof $T))", request)
                    .addStatement("throw new $T($S + request.getClass().getName())", IllegalArgumentException.class,
                            waiter.name() + " polls " + operation.name() + " with a " + request.simpleName() + ", not a ")
                    .endControlFlow()
                    .addStatement("return waitUntil$L(($T) request)", waiter.name(), request)
                    .addCode("$<");
        }
        method.addCode("default:\n$>")
                .addStatement("throw new $T(\"no waiter named \" + waiterName + \"; the waiters are \" + waiterNames())", IllegalArgumentException.class)
                .addCode("$<")
                .endControlFlow();
        return method.build();
    }
}
