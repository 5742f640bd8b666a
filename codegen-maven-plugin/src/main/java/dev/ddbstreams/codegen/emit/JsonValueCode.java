package dev.ddbstreams.codegen.emit;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import dev.ddbstreams.codegen.model.EnumShape;
import dev.ddbstreams.codegen.model.ScalarShape;
import dev.ddbstreams.codegen.model.Shape;

/**
 * The code that reads or writes one value of a shape at the parser's or generator's current position: a call
 * into the runtime for scalars, into the shape's own codec for structures, unions, lists and maps.
 */
final class JsonValueCode {

    private final GenerationContext context;

    JsonValueCode(GenerationContext context) {
        this.context = context;
    }

    /** The codec class of an aggregate shape (structure, union, list, map). */
    ClassName codecOf(String shapeName) {
        return context.codecOf(shapeName);
    }

    /** An expression reading a value of {@code shapeName} at the parser's current token. */
    CodeBlock read(String shapeName, String where) {
        Shape shape = context.model().shape(shapeName);
        if (shape instanceof EnumShape) {
            return CodeBlock.of("$T.readString(parser, $S)", RuntimeTypes.JSON_READING, where);
        }
        if (!(shape instanceof ScalarShape scalar)) {
            return CodeBlock.of("$T.read(parser, $S)", codecOf(shapeName), where);
        }
        String method = switch (scalar.type()) {
            case STRING -> "readString";
            case BOOLEAN -> "readBoolean";
            case BYTE -> "readByte";
            case SHORT -> "readShort";
            case INTEGER -> "readInt";
            case LONG -> "readLong";
            case FLOAT -> "readFloat";
            case DOUBLE -> "readDouble";
            case BIG_INTEGER -> "readBigInteger";
            case BIG_DECIMAL -> "readBigDecimal";
            case TIMESTAMP -> "readTimestamp";
            case BLOB -> "readBlob";
        };
        return CodeBlock.of("$T.$L(parser, $S)", RuntimeTypes.JSON_READING, method, where);
    }

    /** A statement writing {@code value} (an expression of the shape's storage type, not null). */
    CodeBlock write(String shapeName, CodeBlock value) {
        Shape shape = context.model().shape(shapeName);
        if (shape instanceof EnumShape) {
            return CodeBlock.of("generator.writeString($L)", value);
        }
        if (!(shape instanceof ScalarShape scalar)) {
            return CodeBlock.of("$T.write(generator, $L)", codecOf(shapeName), value);
        }
        return switch (scalar.type()) {
            case STRING -> CodeBlock.of("generator.writeString($L)", value);
            case BOOLEAN -> CodeBlock.of("generator.writeBoolean($L)", value);
            case BYTE, SHORT -> CodeBlock.of("generator.writeNumber($L.shortValue())", value);
            case INTEGER -> CodeBlock.of("generator.writeNumber($L.intValue())", value);
            case LONG -> CodeBlock.of("generator.writeNumber($L.longValue())", value);
            case FLOAT -> CodeBlock.of("generator.writeNumber($L.floatValue())", value);
            case DOUBLE -> CodeBlock.of("generator.writeNumber($L.doubleValue())", value);
            case BIG_INTEGER, BIG_DECIMAL -> CodeBlock.of("generator.writeNumber($L)", value);
            case TIMESTAMP -> CodeBlock.of("$T.writeTimestamp(generator, $L)", RuntimeTypes.JSON_WRITING, value);
            case BLOB -> CodeBlock.of("$T.writeBlob(generator, $L)", RuntimeTypes.JSON_WRITING, value);
        };
    }
}
