package dev.ddbstreams.runtime.waiter;

import dev.ddbstreams.runtime.exception.SdkException;
import java.util.Optional;

/**
 * A wait did not reach the awaited state: a failure acceptor matched, an error no acceptor expected arrived, or
 * the attempts or the time ran out. Carries the last response or error so the caller can see where things stood.
 */
public class WaiterException extends SdkException {

    private static final long serialVersionUID = 1L;

    private final transient Object lastResponse;
    private final int attempts;

    WaiterException(String message, Object lastResponse, Throwable lastError, int attempts) {
        super(message, lastError);
        this.lastResponse = lastResponse;
        this.attempts = attempts;
    }

    /** The last response received, if the last attempt got one. */
    public Optional<Object> lastResponse() {
        return Optional.ofNullable(lastResponse);
    }

    /** The last error received, if the last attempt got one (also the cause). */
    public Optional<Throwable> lastError() {
        return Optional.ofNullable(getCause());
    }

    /** How many times the operation was called. */
    public int attempts() {
        return attempts;
    }
}
