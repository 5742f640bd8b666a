package dev.ddbstreams.runtime.http;

import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Completes an asynchronous client's futures on its future completion executor, never on the HTTP client's thread
 * that finished the call: whatever an application chains on the future runs where the executor runs it.
 */
final class FutureCompletion {

    private FutureCompletion() {}

    /**
     * The executor asynchronous clients complete on unless configured: daemon threads shared by every client, as
     * many as the machine has processors but at least 8 (continuations may block), each ending after 10 idle seconds.
     * Its queue is unbounded so a burst of completions never falls back onto OkHttp's threads. Created at first use.
     */
    static Executor defaultExecutor() {
        return Holder.INSTANCE;
    }

    /** Runs {@code completion} on {@code executor}, or on the shared executor when {@code executor} refuses it. */
    static void run(Executor executor, Runnable completion) {
        try {
            executor.execute(completion);
        } catch (RejectedExecutionException e) {
            if (executor == Holder.INSTANCE) {
                throw e;
            }
            Holder.INSTANCE.execute(completion);
        }
    }

    private static final class Holder {
        static final ThreadPoolExecutor INSTANCE = create();

        private static ThreadPoolExecutor create() {
            int threads = Math.max(8, Runtime.getRuntime().availableProcessors());
            AtomicInteger count = new AtomicInteger();
            ThreadPoolExecutor executor = new ThreadPoolExecutor(threads, threads, 10, TimeUnit.SECONDS,
                    new LinkedBlockingQueue<>(), runnable -> {
                        Thread thread = new Thread(runnable, "ddbstreams-async-response-" + count.incrementAndGet());
                        thread.setDaemon(true);
                        return thread;
                    });
            executor.allowCoreThreadTimeOut(true);
            return executor;
        }
    }
}
