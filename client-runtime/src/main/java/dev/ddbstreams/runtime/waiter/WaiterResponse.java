package dev.ddbstreams.runtime.waiter;

import java.util.Objects;

/**
 * How a wait ended successfully, shaped like the AWS SDK for Java v2's {@code WaiterResponse}: what the success
 * acceptor matched, and how many attempts it took. The blocking and the asynchronous waiters return the same.
 *
 * @param <R> the polled operation's response type
 */
public final class WaiterResponse<R> {

    private final ResponseOrException<R> matched;
    private final int attemptsExecuted;

    WaiterResponse(ResponseOrException<R> matched, int attemptsExecuted) {
        this.matched = Objects.requireNonNull(matched, "matched");
        this.attemptsExecuted = attemptsExecuted;
    }

    /** The response or the exception the success acceptor matched. */
    public ResponseOrException<R> matched() {
        return matched;
    }

    /** How many times the operation was called. */
    public int attemptsExecuted() {
        return attemptsExecuted;
    }

    @Override
    public String toString() {
        return "WaiterResponse(attemptsExecuted=" + attemptsExecuted + ", matched=" + matched + ")";
    }
}
