package dev.ddbstreams.codegen.model;

import java.util.List;

/**
 * A tagged union: exactly one member is set. Generated as a sealed interface with one record per member.
 *
 * @param name the shape name
 * @param javaName the simple name of the generated interface
 * @param members the variants in model order
 * @param documentation the shape's documentation
 * @param location where it was defined
 */
public record UnionShape(
        String name, String javaName, List<Member> members, String documentation, SourceLocation location)
        implements Shape {

    public UnionShape {
        members = List.copyOf(members);
    }

    /** The same union under another interface name. */
    public UnionShape withJavaName(String newJavaName) {
        return new UnionShape(name, newJavaName, members, documentation, location);
    }
}
