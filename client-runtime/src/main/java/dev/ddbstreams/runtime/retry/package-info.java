/**
 * Standard-mode retries, shared by every client: a {@link dev.ddbstreams.runtime.retry.RetryPolicy} (how many
 * attempts, how long to wait, what to retry), the {@link dev.ddbstreams.runtime.retry.RetryStrategy} that applies
 * it with a per-client token bucket and full-jitter exponential backoff, and the
 * {@link dev.ddbstreams.runtime.retry.RetryExecutor} that runs a blocking call's attempts under a call timeout.
 */
package dev.ddbstreams.runtime.retry;
