package dev.ddbstreams.codegen.model;

import java.util.List;

/**
 * A waiter from {@code waiters-2.json}: poll an operation until an acceptor decides.
 *
 * @param name the waiter name, e.g. {@code StreamEnabled}
 * @param operationName the polled operation
 * @param delaySeconds the delay between attempts
 * @param maxAttempts the maximum number of attempts
 * @param description the model's description, possibly empty
 * @param acceptors the acceptors in model order (the first that matches decides)
 * @param location where it was defined
 */
public record Waiter(
        String name,
        String operationName,
        int delaySeconds,
        int maxAttempts,
        String description,
        List<Acceptor> acceptors,
        SourceLocation location) {

    public Waiter {
        acceptors = List.copyOf(acceptors);
    }

    /**
     * One acceptor.
     *
     * @param state what a match means: {@code success}, {@code failure} or {@code retry}
     * @param matcher {@code path}, {@code pathAll}, {@code pathAny}, {@code status} or {@code error}
     * @param argument the path expression for the path matchers, otherwise null
     * @param expected the expected value as written in the model (string, number or boolean)
     */
    public record Acceptor(String state, String matcher, String argument, Object expected) {}
}
