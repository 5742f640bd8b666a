package dev.ddbstreams.codegen.model;

/**
 * A string, number, boolean, timestamp or blob shape.
 *
 * @param name the shape name
 * @param type the scalar type
 * @param constraints the stated limits
 * @param sensitive whether values must be redacted from {@code toString}
 * @param documentation the shape's documentation
 * @param location where it was defined
 */
public record ScalarShape(
        String name,
        ScalarType type,
        Constraints constraints,
        boolean sensitive,
        String documentation,
        SourceLocation location)
        implements Shape {}
