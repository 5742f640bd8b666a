package dev.ddbstreams.runtime.waiter;

import dev.ddbstreams.runtime.exception.SdkClientException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * Polls an operation until one of its acceptors decides, as AWS waiters do: on each attempt the acceptors are
 * tried in order and the first that matches the response (or the error) decides; when none matches a response,
 * the waiter waits and polls again; an error that no acceptor expects ends the wait at once.
 *
 * @param <Q> the polled operation's request type
 * @param <R> its response type
 */
public final class Waiter<Q, R> {

    private final String name;
    private final Function<Q, R> call;
    private final List<WaiterAcceptor<R>> acceptors;
    private final Duration delay;
    private final int maxAttempts;
    private final WaiterOptions options;

    /**
     * @param name the waiter's name, for messages
     * @param call sends one request
     * @param acceptors the acceptors in model order
     * @param modelDelay the model's delay between attempts
     * @param modelMaxAttempts the model's maximum number of attempts
     * @param options overrides of the model's values, the clock and the sleeper
     */
    public Waiter(String name, Function<Q, R> call, List<WaiterAcceptor<R>> acceptors, Duration modelDelay, int modelMaxAttempts, WaiterOptions options) {
        this.name = Objects.requireNonNull(name, "name");
        this.call = Objects.requireNonNull(call, "call");
        this.acceptors = List.copyOf(acceptors);
        this.options = Objects.requireNonNull(options, "options");
        this.delay = options.delayOr(modelDelay);
        this.maxAttempts = options.maxAttemptsOr(modelMaxAttempts);
    }

    /** Polls until the awaited state is reached (returned), cannot be reached, or attempts or time run out (thrown). */
    public WaiterResult<R> run(Q request) {
        Objects.requireNonNull(request, "request");
        Instant start = options.clock().instant();
        for (int attempt = 1; ; attempt++) {
            R lastResponse = null;
            RuntimeException lastError = null;
            try {
                lastResponse = call.apply(request);
            } catch (RuntimeException e) {
                lastError = e;
            }
            WaiterAcceptor<R> decided = decide(lastResponse, lastError);
            if (decided == null && lastError != null) {
                throw new WaiterException(name + " failed on attempt " + attempt + " with an error no acceptor expects: " + lastError.getMessage(),
                        null, lastError, attempt);
            }
            if (decided != null && decided.state() == WaiterState.SUCCESS) {
                return new WaiterResult<>(lastResponse, lastError, attempt);
            }
            if (decided != null && decided.state() == WaiterState.FAILURE) {
                throw new WaiterException(name + " reached a failure state on attempt " + attempt + " (" + decided.description() + ")",
                        lastResponse, lastError, attempt);
            }
            if (attempt >= maxAttempts) {
                throw new WaiterTimeoutException(name + " did not reach the awaited state in " + attempt + " attempts", lastResponse, lastError, attempt);
            }
            Duration timeout = options.timeout();
            if (timeout != null && Duration.between(start, options.clock().instant()).plus(delay).compareTo(timeout) > 0) {
                throw new WaiterTimeoutException(name + " did not reach the awaited state within " + timeout + " (" + attempt + " attempts)",
                        lastResponse, lastError, attempt);
            }
            sleep();
        }
    }

    private WaiterAcceptor<R> decide(R response, Throwable error) {
        for (WaiterAcceptor<R> acceptor : acceptors) {
            if (error == null ? acceptor.matchesResponse(response) : acceptor.matchesError(error)) {
                return acceptor;
            }
        }
        return null;
    }

    private void sleep() {
        try {
            options.sleeper().sleep(delay);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SdkClientException(name + " was interrupted while waiting", e);
        }
    }

    @Override
    public String toString() {
        return "Waiter(" + name + ", delay=" + delay + ", maxAttempts=" + maxAttempts + ", acceptors=" + acceptors + ")";
    }
}
