package dev.ddbstreams.codegen.model;

/**
 * A map shape. Keys are strings on the JSON wire.
 *
 * @param name the shape name
 * @param keyShape the name of the key shape
 * @param valueShape the name of the value shape
 * @param constraints the stated size limits
 * @param documentation the shape's documentation
 * @param location where it was defined
 */
public record MapShape(
        String name,
        String keyShape,
        String valueShape,
        Constraints constraints,
        String documentation,
        SourceLocation location)
        implements Shape {}
