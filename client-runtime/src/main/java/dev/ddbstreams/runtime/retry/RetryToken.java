package dev.ddbstreams.runtime.retry;

/**
 * One call's progress through its attempts, handed back to the {@link RetryStrategy} after each one. A call's
 * attempts run one after another, so a token is never used by two threads at once.
 */
public final class RetryToken {

    private int attempt = 1;
    private int lastRetryCost;

    RetryToken() {}

    /** The number of the attempt in progress: 1 for the first. */
    public int attempt() {
        return attempt;
    }

    int lastRetryCost() {
        return lastRetryCost;
    }

    void retried(int cost) {
        attempt++;
        lastRetryCost = cost;
    }

    @Override
    public String toString() {
        return "RetryToken(attempt=" + attempt + ")";
    }
}
