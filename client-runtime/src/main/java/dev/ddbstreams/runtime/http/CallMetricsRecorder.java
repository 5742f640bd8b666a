package dev.ddbstreams.runtime.http;

import dev.ddbstreams.runtime.exception.AwsServiceException;
import dev.ddbstreams.runtime.metrics.AttemptMetrics;
import dev.ddbstreams.runtime.metrics.CallMetrics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Collects one call's {@link CallMetrics} as it goes; only made when someone publishes them. */
final class CallMetricsRecorder {

    private final List<AttemptMetrics> attempts = new ArrayList<>(2);
    private long requestBytes;

    void requestBytes(long bytes) {
        this.requestBytes = bytes;
    }

    void attempt(int attemptNumber, Duration delayBefore, long startNanos, int status, String errorCode,
                 boolean throttled, String requestId, long responseBytes) {
        attempts.add(new AttemptMetrics(attemptNumber, delayBefore, Duration.ofNanos(System.nanoTime() - startNanos),
                status, errorCode, throttled, requestId, responseBytes));
    }

    CallMetrics finish(String serviceId, String operationName, long startNanos, Throwable failure) {
        AttemptMetrics last = attempts.isEmpty() ? null : attempts.get(attempts.size() - 1);
        String errorCode = failure instanceof AwsServiceException service ? service.errorCode() : null;
        return new CallMetrics(serviceId, operationName, failure == null,
                Duration.ofNanos(System.nanoTime() - startNanos), attempts, errorCode,
                failure == null ? null : failure.getClass().getName(),
                last == null ? null : last.requestId(), requestBytes, last == null ? -1 : last.responseBytes());
    }
}
