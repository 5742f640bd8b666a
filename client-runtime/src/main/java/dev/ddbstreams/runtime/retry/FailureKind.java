package dev.ddbstreams.runtime.retry;

/** What a failed attempt means for retrying it. */
public enum FailureKind {

    /** Retrying cannot help: the request or the configuration is wrong, or the service said no for good. */
    NOT_RETRYABLE,

    /** A transient fault: an I/O error, a 5xx, a corrupted response. */
    TRANSIENT,

    /** The attempt timed out; retried like a transient fault but costs more of the retry quota. */
    TIMEOUT,

    /** The service is throttling: retried after longer waits. */
    THROTTLING;

    /** Whether a failure of this kind may be retried. */
    public boolean retryable() {
        return this != NOT_RETRYABLE;
    }
}
