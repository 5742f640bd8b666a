package dev.ddbstreams.codegen.model;

/**
 * Something the generator leaves out of the client, with where it is in the model: the build goes on, and the
 * user is told (the Maven plugin logs each warning once, as {@code [WARNING] file:line:column: message}).
 *
 * @param location what is left out
 * @param message what is left out and why, naming the operation or shape
 */
public record ModelWarning(SourceLocation location, String message) {

    @Override
    public String toString() {
        return location + ": " + message;
    }
}
