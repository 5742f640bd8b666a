package dev.ddbstreams.runtime.retry;

import dev.ddbstreams.runtime.exception.ApiCallTimeoutException;
import dev.ddbstreams.runtime.exception.SdkClientException;
import dev.ddbstreams.runtime.exception.SdkException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Runs a blocking call's attempts: retries what the {@link RetryStrategy} allows, waits with the policy's
 * {@link Sleeper}, and keeps all attempts and waits within the call timeout, measured on the given clock.
 *
 * <p>The exception that ends a call is the last attempt's, with the number of attempts recorded
 * ({@link SdkException#numAttempts()}) and the earlier attempts' exceptions suppressed in it; or, when the call
 * timeout runs out, an {@link ApiCallTimeoutException} caused by the last attempt's. Thread-safe.
 */
public final class RetryExecutor {

    private final RetryStrategy strategy;
    private final Clock clock;
    private final Duration callTimeout;

    /**
     * @param callTimeout the longest a whole call may take, every attempt and wait included; zero for no limit
     */
    public RetryExecutor(RetryStrategy strategy, Clock clock, Duration callTimeout) {
        this.strategy = Objects.requireNonNull(strategy, "strategy");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.callTimeout = Objects.requireNonNull(callTimeout, "callTimeout");
        if (callTimeout.isNegative()) {
            throw new IllegalArgumentException("callTimeout must not be negative: " + callTimeout);
        }
    }

    /** One attempt of a call. */
    @FunctionalInterface
    public interface Attempt<T> {
        /** Makes the attempt; it must finish within {@link AttemptContext#remainingTime()}. */
        T run(AttemptContext context);

        /**
         * Told after every failed attempt what happens next: a retry after {@link RetryDecision#delay()}, or the end
         * of the call (and why). Called before the wait; must not throw.
         */
        default void failed(AttemptContext context, RuntimeException failure, RetryDecision decision) {}
    }

    /**
     * Runs {@code attempt} until it succeeds or may not be retried, within this executor's call timeout.
     *
     * @param operationName the call's name, for messages
     * @throws RuntimeException the last attempt's failure, or an {@link ApiCallTimeoutException}
     */
    public <T> T execute(String operationName, Attempt<T> attempt) {
        return execute(operationName, callTimeout, attempt);
    }

    /**
     * Runs {@code attempt} until it succeeds or may not be retried, within {@code callTimeout} (zero for no limit)
     * instead of this executor's.
     */
    public <T> T execute(String operationName, Duration callTimeout, Attempt<T> attempt) {
        Objects.requireNonNull(operationName, "operationName");
        Objects.requireNonNull(callTimeout, "callTimeout");
        Objects.requireNonNull(attempt, "attempt");
        Instant deadline = callTimeout.isZero() ? null : clock.instant().plus(callTimeout);
        RetryToken token = strategy.acquireInitialToken();
        List<RuntimeException> earlier = null;
        Duration backoff = Duration.ZERO;
        while (true) {
            Duration permit = strategy.acquireSendPermit();
            if (!permit.isZero()) {
                sleep(permit, operationName, token.attempt() - 1, earlier);
            }
            Duration remaining = deadline == null ? null : Duration.between(clock.instant(), deadline);
            if (remaining != null && !positive(remaining)) {
                throw timedOut(operationName, callTimeout, token.attempt() - 1, last(earlier), earlier);
            }
            AttemptContext context = new AttemptContext(token.attempt(), remaining,
                    permit.isZero() ? backoff : backoff.plus(permit));
            RuntimeException failure;
            try {
                T result = attempt.run(context);
                strategy.recordSuccess(token);
                return result;
            } catch (RuntimeException e) {
                failure = e;
            }
            int attemptsMade = token.attempt();
            Optional<Duration> left = deadline == null
                    ? Optional.empty()
                    : Optional.of(Duration.between(clock.instant(), deadline));
            RetryDecision decision = strategy.refreshRetryToken(token, failure, left);
            attempt.failed(context, failure, decision);
            if (!decision.shouldRetry()) {
                if (outOfTime(decision, left)) {
                    throw timedOut(operationName, callTimeout, attemptsMade, failure, earlier);
                }
                throw finished(failure, attemptsMade, earlier);
            }
            if (earlier == null) {
                earlier = new ArrayList<>(policyAttempts());
            }
            earlier.add(failure);
            backoff = decision.delay();
            sleep(backoff, operationName, attemptsMade, earlier);
        }
    }

    /** One attempt of an asynchronous call. */
    @FunctionalInterface
    public interface AsyncAttempt<T> {
        /** Starts the attempt; the future completes with its result or failure, within {@link AttemptContext#remainingTime()}. */
        CompletableFuture<T> start(AttemptContext context);

        /** As {@link Attempt#failed}: told after every failed attempt what happens next; must not throw. */
        default void failed(AttemptContext context, RuntimeException failure, RetryDecision decision) {}
    }

    /**
     * The asynchronous form of {@link #execute}: the same decisions, token bucket and messages, with the waits
     * between attempts scheduled on {@code scheduler} instead of blocking a thread. Cancelling the returned future
     * cancels the attempt in flight and any retry not yet started.
     */
    public <T> CompletableFuture<T> executeAsync(String operationName, AsyncAttempt<T> attempt, ScheduledExecutorService scheduler) {
        return executeAsync(operationName, callTimeout, attempt, scheduler);
    }

    /** {@link #executeAsync(String, AsyncAttempt, ScheduledExecutorService)} within {@code callTimeout} instead. */
    public <T> CompletableFuture<T> executeAsync(String operationName, Duration callTimeout, AsyncAttempt<T> attempt,
                                                 ScheduledExecutorService scheduler) {
        Objects.requireNonNull(operationName, "operationName");
        Objects.requireNonNull(callTimeout, "callTimeout");
        Objects.requireNonNull(attempt, "attempt");
        Objects.requireNonNull(scheduler, "scheduler");
        return new AsyncRetryLoop<>(operationName, callTimeout, attempt, scheduler).start();
    }

    /** The state of one asynchronous call across its attempts. */
    private final class AsyncRetryLoop<T> {
        private final String operationName;
        private final Duration callTimeout;
        private final AsyncAttempt<T> attempt;
        private final ScheduledExecutorService scheduler;
        private final CompletableFuture<T> result = new CompletableFuture<>();
        private final Instant deadline;
        private final RetryToken token = strategy.acquireInitialToken();
        private final List<RuntimeException> earlier = new ArrayList<>();
        private volatile Future<?> inFlight;
        private Duration backoff = Duration.ZERO;
        private Duration permit = Duration.ZERO;

        AsyncRetryLoop(String operationName, Duration callTimeout, AsyncAttempt<T> attempt, ScheduledExecutorService scheduler) {
            this.operationName = operationName;
            this.callTimeout = callTimeout;
            this.attempt = attempt;
            this.scheduler = scheduler;
            this.deadline = callTimeout.isZero() ? null : clock.instant().plus(callTimeout);
            result.whenComplete((value, failure) -> {
                Future<?> current = inFlight;
                if (result.isCancelled() && current != null) {
                    current.cancel(true);
                }
            });
        }

        CompletableFuture<T> start() {
            next();
            return result;
        }

        /** Waits for the rate limiter when adaptive mode asks for it, then sends. */
        private void next() {
            if (result.isDone()) {
                return;
            }
            permit = strategy.acquireSendPermit();
            if (permit.isZero()) {
                send();
            } else {
                inFlight = scheduler.schedule(this::send, permit.toNanos(), TimeUnit.NANOSECONDS);
            }
        }

        private void send() {
            if (result.isDone()) {
                return;
            }
            Duration remaining = deadline == null ? null : Duration.between(clock.instant(), deadline);
            if (remaining != null && !positive(remaining)) {
                result.completeExceptionally(timedOut(operationName, callTimeout, token.attempt() - 1, last(earlier), earlier));
                return;
            }
            AttemptContext context = new AttemptContext(token.attempt(), remaining, backoff.plus(permit));
            CompletableFuture<T> current;
            try {
                current = attempt.start(context);
            } catch (RuntimeException e) {
                current = CompletableFuture.failedFuture(e);
            }
            inFlight = current;
            current.whenComplete((value, thrown) -> attemptDone(context, value, thrown));
        }

        private void attemptDone(AttemptContext context, T value, Throwable thrown) {
            if (thrown == null) {
                strategy.recordSuccess(token);
                result.complete(value);
                return;
            }
            RuntimeException failure = unwrap(thrown);
            int attemptsMade = token.attempt();
            Optional<Duration> left = deadline == null ? Optional.empty() : Optional.of(Duration.between(clock.instant(), deadline));
            RetryDecision decision = strategy.refreshRetryToken(token, failure, left);
            attempt.failed(context, failure, decision);
            if (!decision.shouldRetry()) {
                result.completeExceptionally(outOfTime(decision, left)
                        ? timedOut(operationName, callTimeout, attemptsMade, failure, earlier)
                        : finished(failure, attemptsMade, earlier));
                return;
            }
            earlier.add(failure);
            backoff = decision.delay();
            inFlight = scheduler.schedule(this::next, backoff.toNanos(), TimeUnit.NANOSECONDS);
        }

        private RuntimeException unwrap(Throwable thrown) {
            Throwable cause = thrown instanceof CompletionException && thrown.getCause() != null ? thrown.getCause() : thrown;
            return cause instanceof RuntimeException runtime ? runtime
                    : new SdkClientException(operationName + " failed: " + cause, cause);
        }
    }

    private int policyAttempts() {
        return Math.min(strategy.policy().maxAttempts(), 16);
    }

    /** The call timeout ran out: the strategy said so, or no time was left for a failure that could be retried. */
    private static boolean outOfTime(RetryDecision decision, Optional<Duration> left) {
        return decision.reason() == RetryDecision.Reason.CALL_TIMEOUT
                || left.isPresent() && !positive(left.get()) && decision.reason() != RetryDecision.Reason.NOT_RETRYABLE;
    }

    private void sleep(Duration delay, String operationName, int attemptsMade, List<RuntimeException> earlier) {
        try {
            strategy.policy().sleeper().sleep(delay);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            SdkClientException interrupted = new SdkClientException("Interrupted while waiting to retry "
                    + operationName, e);
            throw finished(interrupted, attemptsMade, earlier);
        }
    }

    private static ApiCallTimeoutException timedOut(String operationName, Duration callTimeout, int attemptsMade,
                                                    RuntimeException lastFailure, List<RuntimeException> earlier) {
        ApiCallTimeoutException timeout = new ApiCallTimeoutException(operationName + " did not complete within "
                + "the call timeout of " + callTimeout.toMillis() + " ms, waits between retries included", lastFailure);
        if (earlier != null) {
            earlier.stream().filter(e -> e != lastFailure).forEach(timeout::addSuppressed);
        }
        if (attemptsMade > 0) {
            timeout.setNumAttempts(attemptsMade);
        }
        return timeout;
    }

    private static RuntimeException finished(RuntimeException failure, int attemptsMade,
                                             List<RuntimeException> earlier) {
        if (earlier != null) {
            for (RuntimeException e : earlier) {
                if (e != failure) {
                    failure.addSuppressed(e);
                }
            }
        }
        // Zero when the call was interrupted waiting for the adaptive rate limiter before its first attempt.
        if (failure instanceof SdkException sdk && attemptsMade > 0) {
            sdk.setNumAttempts(attemptsMade);
        }
        return failure;
    }

    private static boolean positive(Duration duration) {
        return !duration.isNegative() && !duration.isZero();
    }

    private static RuntimeException last(List<RuntimeException> failures) {
        return failures == null || failures.isEmpty() ? null : failures.get(failures.size() - 1);
    }

    @Override
    public String toString() {
        return "RetryExecutor(" + strategy + ", callTimeout=" + callTimeout + ")";
    }
}
