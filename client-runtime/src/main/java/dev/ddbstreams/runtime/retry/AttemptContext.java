package dev.ddbstreams.runtime.retry;

import java.time.Duration;
import java.util.Optional;

/** What an attempt needs to know: which one it is and how long it may take. */
public final class AttemptContext {

    private final int attemptNumber;
    private final Duration remainingTime;

    AttemptContext(int attemptNumber, Duration remainingTime) {
        this.attemptNumber = attemptNumber;
        this.remainingTime = remainingTime;
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
