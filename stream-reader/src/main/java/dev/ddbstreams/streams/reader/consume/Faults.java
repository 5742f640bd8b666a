package dev.ddbstreams.streams.reader.consume;

import dev.ddbstreams.runtime.exception.ApiCallTimeoutException;
import dev.ddbstreams.runtime.retry.FailureKind;
import dev.ddbstreams.runtime.retry.RetryClassifier;

/**
 * Tells which errors of a call a shard reader retries after a pause.
 *
 * <p>The client has already retried each call (3 attempts by default); what reaches the reader is what the client
 * gave up on. The reader uses the SDK's own classification, so the two layers agree on what is transient, with one
 * difference: a call that ran out of the client's call timeout is worth retrying later, since the service may be
 * back by then, and a reader should pause through an outage rather than stop.
 */
public final class Faults {

    private static final RetryClassifier SDK = RetryClassifier.standard();

    private Faults() {}

    /**
     * Whether the call may succeed if made again later: throttling, a server error, a network failure or timeout, a
     * response damaged in transit. Everything else (a missing stream, bad credentials, a malformed answer, an
     * expired iterator or trimmed data, which the reader handles on their own) would fail the same way again.
     */
    public static boolean isRetryable(Throwable error) {
        return error instanceof ApiCallTimeoutException || SDK.classify(error).retryable();
    }

    /** Whether the service was throttling (a limit exceeded, HTTP 429): the stream as a whole should slow down. */
    public static boolean isThrottling(Throwable error) {
        return SDK.classify(error) == FailureKind.THROTTLING;
    }
}
