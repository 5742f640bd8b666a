package dev.ddbstreams.runtime.http;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/**
 * The one thread that times the waits between attempts of asynchronous calls (retries, and the asynchronous
 * waiters' polls). It only starts the next attempt (which OkHttp runs on its own threads), so one daemon thread
 * serves every client, and it is created only when an asynchronous call first needs to wait.
 */
public final class RetryScheduler {

    private RetryScheduler() {}

    private static final class Holder {
        static final ScheduledExecutorService INSTANCE = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "ddbstreams-retry-scheduler");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** The shared scheduler; never shut it down. */
    public static ScheduledExecutorService get() {
        return Holder.INSTANCE;
    }
}
