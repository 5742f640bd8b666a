package dev.ddbstreams.runtime.retry;

/**
 * The retry quota of one client: retries take tokens, successes put some back, and an empty bucket means no more
 * retries until it refills. Thread-safe.
 */
final class RetryTokenBucket {

    private final int capacity;
    private int tokens;

    RetryTokenBucket(int capacity) {
        this.capacity = capacity;
        this.tokens = capacity;
    }

    /** Takes {@code cost} tokens when there are that many; false, taking none, when there are not. */
    synchronized boolean tryAcquire(int cost) {
        if (cost > tokens) {
            return false;
        }
        tokens -= cost;
        return true;
    }

    /** Puts {@code amount} tokens back, never past the capacity. */
    synchronized void release(int amount) {
        tokens = Math.min(capacity, tokens + amount);
    }

    /** The tokens in the bucket now. */
    synchronized int available() {
        return tokens;
    }
}
