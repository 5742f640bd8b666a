package dev.ddbstreams.codegen.emit;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import dev.ddbstreams.codegen.model.EnumShape;
import dev.ddbstreams.codegen.model.Member;
import dev.ddbstreams.codegen.model.ScalarShape;
import dev.ddbstreams.codegen.model.ScalarType;
import dev.ddbstreams.codegen.model.Shape;
import dev.ddbstreams.codegen.model.TimestampFormat;

/**
 * The code that reads or writes one value of a shape at the parser's or generator's current position: a call
 * into the runtime for scalars, into the shape's own codec for structures, unions, lists and maps.
 *
 * <p>Timestamps are written in the format the member or its shape states ({@link TimestampFormat}); they are read by
 * one runtime method that takes every format, as clients of the AWS JSON protocols must.
 */
final class JsonValueCode {

    private final GenerationContext context;

    JsonValueCode(GenerationContext context) {
        this.context = context;
    }

    /** The codec class of an aggregate shape (structure, union, list, map) or of an error with members. */
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
            case DOCUMENT -> "readDocument";
        };
        return CodeBlock.of("$T.$L(parser, $S)", RuntimeTypes.JSON_READING, method, where);
    }

    /**
     * Whether JSON {@code null} is a value of the shape rather than the absence of one: a document's null, which a
     * member, a list or a map of documents holds like any other value (as the AWS SDK for Java v2 reads it), so that
     * {@code Document.fromNull()} survives a round trip.
     */
    boolean readsNull(String shapeName) {
        return context.model().shape(shapeName) instanceof ScalarShape scalar && scalar.type() == ScalarType.DOCUMENT;
    }

    /**
     * A statement writing the value of {@code member} ({@code value}, an expression of its storage type); an
     * idempotency token left unset is filled, so {@code value} may be null for one.
     */
    CodeBlock write(Member member, CodeBlock value) {
        if (member.idempotencyToken()) {
            return CodeBlock.of("$T.writeIdempotencyToken(generator, $L)", RuntimeTypes.JSON_WRITING, value);
        }
        return write(member.targetShape(), member.timestampFormat(), value);
    }

    /** A statement writing {@code value} (an expression of the shape's storage type, not null). */
    CodeBlock write(String shapeName, CodeBlock value) {
        return write(shapeName, null, value);
    }

    private CodeBlock write(String shapeName, TimestampFormat memberFormat, CodeBlock value) {
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
            case TIMESTAMP -> CodeBlock.of("$T.$L(generator, $L)", RuntimeTypes.JSON_WRITING,
                    timestampWriter(TimestampFormat.effective(memberFormat, scalar.timestampFormat())), value);
            case BLOB -> CodeBlock.of("$T.writeBlob(generator, $L)", RuntimeTypes.JSON_WRITING, value);
            case DOCUMENT -> CodeBlock.of("$T.writeDocument(generator, $L)", RuntimeTypes.JSON_WRITING, value);
        };
    }

    private static String timestampWriter(TimestampFormat format) {
        return switch (format) {
            case EPOCH_SECONDS -> "writeTimestamp";
            case DATE_TIME -> "writeDateTime";
            case HTTP_DATE -> "writeHttpDate";
        };
    }
}
