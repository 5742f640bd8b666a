package dev.ddbstreams.codegen.model;

import java.util.List;

/**
 * An operation of the service.
 *
 * @param name the operation name in the model, e.g. {@code GetRecords}
 * @param methodName the Java client method, e.g. {@code getRecords}
 * @param inputShape the input structure's name, or null when it takes none
 * @param outputShape the output structure's name, or null when it returns none
 * @param errors the names of the error shapes it may raise, in model order
 * @param deprecated whether the model marks it deprecated
 * @param documentation the operation's documentation
 * @param location where it was defined
 */
public record Operation(
        String name,
        String methodName,
        String inputShape,
        String outputShape,
        List<String> errors,
        boolean deprecated,
        String documentation,
        SourceLocation location) {

    public Operation {
        errors = List.copyOf(errors);
    }

    /** The same operation with other input and output shapes. */
    public Operation withShapes(String newInputShape, String newOutputShape) {
        return new Operation(name, methodName, newInputShape, newOutputShape, errors, deprecated, documentation, location);
    }
}
