package dev.ddbstreams.runtime.waiter;

import java.time.Duration;
import java.time.Instant;

/**
 * What an attempt's answer means for a wait, the same for {@link Waiter} and {@link AsyncWaiter}: the acceptors are
 * tried in order and the first that matches decides; an error no acceptor expects ends the wait at once; without
 * a decision the wait goes on, unless the attempts or the time have run out.
 */
final class WaitRules<R> {

    private final WaiterDefinition<R> definition;
    private final WaiterOptions options;
    private final Duration delay;
    private final int maxAttempts;

    WaitRules(WaiterDefinition<R> definition, WaiterOptions options) {
        this.definition = definition;
        this.options = options;
        this.delay = options.delayOr(definition.delay());
        this.maxAttempts = options.maxAttemptsOr(definition.maxAttempts());
    }

    Duration delay() {
        return delay;
    }

    Instant now() {
        return options.clock().instant();
    }

    /**
     * Decides after attempt number {@code attempt}, begun at {@code start}, answered with {@code response} or
     * {@code error}: the response that ends the wait, or null to poll again after {@link #delay()}.
     *
     * @throws WaiterException when the awaited state cannot be reached, an unexpected error arrived, or the attempts
     *     or the time ran out ({@link WaiterTimeoutException})
     */
    WaiterResponse<R> decide(int attempt, Instant start, R response, Throwable error) {
        String name = definition.name();
        WaiterAcceptor<R> decided = null;
        for (WaiterAcceptor<R> acceptor : definition.acceptors()) {
            if (error == null ? acceptor.matchesResponse(response) : acceptor.matchesError(error)) {
                decided = acceptor;
                break;
            }
        }
        if (decided == null && error != null) {
            throw new WaiterException(name + " failed on attempt " + attempt + " with an error no acceptor expects: " + error.getMessage(),
                    null, error, attempt);
        }
        if (decided != null && decided.state() == WaiterState.SUCCESS) {
            return new WaiterResponse<>(error == null ? ResponseOrException.response(response) : ResponseOrException.exception(error), attempt);
        }
        if (decided != null && decided.state() == WaiterState.FAILURE) {
            throw new WaiterException(name + " reached a failure state on attempt " + attempt + " (" + decided.description() + ")",
                    response, error, attempt);
        }
        if (attempt >= maxAttempts) {
            throw new WaiterTimeoutException(name + " did not reach the awaited state in " + attempt + " attempts", response, error, attempt);
        }
        Duration timeout = options.timeout();
        if (timeout != null && Duration.between(start, now()).plus(delay).compareTo(timeout) > 0) {
            throw new WaiterTimeoutException(name + " did not reach the awaited state within " + timeout + " (" + attempt + " attempts)",
                    response, error, attempt);
        }
        return null;
    }

    @Override
    public String toString() {
        return definition.name() + ", delay=" + delay + ", maxAttempts=" + maxAttempts + ", acceptors=" + definition.acceptors();
    }
}
