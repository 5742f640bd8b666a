package dev.ddbstreams.runtime.retry;

/** Decides what a failed attempt's exception means for retrying it. Implementations must be thread-safe. */
@FunctionalInterface
public interface RetryClassifier {

    /** The kind of failure {@code failure} is. */
    FailureKind classify(Throwable failure);

    /** The AWS SDKs' standard classification; see {@link StandardRetryClassifier}. */
    static RetryClassifier standard() {
        return StandardRetryClassifier.INSTANCE;
    }
}
