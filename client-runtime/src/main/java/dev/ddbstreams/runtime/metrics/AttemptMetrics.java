package dev.ddbstreams.runtime.metrics;

import java.time.Duration;
import java.util.Objects;

/**
 * What one attempt of a call did.
 *
 * @param attemptNumber 1 for the first attempt, 2 for the first retry, and so on
 * @param backoffDelay how long the client waited before this attempt (retry backoff and adaptive rate limiting);
 *     zero for an attempt sent at once
 * @param serviceCallDuration from signing the request to having read the response (or the attempt's failure)
 * @param httpStatusCode the response's status; 0 when no response arrived
 * @param errorCode the service's error code, such as {@code LimitExceededException}; null when the attempt succeeded
 *     or failed without an answer from the service
 * @param throttled whether the service was throttling this attempt
 * @param requestId the service's {@code x-amzn-RequestId}; null when there was none
 * @param responseBytes the response body's length as the service declared it; -1 when unknown
 */
public record AttemptMetrics(int attemptNumber, Duration backoffDelay, Duration serviceCallDuration,
                             int httpStatusCode, String errorCode, boolean throttled, String requestId,
                             long responseBytes) {

    /** Checks the values. */
    public AttemptMetrics {
        if (attemptNumber < 1) {
            throw new IllegalArgumentException("attemptNumber starts at 1: " + attemptNumber);
        }
        Objects.requireNonNull(backoffDelay, "backoffDelay");
        Objects.requireNonNull(serviceCallDuration, "serviceCallDuration");
    }

    /** Whether the attempt got a successful (2xx) response. */
    public boolean successful() {
        return httpStatusCode >= 200 && httpStatusCode < 300 && errorCode == null;
    }
}
