package dev.ddbstreams.runtime.waiter;

import java.util.Objects;
import java.util.Optional;

/**
 * Either the response or the exception that a waiter's success acceptor matched (a waiter for a deletion succeeds on
 * "not found"), as in the AWS SDK for Java v2.
 *
 * @param <R> the polled operation's response type
 */
public final class ResponseOrException<R> {

    private final R response;
    private final Throwable exception;

    private ResponseOrException(R response, Throwable exception) {
        this.response = response;
        this.exception = exception;
    }

    /** A matched response. */
    public static <R> ResponseOrException<R> response(R response) {
        return new ResponseOrException<>(Objects.requireNonNull(response, "response"), null);
    }

    /** A matched exception. */
    public static <R> ResponseOrException<R> exception(Throwable exception) {
        return new ResponseOrException<>(null, Objects.requireNonNull(exception, "exception"));
    }

    /** The response, when a response was matched. */
    public Optional<R> response() {
        return Optional.ofNullable(response);
    }

    /** The exception, when an exception was matched. */
    public Optional<Throwable> exception() {
        return Optional.ofNullable(exception);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ResponseOrException<?> that && Objects.equals(response, that.response) && Objects.equals(exception, that.exception);
    }

    @Override
    public int hashCode() {
        return Objects.hash(response, exception);
    }

    @Override
    public String toString() {
        return response != null ? "ResponseOrException(response=" + response + ")" : "ResponseOrException(exception=" + exception + ")";
    }
}
