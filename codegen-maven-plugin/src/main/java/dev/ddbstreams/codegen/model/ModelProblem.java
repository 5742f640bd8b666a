package dev.ddbstreams.codegen.model;

/**
 * One thing wrong with a model, with where it is.
 *
 * @param location where the problem is
 * @param message what is wrong, naming the shape and member when there is one
 */
public record ModelProblem(SourceLocation location, String message) {

    @Override
    public String toString() {
        return location + ": " + message;
    }
}
