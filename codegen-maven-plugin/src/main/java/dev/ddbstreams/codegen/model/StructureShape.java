package dev.ddbstreams.codegen.model;

import java.util.List;

/**
 * A structure: an operation's request or response, an error, or a plain value.
 *
 * @param name the shape name
 * @param javaName the simple name of the generated class
 * @param role what the structure is used for
 * @param members the members in model order
 * @param error the error facts when {@code role} is {@link Role#ERROR}, otherwise null
 * @param documentation the shape's documentation
 * @param location where it was defined
 */
public record StructureShape(
        String name,
        String javaName,
        Role role,
        List<Member> members,
        ErrorInfo error,
        String documentation,
        SourceLocation location)
        implements Shape {

    public StructureShape {
        members = List.copyOf(members);
    }

    /** The same structure under another class name. */
    public StructureShape withJavaName(String newJavaName) {
        return new StructureShape(name, newJavaName, role, members, error, documentation, location);
    }

    /** The same members under another model name, class name and role: an operation's own copy of a shared shape. */
    public StructureShape copyAs(String newName, String newJavaName, Role newRole) {
        return new StructureShape(newName, newJavaName, newRole, members, error, documentation, location);
    }

    /** What a structure is used for; it decides the generated class's name and base type. */
    public enum Role {
        /** An operation's input, generated as {@code <Operation>Request}. */
        REQUEST,
        /** An operation's output, generated as {@code <Operation>Response}. */
        RESPONSE,
        /** A modeled error, generated as an exception. */
        ERROR,
        /** Any other structure. */
        PLAIN
    }

    /**
     * What the model says about an error shape.
     *
     * @param errorCode the code the service sends for it
     * @param httpStatus the HTTP status, or 0 when the model does not say
     * @param fault whether it is the service's fault (a 5xx kind of error)
     */
    public record ErrorInfo(String errorCode, int httpStatus, boolean fault) {}
}
