package dev.ddbstreams.runtime.retry;

import dev.ddbstreams.runtime.exception.ApiCallTimeoutException;
import dev.ddbstreams.runtime.exception.AwsServiceException;
import dev.ddbstreams.runtime.exception.Crc32MismatchException;
import dev.ddbstreams.runtime.exception.MalformedResponseException;
import dev.ddbstreams.runtime.exception.SdkClientException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.Set;

/**
 * The standard retry classification of the AWS SDKs, with {@code LimitExceededException} counted as throttling:
 * <ul>
 *   <li>never retried: the error codes in {@link #NEVER_RETRIED} (such as {@code ResourceNotFoundException},
 *       {@code ExpiredIteratorException}, {@code TrimmedDataAccessException}, validation errors), every other 4xx
 *       that is not throttling, malformed responses, call timeouts, and client failures without an I/O cause
 *       (configuration, credentials that cannot be found);
 *   <li>throttling: HTTP 429 and the error codes in {@link #THROTTLING};
 *   <li>transient: HTTP 5xx, the error codes in {@link #TRANSIENT}, CRC32 mismatches and I/O errors;
 *   <li>timeout: I/O errors that are timeouts.
 * </ul>
 */
public final class StandardRetryClassifier implements RetryClassifier {

    /** Error codes that are never retried, whatever their status code. */
    public static final Set<String> NEVER_RETRIED = Set.of(
            "ResourceNotFoundException", "ExpiredIteratorException", "TrimmedDataAccessException",
            "ValidationException", "ValidationError", "SerializationException", "AccessDeniedException",
            "UnrecognizedClientException", "InvalidSignatureException", "MissingAuthenticationTokenException",
            "IncompleteSignature", "IncompleteSignatureException", "ExpiredTokenException");

    /** Error codes of throttling. */
    public static final Set<String> THROTTLING = Set.of(
            "LimitExceededException", "ThrottlingException", "Throttling", "ThrottledException",
            "RequestThrottled", "RequestThrottledException", "TooManyRequestsException",
            "ProvisionedThroughputExceededException", "RequestLimitExceeded", "BandwidthLimitExceeded",
            "SlowDown", "PriorRequestNotComplete", "EC2ThrottledException");

    /** Error codes of transient faults, whatever their status code. */
    public static final Set<String> TRANSIENT = Set.of(
            "InternalServerError", "InternalFailure", "InternalError", "ServiceUnavailable",
            "ServiceUnavailableException", "RequestTimeout", "RequestTimeoutException");

    static final StandardRetryClassifier INSTANCE = new StandardRetryClassifier();

    private StandardRetryClassifier() {}

    @Override
    public FailureKind classify(Throwable failure) {
        if (failure instanceof AwsServiceException service) {
            return classifyService(service);
        }
        if (failure instanceof Crc32MismatchException) {
            return FailureKind.TRANSIENT;
        }
        if (failure instanceof MalformedResponseException || failure instanceof ApiCallTimeoutException) {
            return FailureKind.NOT_RETRYABLE;
        }
        if (failure instanceof SdkClientException) {
            return classifyIo(failure.getCause());
        }
        return FailureKind.NOT_RETRYABLE;
    }

    private static FailureKind classifyService(AwsServiceException e) {
        String code = e.errorCode();
        if (code != null && NEVER_RETRIED.contains(code)) {
            return FailureKind.NOT_RETRYABLE;
        }
        if (e.statusCode() == 429 || code != null && THROTTLING.contains(code)) {
            return FailureKind.THROTTLING;
        }
        if (e.statusCode() >= 500 || code != null && TRANSIENT.contains(code)) {
            return FailureKind.TRANSIENT;
        }
        return FailureKind.NOT_RETRYABLE;
    }

    /** An I/O failure somewhere in the causes is transient; a timeout is its own kind. */
    private static FailureKind classifyIo(Throwable cause) {
        for (Throwable t = cause; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof InterruptedIOException) {
                return FailureKind.TIMEOUT;
            }
            if (t instanceof IOException) {
                return FailureKind.TRANSIENT;
            }
        }
        return FailureKind.NOT_RETRYABLE;
    }

    @Override
    public String toString() {
        return "StandardRetryClassifier";
    }
}
