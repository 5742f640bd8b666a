package dev.ddbstreams.codegen.model;

/**
 * A member of a structure or union.
 *
 * @param wireName the member name on the wire (the key in the model's {@code members})
 * @param javaName the accessor and builder method name, e.g. {@code streamArn}
 * @param targetShape the name of the shape the member refers to
 * @param required whether the model lists the member as required
 * @param deprecated whether the model marks the member deprecated
 * @param documentation the member's documentation, possibly empty
 * @param location where the member was defined
 */
public record Member(
        String wireName,
        String javaName,
        String targetShape,
        boolean required,
        boolean deprecated,
        String documentation,
        SourceLocation location) {}
