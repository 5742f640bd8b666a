package dev.ddbstreams.runtime.waiter;

import java.util.Objects;
import java.util.function.Predicate;

/**
 * One acceptor of a waiter: a test on a response or on an error, and what a match means. Generated waiters
 * build these from the model's acceptors, with the test compiled to plain accessor calls.
 *
 * @param <R> the polled operation's response type
 */
public final class WaiterAcceptor<R> {

    private final WaiterState state;
    private final Predicate<? super R> onResponse;
    private final Predicate<? super Throwable> onError;
    private final String description;

    private WaiterAcceptor(WaiterState state, Predicate<? super R> onResponse, Predicate<? super Throwable> onError, String description) {
        this.state = Objects.requireNonNull(state, "state");
        this.onResponse = onResponse;
        this.onError = onError;
        this.description = Objects.requireNonNull(description, "description");
    }

    /** An acceptor that looks at successful responses. */
    public static <R> WaiterAcceptor<R> onResponse(WaiterState state, Predicate<? super R> matches, String description) {
        return new WaiterAcceptor<>(state, Objects.requireNonNull(matches, "matches"), null, description);
    }

    /** An acceptor that looks at errors. */
    public static <R> WaiterAcceptor<R> onError(WaiterState state, Predicate<? super Throwable> matches, String description) {
        return new WaiterAcceptor<>(state, null, Objects.requireNonNull(matches, "matches"), description);
    }

    WaiterState state() {
        return state;
    }

    boolean matchesResponse(R response) {
        return onResponse != null && onResponse.test(response);
    }

    boolean matchesError(Throwable error) {
        return onError != null && onError.test(error);
    }

    /** What the acceptor tests, as the model states it, for messages. */
    public String description() {
        return description;
    }

    @Override
    public String toString() {
        return state + " when " + description;
    }
}
