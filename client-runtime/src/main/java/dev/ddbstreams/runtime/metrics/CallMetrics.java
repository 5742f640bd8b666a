package dev.ddbstreams.runtime.metrics;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * The metrics of one call, immutable: one record per call, however many attempts it took.
 *
 * @param serviceId the service, such as {@code DynamoDB Streams}
 * @param operationName the operation's name in the model, such as {@code GetRecords}
 * @param successful whether the call returned a response
 * @param apiCallDuration the whole call, from the caller's request to its response or exception, every attempt and
 *     wait included
 * @param attempts every attempt made, in order; empty when the call failed before its first attempt (such as in an
 *     interceptor's {@code modifyRequest})
 * @param errorCode the service's error code the call failed with; null when it succeeded or failed without one
 * @param exceptionType the class name of the exception the call failed with; null when it succeeded
 * @param requestId the last attempt's {@code x-amzn-RequestId}; null when there was none
 * @param requestBytes the request body's length
 * @param responseBytes the last response body's length as the service declared it; -1 when unknown
 */
public record CallMetrics(String serviceId, String operationName, boolean successful, Duration apiCallDuration,
                          List<AttemptMetrics> attempts, String errorCode, String exceptionType, String requestId,
                          long requestBytes, long responseBytes) {

    /** Checks and copies the values. */
    public CallMetrics {
        Objects.requireNonNull(serviceId, "serviceId");
        Objects.requireNonNull(operationName, "operationName");
        Objects.requireNonNull(apiCallDuration, "apiCallDuration");
        attempts = List.copyOf(attempts);
    }

    /** How many times the call was retried: the attempts after the first. */
    public int retryCount() {
        return Math.max(0, attempts.size() - 1);
    }

    /** Whether the service throttled any attempt. */
    public boolean throttled() {
        for (AttemptMetrics attempt : attempts) {
            if (attempt.throttled()) {
                return true;
            }
        }
        return false;
    }

    /** The time spent in attempts, waits between them left out. */
    public Duration serviceCallDuration() {
        Duration total = Duration.ZERO;
        for (AttemptMetrics attempt : attempts) {
            total = total.plus(attempt.serviceCallDuration());
        }
        return total;
    }

    /** The last attempt's HTTP status; 0 when no response arrived. */
    public int httpStatusCode() {
        return attempts.isEmpty() ? 0 : attempts.get(attempts.size() - 1).httpStatusCode();
    }
}
