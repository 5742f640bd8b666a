package dev.ddbstreams.codegen.model;

/**
 * A list shape.
 *
 * @param name the shape name
 * @param memberShape the name of the element shape
 * @param constraints the stated size limits
 * @param documentation the shape's documentation
 * @param location where it was defined
 */
public record ListShape(
        String name, String memberShape, Constraints constraints, String documentation, SourceLocation location)
        implements Shape {}
