package dev.ddbstreams.runtime.retry;

import java.time.Duration;
import java.util.Objects;

/** What to do after a failed attempt: retry after a delay, or stop and say why. */
public final class RetryDecision {

    /** Why a call stops retrying, or {@link #RETRY} when it does not. */
    public enum Reason {
        /** Retry after {@link RetryDecision#delay()}. */
        RETRY,
        /** The failure is not retryable. */
        NOT_RETRYABLE,
        /** The call made its {@link RetryPolicy#maxAttempts()}. */
        MAX_ATTEMPTS_REACHED,
        /** The client's retry token bucket is empty: the service has been failing a lot. */
        RETRY_QUOTA_EXHAUSTED,
        /** Waiting for the next attempt would pass the call timeout. */
        CALL_TIMEOUT
    }

    private final Reason reason;
    private final Duration delay;
    private final FailureKind failureKind;

    private RetryDecision(Reason reason, Duration delay, FailureKind failureKind) {
        this.reason = reason;
        this.delay = delay;
        this.failureKind = failureKind;
    }

    static RetryDecision retryAfter(Duration delay, FailureKind failureKind) {
        return new RetryDecision(Reason.RETRY, Objects.requireNonNull(delay, "delay"), failureKind);
    }

    static RetryDecision stop(Reason reason, FailureKind failureKind) {
        if (reason == Reason.RETRY) {
            throw new IllegalArgumentException("a stop needs a reason other than RETRY");
        }
        return new RetryDecision(reason, Duration.ZERO, failureKind);
    }

    /** What the classifier made of the failure: transient, a timeout, throttling, or not retryable. */
    public FailureKind failureKind() {
        return failureKind;
    }

    /** Whether the call stops although its failure could have been retried: attempts or retry quota ran out. */
    public boolean retriesExhausted() {
        return reason == Reason.MAX_ATTEMPTS_REACHED || reason == Reason.RETRY_QUOTA_EXHAUSTED;
    }

    /** Whether to make another attempt. */
    public boolean shouldRetry() {
        return reason == Reason.RETRY;
    }

    /** {@link Reason#RETRY}, or why the call stops. */
    public Reason reason() {
        return reason;
    }

    /** How long to wait before the next attempt; zero when stopping. */
    public Duration delay() {
        return delay;
    }

    @Override
    public String toString() {
        return shouldRetry() ? "RetryDecision(" + failureKind + ", retry after " + delay + ")"
                : "RetryDecision(" + failureKind + ", stop: " + reason + ")";
    }
}
