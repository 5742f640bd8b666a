package dev.ddbstreams.streams.reader.consume;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ddbstreams.runtime.exception.ApiCallTimeoutException;
import dev.ddbstreams.runtime.exception.AwsErrorDetails;
import dev.ddbstreams.runtime.exception.Crc32MismatchException;
import dev.ddbstreams.runtime.exception.MalformedResponseException;
import dev.ddbstreams.runtime.exception.SdkClientException;
import dev.ddbstreams.streams.model.DynamoDbStreamsException;
import dev.ddbstreams.streams.model.ExpiredIteratorException;
import dev.ddbstreams.streams.model.InternalServerErrorException;
import dev.ddbstreams.streams.model.LimitExceededException;
import dev.ddbstreams.streams.model.ResourceNotFoundException;
import dev.ddbstreams.streams.model.TrimmedDataAccessException;
import java.io.IOException;
import java.net.SocketTimeoutException;
import org.junit.jupiter.api.Test;

class FaultsTest {

    private static AwsErrorDetails details(String code, int status) {
        return new AwsErrorDetails(code, "message", "request-1", status, "DynamoDB Streams");
    }

    @Test
    void throttlingServerErrorsAndNetworkFailuresAreRetried() {
        assertThat(Faults.isRetryable(new LimitExceededException(details("LimitExceededException", 400)))).isTrue();
        assertThat(Faults.isRetryable(new DynamoDbStreamsException(details("ThrottlingException", 400)))).isTrue();
        assertThat(Faults.isRetryable(new DynamoDbStreamsException(details(null, 429)))).isTrue();
        assertThat(Faults.isRetryable(new InternalServerErrorException(details("InternalServerError", 500)))).isTrue();
        assertThat(Faults.isRetryable(new DynamoDbStreamsException(details(null, 503)))).isTrue();
        assertThat(Faults.isRetryable(new SdkClientException("timeout", new SocketTimeoutException("read")))).isTrue();
        assertThat(Faults.isRetryable(new SdkClientException("reset", new IOException("connection reset")))).isTrue();
        assertThat(Faults.isRetryable(new Crc32MismatchException("damaged", 1, 2))).isTrue();
        // The client gave up within its call timeout; the reader pauses and tries again.
        assertThat(Faults.isRetryable(new ApiCallTimeoutException("call timeout", null))).isTrue();
    }

    @Test
    void errorsThatWouldRecurAreNot() {
        assertThat(Faults.isRetryable(new ResourceNotFoundException(details("ResourceNotFoundException", 400)))).isFalse();
        assertThat(Faults.isRetryable(new DynamoDbStreamsException(details("AccessDeniedException", 400)))).isFalse();
        assertThat(Faults.isRetryable(new DynamoDbStreamsException(details("ValidationException", 400)))).isFalse();
        assertThat(Faults.isRetryable(new MalformedResponseException("not JSON"))).isFalse();
        assertThat(Faults.isRetryable(new SdkClientException("This client has been closed"))).isFalse();
        assertThat(Faults.isRetryable(new IllegalStateException("a bug"))).isFalse();
        // These two have their own handling, never a blind retry.
        assertThat(Faults.isRetryable(new ExpiredIteratorException(details("ExpiredIteratorException", 400)))).isFalse();
        assertThat(Faults.isRetryable(new TrimmedDataAccessException(details("TrimmedDataAccessException", 400)))).isFalse();
    }
}
