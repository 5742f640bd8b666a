package dev.ddbstreams.runtime.waiter;

import dev.ddbstreams.runtime.exception.SdkClientException;
import java.time.Instant;
import java.util.Objects;
import java.util.function.Function;

/**
 * Polls an operation until one of its acceptors decides, as AWS waiters do, blocking the calling thread between
 * attempts (with the options' sleeper). {@link AsyncWaiter} runs the same definition without blocking.
 *
 * @param <Q> the polled operation's request type
 * @param <R> its response type
 */
public final class Waiter<Q, R> {

    private final Function<? super Q, ? extends R> call;
    private final WaitRules<R> rules;
    private final WaiterOptions options;
    private final String name;

    /**
     * @param definition the model's waiter
     * @param call sends one request
     * @param options overrides of the model's values, the clock and the sleeper
     */
    public Waiter(WaiterDefinition<R> definition, Function<? super Q, ? extends R> call, WaiterOptions options) {
        this.name = Objects.requireNonNull(definition, "definition").name();
        this.call = Objects.requireNonNull(call, "call");
        this.options = Objects.requireNonNull(options, "options");
        this.rules = new WaitRules<>(definition, options);
    }

    /**
     * Polls until the awaited state is reached (returned), cannot be reached, or attempts or time run out (thrown).
     *
     * @throws WaiterException when the state cannot be reached or an unexpected error arrives
     * @throws WaiterTimeoutException when the attempts or the time run out
     */
    public WaiterResponse<R> run(Q request) {
        Objects.requireNonNull(request, "request");
        Instant start = rules.now();
        for (int attempt = 1; ; attempt++) {
            R response = null;
            RuntimeException error = null;
            try {
                response = call.apply(request);
            } catch (RuntimeException e) {
                error = e;
            }
            WaiterResponse<R> done = rules.decide(attempt, start, response, error);
            if (done != null) {
                return done;
            }
            try {
                options.sleeper().sleep(rules.delay());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SdkClientException(name + " was interrupted while waiting", e);
            }
        }
    }

    @Override
    public String toString() {
        return "Waiter(" + rules + ")";
    }
}
