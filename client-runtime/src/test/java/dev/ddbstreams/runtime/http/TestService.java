package dev.ddbstreams.runtime.http;

import dev.ddbstreams.runtime.exception.AwsErrorDetails;
import dev.ddbstreams.runtime.exception.AwsServiceException;

/** What a generated DynamoDB Streams client would hand the runtime: its metadata and its exceptions. */
final class TestService {

    static final ServiceMetadata METADATA = new ServiceMetadata(
            "DynamoDB Streams", "DynamoDBStreams_20120810", "1.0", "dynamodb", "streams.dynamodb");

    static final ErrorMapper ERROR_MAPPER = ErrorMapper.builder(StreamsException::new)
            .register("ResourceNotFoundException", ResourceNotFoundException::new)
            .register("ExpiredIteratorException", ExpiredIteratorException::new)
            .build();

    private TestService() {}

    /** The service's base exception, the fallback for unmodeled codes. */
    static class StreamsException extends AwsServiceException {
        private static final long serialVersionUID = 1L;

        StreamsException(AwsErrorDetails details) {
            super(details);
        }
    }

    static final class ResourceNotFoundException extends StreamsException {
        private static final long serialVersionUID = 1L;

        ResourceNotFoundException(AwsErrorDetails details) {
            super(details);
        }
    }

    static final class ExpiredIteratorException extends StreamsException {
        private static final long serialVersionUID = 1L;

        ExpiredIteratorException(AwsErrorDetails details) {
            super(details);
        }
    }
}
