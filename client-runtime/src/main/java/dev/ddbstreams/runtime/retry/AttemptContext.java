package dev.ddbstreams.runtime.retry;

import java.time.Duration;
import java.util.Optional;

/** What an attempt needs to know: which one it is and how long it may take. */
public final class AttemptContext {

    private final int attemptNumber;
    private final Duration remainingTime;
    private final Duration delayBefore;

    AttemptContext(int attemptNumber, Duration remainingTime, Duration delayBefore) {
        this.attemptNumber = attemptNumber;
        this.remainingTime = remainingTime;
        this.delayBefore = delayBefore;
    }

    /** How long the call waited before this attempt: retry backoff plus adaptive rate limiting; zero for none. */
    public Duration delayBefore() {
        return delayBefore;
    }

    /** 1 for the first attempt, 2 for the first retry, and so on. */
    public int attemptNumber() {
        return attemptNumber;
    }

    /** The time left before the call timeout, which the attempt must not exceed; empty when there is none. */
    public Optional<Duration> remainingTime() {
        return Optional.ofNullable(remainingTime);
    }

    @Override
    public String toString() {
        return "AttemptContext(attempt=" + attemptNumber + ", remainingTime=" + remainingTime + ")";
    }
}
