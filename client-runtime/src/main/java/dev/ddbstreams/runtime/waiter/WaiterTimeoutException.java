package dev.ddbstreams.runtime.waiter;

/** The wait ran out of attempts or time before any acceptor decided. */
public final class WaiterTimeoutException extends WaiterException {

    private static final long serialVersionUID = 1L;

    WaiterTimeoutException(String message, Object lastResponse, Throwable lastError, int attempts) {
        super(message, lastResponse, lastError, attempts);
    }
}
