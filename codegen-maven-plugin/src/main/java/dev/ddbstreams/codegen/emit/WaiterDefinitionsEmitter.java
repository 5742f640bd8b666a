package dev.ddbstreams.codegen.emit;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import dev.ddbstreams.codegen.model.Operation;
import dev.ddbstreams.codegen.model.Waiter;
import dev.ddbstreams.codegen.model.path.PathExpression;
import dev.ddbstreams.codegen.model.path.PathType;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.lang.model.element.Modifier;

/**
 * The model's waiters as the runtime runs them ({@code DynamoDbStreamsWaiterDefinitions}, package-private): one
 * {@code WaiterDefinition} constant per waiter, with its acceptors, delay and attempts. Each acceptor's JMESPath is
 * compiled here by {@link PathCode} into a method of plain accessor calls; the blocking and the asynchronous waiter
 * classes both run these constants, so they decide alike.
 */
final class WaiterDefinitionsEmitter implements FileEmitter {

    private static final String RUNTIME = "dev.ddbstreams.runtime.waiter";
    static final ClassName DEFINITION = ClassName.get(RUNTIME, "WaiterDefinition");
    private static final ClassName ACCEPTOR = ClassName.get(RUNTIME, "WaiterAcceptor");
    private static final ClassName STATE = ClassName.get(RUNTIME, "WaiterState");
    private static final ClassName MATCHERS = ClassName.get(RUNTIME, "WaiterMatchers");

    private final GenerationContext context;
    private final PathCode paths;

    WaiterDefinitionsEmitter(GenerationContext context) {
        this.context = context;
        this.paths = new PathCode(context);
    }

    /** The generated class of a service's waiter definitions. */
    static ClassName definitionsClass(GenerationContext context) {
        return ClassName.get(context.waitersPackage(), context.model().info().clientBaseName() + "WaiterDefinitions");
    }

    /** The constant that holds a waiter's definition: {@code StreamEnabled} -> {@code STREAM_ENABLED}. */
    static String constantName(Waiter waiter) {
        String snake = waiter.name().replaceAll("([a-z0-9])([A-Z])", "$1_$2").replaceAll("([A-Z]+)([A-Z][a-z])", "$1_$2")
                .replaceAll("[^A-Za-z0-9]", "_").toUpperCase(Locale.ROOT);
        return Character.isDigit(snake.charAt(0)) ? "_" + snake : snake;
    }

    @Override
    public JavaFile emit() {
        TypeSpec.Builder type = TypeSpec.classBuilder(definitionsClass(context))
                .addModifiers(Modifier.FINAL)
                .addJavadoc("The model's waiters: their acceptors, compiled to accessor calls, and how often and how many times they poll.\n"
                        + "{@link $T} and {@link $T} run them.\n", WaiterEmitter.waitersClass(context, false), WaiterEmitter.waitersClass(context, true))
                .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build());
        List<MethodSpec> pathMethods = new ArrayList<>();
        for (Waiter waiter : context.model().waiters()) {
            type.addField(definition(waiter, pathMethods));
        }
        type.addMethods(pathMethods);
        return JavaFiles.of(context.waitersPackage(), type.build());
    }

    private FieldSpec definition(Waiter waiter, List<MethodSpec> pathMethods) {
        Operation operation = context.model().operation(waiter.operationName()).orElseThrow();
        ClassName response = context.classOf(operation.outputShape());
        String lower = Character.toLowerCase(waiter.name().charAt(0)) + waiter.name().substring(1);
        Map<String, String> methodByPath = new LinkedHashMap<>();
        CodeBlock.Builder acceptors = CodeBlock.builder();
        for (Waiter.Acceptor acceptor : waiter.acceptors()) {
            if (!acceptors.isEmpty()) {
                acceptors.add(",\n");
            }
            String pathMethod = null;
            if (acceptor.matcher().startsWith("path")) {
                pathMethod = methodByPath.get(acceptor.argument());
                if (pathMethod == null) {
                    pathMethod = lower + "Path" + (methodByPath.size() + 1);
                    methodByPath.put(acceptor.argument(), pathMethod);
                    pathMethods.add(pathMethod(pathMethod, acceptor.argument(), operation, response));
                }
            }
            acceptors.add(acceptor(pathMethod, acceptor));
        }
        return FieldSpec.builder(ParameterizedTypeName.get(DEFINITION, response), constantName(waiter), Modifier.STATIC, Modifier.FINAL)
                .addJavadoc("{@code $L}: polls {@code $L} every $L s, at most $L times.\n", waiter.name(), operation.name(),
                        waiter.delaySeconds(), waiter.maxAttempts())
                .initializer("new $T<>($S, $T.of(\n$>$>$L$<$<),\n$>$>$T.ofSeconds($L), $L)$<$<", DEFINITION, waiter.name(), List.class,
                        acceptors.build(), Duration.class, waiter.delaySeconds(), waiter.maxAttempts())
                .build();
    }

    private CodeBlock acceptor(String pathMethod, Waiter.Acceptor acceptor) {
        CodeBlock state = CodeBlock.of("$T.$L", STATE, acceptor.state().toUpperCase(Locale.ROOT));
        String expected = String.valueOf(acceptor.expected());
        switch (acceptor.matcher()) {
            case "path", "pathAll", "pathAny": {
                String description = acceptor.argument() + (acceptor.matcher().equals("path") ? "" : " (" + acceptor.matcher() + ")") + " == " + expected;
                return CodeBlock.of("$T.onResponse($L, response -> $T.$L($N(response), $L), $S)",
                        ACCEPTOR, state, MATCHERS, acceptor.matcher(), pathMethod, expectedValue(acceptor.expected()), description);
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

    /** The model's expected value as a Java literal: a string, a boolean, or a number. */
    private static CodeBlock expectedValue(Object expected) {
        if (expected instanceof String s) {
            return CodeBlock.of("$S", s);
        }
        if (expected instanceof Boolean b) {
            return CodeBlock.of("$L", b);
        }
        BigDecimal number = new BigDecimal(expected.toString());
        if (number.stripTrailingZeros().scale() <= 0) {
            try {
                return CodeBlock.of("$L", number.intValueExact());
            } catch (ArithmeticException e) {
                return CodeBlock.of("$LL", number.longValueExact());
            }
        }
        return CodeBlock.of("$L", Double.toString(number.doubleValue()));
    }

    /** A method that computes what a path selects from a response, compiled to accessor calls. */
    private MethodSpec pathMethod(String name, String expression, Operation operation, ClassName response) {
        PathType root = new PathType.StructureType(operation.outputShape());
        PathExpression parsed = PathExpression.parse(expression);
        TypeName type = paths.javaType(paths.typing().type(parsed, root));
        return MethodSpec.methodBuilder(name)
                .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
                .addJavadoc("$L on a response.\n", PathCode.javadoc(expression))
                .returns(type)
                .addParameter(response, "response")
                .addStatement("return $L", paths.value(parsed, "response", root))
                .build();
    }
}
