package dev.ddbstreams.runtime.waiter;

import java.time.Duration;

/** Waits between attempts; replaceable so tests can run a waiter under a fake clock. */
@FunctionalInterface
public interface Sleeper {

    /** The real thing: {@link Thread#sleep(long)}. */
    Sleeper THREAD_SLEEP = duration -> Thread.sleep(duration.toMillis());

    void sleep(Duration duration) throws InterruptedException;
}
