package dev.ddbstreams.runtime.retry;

import java.time.Duration;

/**
 * Exponential backoff with full jitter: before retry {@code n} the wait is uniform in
 * {@code [0, min(maxBackoff, base × 2^(n-1))]}, the base depending on whether the service was throttling.
 */
final class Backoff {

    // 2^30 times any base is beyond every sensible maxBackoff; capping the exponent keeps the arithmetic exact.
    private static final int MAX_EXPONENT = 30;

    private final RetryPolicy policy;

    Backoff(RetryPolicy policy) {
        this.policy = policy;
    }

    /** The wait before retry {@code retryNumber} (1 for the first retry). */
    Duration delay(int retryNumber, boolean throttling) {
        Duration ceiling = ceiling(retryNumber, throttling);
        double fraction = policy.random().getAsDouble();
        if (!(fraction >= 0 && fraction < 1)) {
            throw new IllegalStateException("the retry policy's random source returned " + fraction
                    + ", outside [0, 1)");
        }
        return Duration.ofNanos((long) (ceiling.toNanos() * fraction));
    }

    /** The longest wait before retry {@code retryNumber}. */
    Duration ceiling(int retryNumber, boolean throttling) {
        if (retryNumber < 1) {
            throw new IllegalArgumentException("retryNumber starts at 1: " + retryNumber);
        }
        Duration base = throttling ? policy.throttlingBaseDelay() : policy.baseDelay();
        int exponent = Math.min(retryNumber - 1, MAX_EXPONENT);
        Duration max = policy.maxBackoff();
        // base × 2^exponent, compared with the cap before it can overflow.
        if (base.isZero() || base.compareTo(max.dividedBy(1L << exponent)) > 0) {
            return base.isZero() ? Duration.ZERO : max;
        }
        return base.multipliedBy(1L << exponent);
    }
}
