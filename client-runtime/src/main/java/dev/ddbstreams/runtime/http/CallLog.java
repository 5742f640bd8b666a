package dev.ddbstreams.runtime.http;

import dev.ddbstreams.runtime.exception.AwsServiceException;
import dev.ddbstreams.runtime.retry.FailureKind;
import dev.ddbstreams.runtime.retry.RetryDecision;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the client logs about its calls, through SLF4J under {@code dev.ddbstreams.runtime.http.calls}: each call at
 * DEBUG (operation, attempts, status, latency, request id), each retry at DEBUG, throttling and retries running out
 * at WARN. Only names, codes, statuses and ids: never credentials, signatures, headers, bodies or the messages of
 * service errors (which quote what the caller sent).
 */
final class CallLog {

    static final Logger LOG = LoggerFactory.getLogger("dev.ddbstreams.runtime.http.calls");

    private CallLog() {}

    static boolean debug() {
        return LOG.isDebugEnabled();
    }

    static void succeeded(String serviceId, String operation, int attempts, int status, long startNanos, String requestId) {
        LOG.debug("{} {}: HTTP {} after {} attempt(s) in {} ms, request id {}", serviceId, operation, status, attempts,
                millisSince(startNanos), requestId);
    }

    static void failed(String serviceId, String operation, int attempts, long startNanos, Throwable failure) {
        if (LOG.isDebugEnabled()) {
            LOG.debug("{} {}: failed after {} attempt(s) in {} ms: {}", serviceId, operation, attempts,
                    millisSince(startNanos), describe(failure));
        }
    }

    /** After a failed attempt: the retry at DEBUG, throttling and retries running out at WARN. */
    static void attemptFailed(String serviceId, String operation, int attempt, RuntimeException failure,
                              RetryDecision decision) {
        boolean throttled = decision.failureKind() == FailureKind.THROTTLING;
        if (decision.shouldRetry()) {
            if (throttled) {
                LOG.warn("{} {}: throttled at attempt {} ({}); retrying in {} ms", serviceId, operation, attempt,
                        describe(failure), decision.delay().toMillis());
            } else if (LOG.isDebugEnabled()) {
                LOG.debug("{} {}: attempt {} failed ({}); retrying in {} ms", serviceId, operation, attempt,
                        describe(failure), decision.delay().toMillis());
            }
        } else if (decision.retriesExhausted()) {
            LOG.warn("{} {}: retries exhausted ({}) after attempt {}{}: {}", serviceId, operation,
                    decision.reason() == RetryDecision.Reason.MAX_ATTEMPTS_REACHED ? "maximum attempts reached"
                            : "retry quota exhausted", attempt, throttled ? ", throttled" : "", describe(failure));
        } else if (throttled) {
            LOG.warn("{} {}: throttled at attempt {} ({}), not retried: {}", serviceId, operation, attempt,
                    describe(failure), decision.reason());
        }
    }

    /** The exception's class, and for a service error its status, code and request id; never its message. */
    static String describe(Throwable failure) {
        if (failure instanceof AwsServiceException service) {
            return failure.getClass().getSimpleName() + ", HTTP " + service.statusCode() + ", " + service.errorCode()
                    + ", request id " + service.requestId();
        }
        Throwable cause = failure.getCause();
        return failure.getClass().getSimpleName() + (cause == null ? "" : " caused by " + cause.getClass().getSimpleName());
    }

    private static long millisSince(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }
}
