package dev.ddbstreams.codegen.model;

/**
 * A string, number, boolean, timestamp, blob or document shape.
 *
 * @param name the shape name
 * @param type the scalar type
 * @param constraints the stated limits
 * @param sensitive whether values must be redacted from {@code toString}
 * @param documentation the shape's documentation
 * @param location where it was defined
 * @param timestampFormat the format a timestamp shape states, or null when it states none
 */
public record ScalarShape(
        String name,
        ScalarType type,
        Constraints constraints,
        boolean sensitive,
        String documentation,
        SourceLocation location,
        TimestampFormat timestampFormat)
        implements Shape {

    /** A shape that states no timestamp format. */
    public ScalarShape(
            String name, ScalarType type, Constraints constraints, boolean sensitive, String documentation, SourceLocation location) {
        this(name, type, constraints, sensitive, documentation, location, null);
    }
}
