package dev.ddbstreams.runtime.retry;

import static dev.ddbstreams.runtime.retry.RetryTestExceptions.service;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ddbstreams.runtime.exception.ApiCallTimeoutException;
import dev.ddbstreams.runtime.exception.Crc32MismatchException;
import dev.ddbstreams.runtime.exception.MalformedResponseException;
import dev.ddbstreams.runtime.exception.SdkClientException;
import java.io.IOException;
import java.net.SocketTimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What is retried, and how: the lists. */
class StandardRetryClassifierTest {

    private final RetryClassifier classifier = RetryClassifier.standard();

    @ParameterizedTest
    @ValueSource(strings = {"ResourceNotFoundException", "ExpiredIteratorException", "TrimmedDataAccessException",
            "ValidationException", "SerializationException", "AccessDeniedException"})
    void neverRetried(String code) {
        assertThat(classifier.classify(service(400, code))).isEqualTo(FailureKind.NOT_RETRYABLE);
        // Not even if a proxy answered with a 5xx status.
        assertThat(classifier.classify(service(503, code))).isEqualTo(FailureKind.NOT_RETRYABLE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"LimitExceededException", "ThrottlingException", "ProvisionedThroughputExceededException",
            "TooManyRequestsException", "RequestLimitExceeded", "Throttling"})
    void throttlingCodes(String code) {
        assertThat(classifier.classify(service(400, code))).isEqualTo(FailureKind.THROTTLING);
    }

    @Test
    void status429IsThrottlingWhateverTheCode() {
        assertThat(classifier.classify(service(429, null))).isEqualTo(FailureKind.THROTTLING);
    }

    @ParameterizedTest
    @ValueSource(ints = {500, 502, 503, 504})
    void serverErrorsAreTransient(int status) {
        assertThat(classifier.classify(service(status, null))).isEqualTo(FailureKind.TRANSIENT);
        assertThat(classifier.classify(service(status, "InternalServerError"))).isEqualTo(FailureKind.TRANSIENT);
    }

    @Test
    void internalServerErrorCodeIsTransientEvenWithA400() {
        assertThat(classifier.classify(service(400, "InternalServerError"))).isEqualTo(FailureKind.TRANSIENT);
    }

    @Test
    void otherClientErrorsAreNotRetried() {
        assertThat(classifier.classify(service(400, "SomethingElse"))).isEqualTo(FailureKind.NOT_RETRYABLE);
        assertThat(classifier.classify(service(403, null))).isEqualTo(FailureKind.NOT_RETRYABLE);
        assertThat(classifier.classify(service(404, null))).isEqualTo(FailureKind.NOT_RETRYABLE);
    }

    @Test
    void ioErrorsAreTransientAndTimeoutsTheirOwnKind() {
        assertThat(classifier.classify(new SdkClientException("x", new IOException("connection reset"))))
                .isEqualTo(FailureKind.TRANSIENT);
        assertThat(classifier.classify(new SdkClientException("x", new SocketTimeoutException("Read timed out"))))
                .isEqualTo(FailureKind.TIMEOUT);
        assertThat(classifier.classify(new SdkClientException("x",
                new SdkClientException("wrapped", new IOException("deep"))))).isEqualTo(FailureKind.TRANSIENT);
    }

    @Test
    void crcMismatchIsTransient() {
        assertThat(classifier.classify(new Crc32MismatchException("corrupted", 1, 2)))
                .isEqualTo(FailureKind.TRANSIENT);
    }

    @Test
    void clientFailuresWithoutIoAreNotRetried() {
        assertThat(classifier.classify(new SdkClientException("No region configured")))
                .isEqualTo(FailureKind.NOT_RETRYABLE);
        assertThat(classifier.classify(new MalformedResponseException("bad json",
                new com.fasterxml.jackson.core.JsonParseException(null, "x")))).isEqualTo(FailureKind.NOT_RETRYABLE);
        assertThat(classifier.classify(new ApiCallTimeoutException("late", new SdkClientException("x",
                new SocketTimeoutException()))))
                .isEqualTo(FailureKind.NOT_RETRYABLE);
        assertThat(classifier.classify(new IllegalStateException("a bug"))).isEqualTo(FailureKind.NOT_RETRYABLE);
    }
}
