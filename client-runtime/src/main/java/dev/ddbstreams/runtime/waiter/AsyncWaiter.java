package dev.ddbstreams.runtime.waiter;

import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * Polls an operation until one of its acceptors decides, like {@link Waiter} and with the same definition, but
 * without blocking a thread: the pause between attempts is scheduled on the options' scheduler, which only starts
 * the next request. The result is a future; cancelling it cancels the request in flight or the attempt not yet
 * started.
 *
 * @param <Q> the polled operation's request type
 * @param <R> its response type
 */
public final class AsyncWaiter<Q, R> {

    private final Function<? super Q, ? extends CompletableFuture<? extends R>> call;
    private final WaitRules<R> rules;
    private final WaiterOptions options;

    /**
     * @param definition the model's waiter
     * @param call starts one request; its future completes with the response
     * @param options overrides of the model's values, the clock and the scheduler
     */
    public AsyncWaiter(WaiterDefinition<R> definition, Function<? super Q, ? extends CompletableFuture<? extends R>> call, WaiterOptions options) {
        Objects.requireNonNull(definition, "definition");
        this.call = Objects.requireNonNull(call, "call");
        this.options = Objects.requireNonNull(options, "options");
        this.rules = new WaitRules<>(definition, options);
    }

    /**
     * Starts polling. The future completes when the awaited state is reached, and fails with a
     * {@link WaiterException} when it cannot be, or with a {@link WaiterTimeoutException} when the attempts or the
     * time run out.
     */
    public CompletableFuture<WaiterResponse<R>> run(Q request) {
        Objects.requireNonNull(request, "request");
        return new Wait(request).start();
    }

    @Override
    public String toString() {
        return "AsyncWaiter(" + rules + ")";
    }

    /** One wait: its attempts, and what is in flight to cancel. */
    private final class Wait {
        private final Q request;
        private final CompletableFuture<WaiterResponse<R>> result = new CompletableFuture<>();
        private final Instant start = rules.now();
        private volatile Future<?> inFlight;

        Wait(Q request) {
            this.request = request;
            result.whenComplete((ignored, failure) -> {
                Future<?> current = inFlight;
                if (result.isCancelled() && current != null) {
                    current.cancel(true);
                }
            });
        }

        CompletableFuture<WaiterResponse<R>> start() {
            attempt(1);
            return result;
        }

        private void attempt(int attempt) {
            if (result.isDone()) {
                return;
            }
            CompletableFuture<? extends R> answer;
            try {
                answer = Objects.requireNonNull(call.apply(request), "the call returned no future");
            } catch (RuntimeException e) {
                answer = CompletableFuture.failedFuture(e);
            }
            inFlight = answer;
            if (result.isDone()) {
                answer.cancel(true);
                return;
            }
            answer.whenComplete((response, failure) -> decide(attempt, response, unwrap(failure)));
        }

        private void decide(int attempt, R response, Throwable error) {
            if (result.isDone()) {
                return;
            }
            WaiterResponse<R> done;
            try {
                done = rules.decide(attempt, start, response, error);
            } catch (RuntimeException e) {
                result.completeExceptionally(e);
                return;
            }
            if (done != null) {
                result.complete(done);
                return;
            }
            inFlight = options.scheduler().schedule(() -> attempt(attempt + 1), rules.delay().toNanos(), TimeUnit.NANOSECONDS);
            if (result.isDone()) {
                inFlight.cancel(false);
            }
        }
    }

    private static Throwable unwrap(Throwable failure) {
        return failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
    }
}
