package dev.ddbstreams.codegen.model;

/**
 * The validation facts a model states about a shape. They are documented on the generated accessors; the
 * client does not enforce them, because the service is the authority and its limits change.
 *
 * @param min the {@code min} trait (length, size or value), or null
 * @param max the {@code max} trait, or null
 * @param pattern the {@code pattern} trait, or null
 */
public record Constraints(Long min, Long max, String pattern) {

    /** No constraints. */
    public static final Constraints NONE = new Constraints(null, null, null);

    /** Whether any constraint is present. */
    public boolean isEmpty() {
        return min == null && max == null && pattern == null;
    }
}
