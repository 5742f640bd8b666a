package dev.ddbstreams.codegen.emit;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import dev.ddbstreams.codegen.model.StructureShape;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The expression that builds a client's runtime {@code ErrorMapper}: every modeled error registered under its shape
 * name (the code the AWS JSON protocols send), with its exception's constructor and, for an error with members, the
 * reader of its body; the other code the model may give an error (C2J's {@code error.code}, a query-compatible
 * service's query code) as an alias; and the service's query compatibility.
 *
 * <p>An alias that is another error's name, or that two errors share (CloudWatch gives {@code ResourceNotFound} to
 * two), would be ambiguous and is left out: those errors are still found by their names.
 */
final class ErrorMapperCode {

    private ErrorMapperCode() {}

    static CodeBlock of(GenerationContext context) {
        List<StructureShape> errors = context.model().shapesOf(StructureShape.class).stream()
                .filter(shape -> shape.role() == StructureShape.Role.ERROR)
                .toList();
        CodeBlock.Builder code = CodeBlock.builder().add("$T.builder($T::new)", RuntimeTypes.ERROR_MAPPER, context.baseException());
        if (context.model().info().awsQueryCompatible()) {
            code.add("\n$>$>.awsQueryCompatible()$<$<");
        }
        JsonValueCode values = new JsonValueCode(context);
        for (StructureShape error : errors) {
            ClassName type = context.classOf(error);
            if (ExceptionEmitter.modeledMembers(context, error).isEmpty()) {
                code.add("\n$>$>.register($S, $T::new)$<$<", error.name(), type);
            } else {
                code.add("\n$>$>.register($S, $T::new, $T::read)$<$<", error.name(), type, values.codecOf(error.name()));
            }
        }
        Map<String, Integer> aliasUses = new HashMap<>();
        errors.forEach(error -> aliasUses.merge(error.error().errorCode(), 1, Integer::sum));
        for (StructureShape error : errors) {
            String alias = error.error().errorCode();
            boolean unambiguous = aliasUses.get(alias) == 1 && errors.stream().noneMatch(other -> other.name().equals(alias));
            if (unambiguous) {
                code.add("\n$>$>.alias($S, $S)$<$<", alias, error.name());
            }
        }
        return code.add("\n$>$>.build()$<$<").build();
    }
}
