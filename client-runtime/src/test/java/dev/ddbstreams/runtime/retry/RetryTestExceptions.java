package dev.ddbstreams.runtime.retry;

import dev.ddbstreams.runtime.exception.AwsErrorDetails;
import dev.ddbstreams.runtime.exception.AwsServiceException;

/** Service exceptions as the generated code would create them. */
final class RetryTestExceptions {

    private RetryTestExceptions() {}

    static final class ServiceError extends AwsServiceException {
        private static final long serialVersionUID = 1L;

        ServiceError(AwsErrorDetails details) {
            super(details);
        }
    }

    static AwsServiceException service(int status, String code) {
        return new ServiceError(new AwsErrorDetails(code, "message", "REQ", status, "DynamoDB Streams"));
    }
}
