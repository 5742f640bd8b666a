package dev.ddbstreams.runtime.waiter;

import java.util.Optional;

/**
 * How a wait ended successfully: the response that matched, or the error that did (a waiter for a deletion
 * succeeds on "not found"), and how many attempts it took.
 *
 * @param <R> the polled operation's response type
 */
public final class WaiterResult<R> {

    private final R response;
    private final Throwable error;
    private final int attempts;

    WaiterResult(R response, Throwable error, int attempts) {
        this.response = response;
        this.error = error;
        this.attempts = attempts;
    }

    /** The response the success acceptor matched, if it matched a response. */
    public Optional<R> response() {
        return Optional.ofNullable(response);
    }

    /** The error the success acceptor matched, if it matched an error. */
    public Optional<Throwable> error() {
        return Optional.ofNullable(error);
    }

    /** How many times the operation was called. */
    public int attempts() {
        return attempts;
    }

    @Override
    public String toString() {
        return "WaiterResult(attempts=" + attempts + ", " + (response != null ? "response=" + response : "error=" + error) + ")";
    }
}
