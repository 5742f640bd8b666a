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
import dev.ddbstreams.codegen.model.EnumShape;
import dev.ddbstreams.codegen.model.ListShape;
import dev.ddbstreams.codegen.model.Member;
import dev.ddbstreams.codegen.model.Operation;
import dev.ddbstreams.codegen.model.Shape;
import dev.ddbstreams.codegen.model.StructureShape;
import dev.ddbstreams.codegen.model.Waiter;
import dev.ddbstreams.codegen.model.WaiterPath;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import javax.lang.model.element.Modifier;

/**
 * The service's waiters ({@code DynamoDbStreamsWaiter}): a {@code waitUntilX} method per waiter of the model,
 * and a lookup by name. Each acceptor's path is compiled here into a method of plain accessor calls that
 * collects the values the path selects; the runtime's {@code Waiter} only compares and polls.
 */
final class WaiterEmitter implements FileEmitter {

    private static final String RUNTIME = "dev.ddbstreams.runtime.waiter";
    static final ClassName WAITER = ClassName.get(RUNTIME, "Waiter");
    static final ClassName WAITER_OPTIONS = ClassName.get(RUNTIME, "WaiterOptions");
    static final ClassName WAITER_RESULT = ClassName.get(RUNTIME, "WaiterResult");
    private static final ClassName ACCEPTOR = ClassName.get(RUNTIME, "WaiterAcceptor");
    private static final ClassName STATE = ClassName.get(RUNTIME, "WaiterState");
    private static final ClassName MATCHERS = ClassName.get(RUNTIME, "WaiterMatchers");

    private final GenerationContext context;

    WaiterEmitter(GenerationContext context) {
        this.context = context;
    }

    /** The generated waiters class of a service. */
    static ClassName waitersClass(GenerationContext context) {
        return ClassName.get(context.waitersPackage(), context.model().info().clientBaseName() + "Waiter");
    }

    @Override
    public JavaFile emit() {
        ClassName self = waitersClass(context);
        ClassName client = context.clientInterface();
        TypeSpec.Builder type = TypeSpec.classBuilder(self)
                .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
                .addJavadoc("Waits for $L resources to reach a state, by polling as the model's waiters say.\n"
                        + "Get one from {@link $T#waiter()}; {@link $T} changes the delay, the attempts and the overall timeout.\n",
                        Javadocs.escapePlain(context.model().info().fullName()), client, WAITER_OPTIONS)
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
        List<MethodSpec> pathMethods = new ArrayList<>();
        for (Waiter waiter : waiters) {
            addWaiter(type, waiter, pathMethods);
        }
        type.addMethod(namesMethod(waiters));
        type.addMethod(byNameMethod(waiters));
        type.addMethods(pathMethods);
        return JavaFiles.of(context.waitersPackage(), type.build());
    }

    private void addWaiter(TypeSpec.Builder type, Waiter waiter, List<MethodSpec> pathMethods) {
        Operation operation = context.model().operation(waiter.operationName()).orElseThrow();
        ClassName request = context.classOf(operation.inputShape());
        ClassName response = context.classOf(operation.outputShape());
        StructureShape output = (StructureShape) context.model().shape(operation.outputShape());
        String lower = Character.toLowerCase(waiter.name().charAt(0)) + waiter.name().substring(1);
        TypeName waiterType = ParameterizedTypeName.get(WAITER, request, response);
        TypeName resultType = ParameterizedTypeName.get(WAITER_RESULT, response);
        String description = Javadocs.fromModel(waiter.description());

        CodeBlock.Builder acceptors = CodeBlock.builder();
        Map<String, String> methodByPath = new LinkedHashMap<>();
        for (Waiter.Acceptor acceptor : waiter.acceptors()) {
            if (!acceptors.isEmpty()) {
                acceptors.add(",\n");
            }
            String valuesMethod = null;
            if (acceptor.matcher().startsWith("path")) {
                valuesMethod = methodByPath.get(acceptor.argument());
                if (valuesMethod == null) {
                    valuesMethod = lower + "Values" + (methodByPath.size() + 1);
                    methodByPath.put(acceptor.argument(), valuesMethod);
                    pathMethods.add(valuesMethod(valuesMethod, WaiterPath.parse(acceptor.argument()).orElseThrow(), output, response));
                }
            }
            acceptors.add(acceptor(valuesMethod, acceptor));
        }
        type.addMethod(MethodSpec.methodBuilder(lower)
                .addModifiers(Modifier.PUBLIC)
                .returns(waiterType)
                .addJavadoc("The {@code $L} waiter, polling {@code $L} every $L s, at most $L times unless the options say otherwise.\n",
                        waiter.name(), operation.name(), waiter.delaySeconds(), waiter.maxAttempts())
                .addStatement("return new $T<>($S, client::$N, $T.of(\n$>$>$L$<$<),\n$>$>$T.ofSeconds($L), $L, options)$<$<",
                        WAITER, waiter.name(), operation.methodName(), List.class, acceptors.build(), Duration.class,
                        waiter.delaySeconds(), waiter.maxAttempts())
                .build());
        type.addMethod(MethodSpec.methodBuilder("waitUntil" + waiter.name())
                .addModifiers(Modifier.PUBLIC)
                .returns(resultType)
                .addJavadoc("$L", description.isEmpty() ? "Polls {@code " + operation.name() + "} until the {@code " + waiter.name() + "} state is reached.\n" : description)
                .addJavadoc("\n@param request the request to poll with\n@return the response that reached the state, and the number of attempts\n"
                        + "@throws dev.ddbstreams.runtime.waiter.WaiterException when the state cannot be reached, an unexpected error arrives,\n"
                        + "    or the attempts or the time run out\n")
                .addParameter(request, "request")
                .addStatement("return $N().run(request)", lower)
                .build());
        type.addMethod(MethodSpec.methodBuilder("waitUntil" + waiter.name())
                .addModifiers(Modifier.PUBLIC)
                .returns(resultType)
                .addJavadoc("Polls with the request {@code request} builds; see {@link #waitUntil$L($T)}.\n", waiter.name(), request)
                .addParameter(ParameterizedTypeName.get(ClassName.get(Consumer.class), request.nestedClass("Builder")), "request")
                .addStatement("$T.requireNonNull(request, $S)", Objects.class, "request")
                .addStatement("$T.Builder builder = $T.builder()", request, request)
                .addStatement("request.accept(builder)")
                .addStatement("return waitUntil$L(builder.build())", waiter.name())
                .build());
    }

    private CodeBlock acceptor(String valuesMethod, Waiter.Acceptor acceptor) {
        CodeBlock state = CodeBlock.of("$T.$L", STATE, acceptor.state().toUpperCase(Locale.ROOT));
        String expected = String.valueOf(acceptor.expected());
        switch (acceptor.matcher()) {
            case "path", "pathAll", "pathAny": {
                String description = acceptor.argument() + (acceptor.matcher().equals("path") ? "" : " (" + acceptor.matcher() + ")") + " == " + expected;
                return CodeBlock.of("$T.onResponse($L, response -> $T.$L($N(response), $S), $S)",
                        ACCEPTOR, state, MATCHERS, acceptor.matcher(), valuesMethod, expected, description);
            }
            case "status": {
                int status = ((Number) acceptor.expected()).intValue();
                if (status >= 200 && status < 300) {
                    return CodeBlock.of("$T.onResponse($L, response -> true, $S)", ACCEPTOR, state, "HTTP status " + status);
                }
                return CodeBlock.of("$T.onError($L, error -> $T.status(error, $L), $S)", ACCEPTOR, state, MATCHERS, status, "HTTP status " + status);
            }
            default: {
                if (acceptor.expected() instanceof Boolean any) {
                    return any
                            ? CodeBlock.of("$T.onError($L, $T::anyServiceError, $S)", ACCEPTOR, state, MATCHERS, "any error")
                            : CodeBlock.of("$T.onResponse($L, response -> true, $S)", ACCEPTOR, state, "no error");
                }
                return CodeBlock.of("$T.onError($L, error -> $T.errorCode(error, $S), $S)", ACCEPTOR, state, MATCHERS, expected, "error " + expected);
            }
        }
    }

    /** A method that collects, as wire strings, the values a path selects from a response. */
    private MethodSpec valuesMethod(String name, WaiterPath path, StructureShape output, ClassName response) {
        MethodSpec.Builder method = MethodSpec.methodBuilder(name)
                .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
                .addJavadoc("The values {@code $L} selects, as sent on the wire.\n", Javadocs.escapePlain(pathText(path)))
                .returns(ParameterizedTypeName.get(List.class, String.class))
                .addParameter(response, "response")
                .addStatement("$T<$T> values = new $T<>()", List.class, String.class, ArrayList.class);
        CodeBlock.Builder body = CodeBlock.builder();
        selectInto(body, path.segments(), 0, output, "response");
        return method.addCode(body.build()).addStatement("return values").build();
    }

    private void selectInto(CodeBlock.Builder code, List<WaiterPath.Segment> segments, int index, Shape current, String variable) {
        WaiterPath.Segment segment = segments.get(index);
        StructureShape structure = (StructureShape) current;
        Member member = structure.members().stream().filter(m -> m.wireName().equals(segment.member())).findFirst().orElseThrow();
        Shape target = context.model().shape(member.targetShape());
        String next = "v" + (index + 1);
        if (segment.projection()) {
            ListShape list = (ListShape) target;
            Shape element = context.model().shape(list.memberShape());
            code.beginControlFlow("for ($T $N : $N.$N())", context.storageType(list.memberShape()), next, variable, member.javaName());
            continueOrCollect(code, segments, index, element, next);
            code.endControlFlow();
            return;
        }
        boolean isEnum = target instanceof EnumShape;
        code.addStatement("$T $N = $N.$N()", context.storageType(member.targetShape()), next, variable, isEnum ? member.javaName() + "AsString" : member.javaName());
        code.beginControlFlow("if ($N != null)", next);
        continueOrCollect(code, segments, index, target, next);
        code.endControlFlow();
    }

    private void continueOrCollect(CodeBlock.Builder code, List<WaiterPath.Segment> segments, int index, Shape shape, String variable) {
        if (index + 1 < segments.size()) {
            selectInto(code, segments, index + 1, shape, variable);
        } else {
            boolean string = context.storageType(shape.name()).equals(ClassName.get(String.class));
            if (string) {
                code.addStatement("values.add($N)", variable);
            } else {
                code.addStatement("values.add($T.valueOf($N))", String.class, variable);
            }
        }
    }

    private static String pathText(WaiterPath path) {
        return path.segments().stream().map(s -> s.member() + (s.projection() ? "[]" : "")).collect(Collectors.joining("."));
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
        MethodSpec.Builder method = MethodSpec.methodBuilder("waitUntil")
                .addModifiers(Modifier.PUBLIC)
                .returns(ParameterizedTypeName.get(WAITER_RESULT, WildcardTypeName.subtypeOf(Object.class)))
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
