package dev.ddbstreams.codegen.emit;

import com.palantir.javapoet.CodeBlock;
import dev.ddbstreams.codegen.model.ListShape;
import dev.ddbstreams.codegen.model.MapShape;
import dev.ddbstreams.codegen.model.Shape;

/**
 * The expression that copies a collection-typed value into the unmodifiable form a shape holds, copying nested
 * collections too so that no mutable collection is reachable from a built shape.
 */
final class Copies {

    private Copies() {}

    /** Copies {@code value} of shape {@code shapeName}; {@code where} names the member in error messages. */
    static CodeBlock copy(GenerationContext context, String shapeName, CodeBlock value, String where) {
        return copy(context, shapeName, value, where, 1);
    }

    private static CodeBlock copy(GenerationContext context, String shapeName, CodeBlock value, String where, int depth) {
        Shape shape = context.model().shape(shapeName);
        String method;
        String inner;
        if (shape instanceof ListShape l) {
            method = "list";
            inner = l.memberShape();
        } else if (shape instanceof MapShape m) {
            method = "map";
            inner = m.valueShape();
        } else {
            return value;
        }
        if (!context.isCollection(inner)) {
            return CodeBlock.of("$T.$L($L, $S)", RuntimeTypes.MODEL_COPIES, method, value, where);
        }
        String element = "e" + depth;
        CodeBlock innerCopy = copy(context, inner, CodeBlock.of("$L", element), where, depth + 1);
        return CodeBlock.of("$T.$L($L, $L -> $L, $S)", RuntimeTypes.MODEL_COPIES, method, value, element, innerCopy, where);
    }
}
