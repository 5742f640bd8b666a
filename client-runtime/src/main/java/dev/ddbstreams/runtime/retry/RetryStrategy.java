package dev.ddbstreams.runtime.retry;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * Applies a {@link RetryPolicy} to the calls of one client, with that client's retry token bucket. It decides and
 * never waits, so blocking and asynchronous callers share it: {@link #acquireInitialToken()} before the first
 * attempt, {@link #refreshRetryToken} after each failure, {@link #recordSuccess} after the attempt that succeeds.
 * {@link RetryExecutor} is the blocking loop around it. Thread-safe.
 */
public final class RetryStrategy {

    private final RetryPolicy policy;
    private final RetryTokenBucket bucket;
    private final Backoff backoff;
    private final ClientRateLimiter rateLimiter;

    private RetryStrategy(RetryPolicy policy, LongSupplier nanoTime) {
        this.policy = policy;
        this.bucket = new RetryTokenBucket(policy.tokenBucketCapacity());
        this.backoff = new Backoff(policy);
        this.rateLimiter = policy.mode() == RetryMode.ADAPTIVE ? new ClientRateLimiter(nanoTime) : null;
    }

    /** A strategy with a full token bucket of its own (and, in adaptive mode, a rate limiter on the real clock). */
    public static RetryStrategy create(RetryPolicy policy) {
        return create(policy, System::nanoTime);
    }

    /** A strategy whose adaptive rate limiter reads time from {@code nanoTime}, as tests with a fake clock need. */
    public static RetryStrategy create(RetryPolicy policy, LongSupplier nanoTime) {
        return new RetryStrategy(Objects.requireNonNull(policy, "policy"), Objects.requireNonNull(nanoTime, "nanoTime"));
    }

    /**
     * How long the next attempt must wait before it is sent: in adaptive mode, once the service has throttled, the
     * time until the rate limiter has a token for it (which it takes); zero otherwise.
     */
    public Duration acquireSendPermit() {
        return rateLimiter == null ? Duration.ZERO : rateLimiter.acquire();
    }

    /** The adaptive mode's rate limiter; empty in standard mode. */
    public Optional<ClientRateLimiter> rateLimiter() {
        return Optional.ofNullable(rateLimiter);
    }

    /** The policy applied. */
    public RetryPolicy policy() {
        return policy;
    }

    /** The token of a new call, at its first attempt. */
    public RetryToken acquireInitialToken() {
        return new RetryToken();
    }

    /**
     * Whether, and after how long, the call of {@code token} makes another attempt after {@code failure}. A retry
     * takes its cost from the token bucket and moves the token to the next attempt.
     *
     * @param remainingTime the time left before the call timeout; empty when there is none
     */
    public RetryDecision refreshRetryToken(RetryToken token, Throwable failure, Optional<Duration> remainingTime) {
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(failure, "failure");
        FailureKind kind = policy.classifier().classify(failure);
        if (rateLimiter != null) {
            rateLimiter.update(kind == FailureKind.THROTTLING);
        }
        if (!kind.retryable()) {
            return RetryDecision.stop(RetryDecision.Reason.NOT_RETRYABLE, kind);
        }
        if (token.attempt() >= policy.maxAttempts()) {
            return RetryDecision.stop(RetryDecision.Reason.MAX_ATTEMPTS_REACHED, kind);
        }
        Duration delay = backoff.delay(token.attempt(), kind == FailureKind.THROTTLING);
        if (remainingTime.isPresent() && delay.compareTo(remainingTime.get()) >= 0) {
            return RetryDecision.stop(RetryDecision.Reason.CALL_TIMEOUT, kind);
        }
        int cost = kind == FailureKind.TIMEOUT ? policy.timeoutRetryCost() : policy.retryCost();
        if (!bucket.tryAcquire(cost)) {
            return RetryDecision.stop(RetryDecision.Reason.RETRY_QUOTA_EXHAUSTED, kind);
        }
        token.retried(cost);
        return RetryDecision.retryAfter(delay, kind);
    }

    /**
     * Records that the call of {@code token} succeeded: returns what its last retry took to the bucket, or one token
     * when it succeeded at its first attempt.
     */
    public void recordSuccess(RetryToken token) {
        Objects.requireNonNull(token, "token");
        if (rateLimiter != null) {
            rateLimiter.update(false);
        }
        bucket.release(token.attempt() > 1 ? token.lastRetryCost() : 1);
    }

    /** The tokens left in this client's retry bucket. */
    public int availableRetryTokens() {
        return bucket.available();
    }

    @Override
    public String toString() {
        return "RetryStrategy(" + policy + ", availableRetryTokens=" + bucket.available() + ")";
    }
}
