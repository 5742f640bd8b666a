package dev.ddbstreams.streams.reader;

import dev.ddbstreams.runtime.exception.AwsServiceException;
import dev.ddbstreams.runtime.exception.Crc32MismatchException;
import dev.ddbstreams.runtime.exception.SdkClientException;
import dev.ddbstreams.streams.model.InternalServerErrorException;
import dev.ddbstreams.streams.model.LimitExceededException;
import java.io.IOException;
import java.util.Set;

/** Tells which errors of a call are worth retrying after a pause. */
final class Faults {

    /** Codes AWS services use for throttling besides DynamoDB Streams' modeled LimitExceededException. */
    private static final Set<String> THROTTLING_CODES = Set.of(
            "ThrottlingException", "Throttling", "ThrottledException", "RequestThrottledException",
            "TooManyRequestsException", "ProvisionedThroughputExceededException", "RequestLimitExceeded",
            "TransactionInProgressException");

    private Faults() {}

    /**
     * Whether the call may succeed if made again later: throttling, a server error, a network failure or a response
     * damaged in transit. Everything else (a missing stream, bad credentials, a malformed answer) will fail the same
     * way again.
     */
    static boolean isRetryable(Throwable error) {
        if (error instanceof AwsServiceException service) {
            return service instanceof LimitExceededException
                    || service instanceof InternalServerErrorException
                    || service.statusCode() >= 500
                    || service.statusCode() == 429
                    || (service.errorCode() != null && THROTTLING_CODES.contains(service.errorCode()));
        }
        if (error instanceof Crc32MismatchException) {
            return true;
        }
        // The runtime wraps I/O failures (refused connections, resets, timeouts) with the IOException as cause;
        // its other client exceptions (a closed client, bad configuration) are permanent.
        return error instanceof SdkClientException && error.getCause() instanceof IOException;
    }
}
