package dev.ddbstreams.runtime.http;

import java.util.concurrent.Executor;

/**
 * The settings of an asynchronous client's builder: those of every client plus the executor that completes its
 * futures.
 *
 * @param <B> the concrete builder, returned by every setter so calls chain
 * @param <C> the client it builds
 */
public abstract class AwsAsyncClientBuilder<B extends AwsAsyncClientBuilder<B, C>, C> extends AwsClientBuilder<B, C> {

    /** For subclasses. */
    protected AwsAsyncClientBuilder() {}

    /**
     * Where the client completes the futures it returns, and so where the stages an application chains on them with
     * {@code thenApply}, {@code whenComplete} and the like run (the AWS SDK for Java v2's
     * {@code FUTURE_COMPLETION_EXECUTOR}). Unless set, a pool of daemon threads shared by every client,
     * {@code ddbstreams-async-response-N}: application code never runs on OkHttp's dispatcher threads, which would
     * otherwise stall every other call of the client. {@code Runnable::run} completes on OkHttp's thread instead, for
     * stages that are quick and never block. An executor that refuses a task hands it to the shared pool.
     */
    public B futureCompletionExecutor(Executor futureCompletionExecutor) {
        settingsBuilder().futureCompletionExecutor(futureCompletionExecutor);
        return self();
    }
}
