package dev.ddbstreams.runtime.waiter;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * A waiter as the model defines it: its acceptors, in order, and how often and how many times to poll. Generated
 * code states each once, and the blocking {@link Waiter} and the non-blocking {@link AsyncWaiter} both run it, so the
 * two always agree.
 *
 * @param name the waiter's name, for messages
 * @param acceptors the acceptors in model order (the first that matches decides)
 * @param delay the model's delay between attempts
 * @param maxAttempts the model's maximum number of attempts
 * @param <R> the polled operation's response type
 */
public record WaiterDefinition<R>(String name, List<WaiterAcceptor<R>> acceptors, Duration delay, int maxAttempts) {

    public WaiterDefinition {
        Objects.requireNonNull(name, "name");
        acceptors = List.copyOf(acceptors);
        Objects.requireNonNull(delay, "delay");
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1, but is " + maxAttempts);
        }
    }
}
