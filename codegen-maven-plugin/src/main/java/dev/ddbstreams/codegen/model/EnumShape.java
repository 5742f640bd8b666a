package dev.ddbstreams.codegen.model;

import java.util.List;

/**
 * A string shape restricted to known values. Generated as a Java enum that also keeps unknown values.
 *
 * @param name the shape name
 * @param javaName the simple name of the generated enum
 * @param values the known values in model order
 * @param documentation the shape's documentation
 * @param location where it was defined
 */
public record EnumShape(
        String name, String javaName, List<EnumValue> values, String documentation, SourceLocation location)
        implements Shape {

    public EnumShape {
        values = List.copyOf(values);
    }

    /** The same enum under another class name. */
    public EnumShape withJavaName(String newJavaName) {
        return new EnumShape(name, newJavaName, values, documentation, location);
    }

    /**
     * One known value.
     *
     * @param wireValue the value as sent on the wire
     * @param constantName the Java enum constant
     */
    public record EnumValue(String wireValue, String constantName) {}
}
