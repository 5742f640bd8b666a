package dev.ddbstreams.codegen.model.path;

import java.util.List;
import java.util.Optional;

/** A JMESPath expression that cannot be read, or that the generator cannot compile; the message says why. */
public final class PathException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String unknownName;
    private final transient List<String> knownNames;

    public PathException(String message) {
        this(message, null, List.of());
    }

    /** A name the expression uses that the structure does not have, with the names it has (for a "did you mean"). */
    public PathException(String message, String unknownName, List<String> knownNames) {
        super(message);
        this.unknownName = unknownName;
        this.knownNames = List.copyOf(knownNames);
    }

    /** The unknown member name, when that is the problem. */
    public Optional<String> unknownName() {
        return Optional.ofNullable(unknownName);
    }

    /** The names the structure has, when an unknown member name is the problem. */
    public List<String> knownNames() {
        return knownNames == null ? List.of() : knownNames;
    }
}
