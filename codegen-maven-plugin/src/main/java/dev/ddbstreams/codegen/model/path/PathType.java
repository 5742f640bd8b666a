package dev.ddbstreams.codegen.model.path;

import dev.ddbstreams.codegen.model.EnumShape;
import dev.ddbstreams.codegen.model.ListShape;
import dev.ddbstreams.codegen.model.MapShape;
import dev.ddbstreams.codegen.model.ScalarShape;
import dev.ddbstreams.codegen.model.ScalarType;
import dev.ddbstreams.codegen.model.ServiceModel;
import dev.ddbstreams.codegen.model.Shape;
import dev.ddbstreams.codegen.model.StructureShape;

/**
 * What a JMESPath expression yields, known at generation time from the model: the generator compiles an expression
 * only when it can type every step, so the code it emits is plain typed Java.
 */
public sealed interface PathType {

    /** A string, or an enum read as its wire string. */
    record StringType() implements PathType {}

    /** A number of the given scalar type. */
    record NumberType(ScalarType scalar) implements PathType {}

    /** A boolean. */
    record BooleanType() implements PathType {}

    /** A structure of the model. */
    record StructureType(String shape) implements PathType {}

    /** A map with string keys. */
    record MapType(PathType value) implements PathType {}

    /** A list: of a model's list shape, or made by a projection. */
    record ListType(PathType element) implements PathType {}

    /** A value the expressions can select and compare but not look into: a timestamp, a blob, a union, a document. */
    record OpaqueType(String shape) implements PathType {}

    /** The literal {@code null}. */
    record NullType() implements PathType {}

    PathType STRING = new StringType();
    PathType BOOLEAN = new BooleanType();
    PathType INTEGER = new NumberType(ScalarType.INTEGER);

    /** The type of the values of a shape. */
    static PathType of(ServiceModel model, String shapeName) {
        Shape shape = model.shape(shapeName);
        if (shape instanceof EnumShape) {
            return STRING;
        }
        if (shape instanceof ScalarShape scalar) {
            return switch (scalar.type()) {
                case STRING -> STRING;
                case BOOLEAN -> BOOLEAN;
                case TIMESTAMP, BLOB -> new OpaqueType(shapeName);
                default -> new NumberType(scalar.type());
            };
        }
        if (shape instanceof StructureShape) {
            return new StructureType(shapeName);
        }
        if (shape instanceof ListShape list) {
            return new ListType(of(model, list.memberShape()));
        }
        if (shape instanceof MapShape map) {
            return new MapType(of(model, map.valueShape()));
        }
        return new OpaqueType(shapeName);
    }

    /** How the type reads in a message: {@code a list of Shard}, {@code a string}. */
    static String describe(PathType type) {
        if (type instanceof StringType) {
            return "a string";
        }
        if (type instanceof NumberType n) {
            return "a number (" + n.scalar().name().toLowerCase(java.util.Locale.ROOT) + ")";
        }
        if (type instanceof BooleanType) {
            return "a boolean";
        }
        if (type instanceof StructureType s) {
            return "the structure " + s.shape();
        }
        if (type instanceof MapType m) {
            return "a map of " + describe(m.value());
        }
        if (type instanceof ListType l) {
            return "a list of " + describe(l.element());
        }
        if (type instanceof OpaqueType o) {
            return "a value of " + o.shape();
        }
        return "null";
    }
}
