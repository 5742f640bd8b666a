package dev.ddbstreams.codegen.model;

/** A shape of the model, with the name it has in the model file. */
public sealed interface Shape
        permits StructureShape, UnionShape, ListShape, MapShape, EnumShape, ScalarShape {

    /** The shape's name in the model. */
    String name();

    /**
     * The simple name of the class generated for the shape (structures, errors, unions and enums implement this
     * with their {@code javaName} component), or null for a shape that has none (scalars, lists, maps).
     */
    default String javaName() {
        return null;
    }

    /** The model's documentation of the shape (HTML as written in the model), possibly empty. */
    String documentation();

    /** Where the shape was defined. */
    SourceLocation location();
}
