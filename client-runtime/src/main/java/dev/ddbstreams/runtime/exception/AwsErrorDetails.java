package dev.ddbstreams.runtime.exception;

import java.io.Serializable;

/**
 * What the service said about an error it returned.
 *
 * @param errorCode the error code, such as {@code ResourceNotFoundException}, without namespace; {@code null} when
 *     the response carried none
 * @param errorMessage the service's message, or a description of the response when it had none; may be {@code null}
 * @param requestId the service's request id from {@code x-amzn-RequestId}; {@code null} when absent
 * @param statusCode the HTTP status code
 * @param serviceName the service that answered, such as {@code DynamoDB Streams}
 */
public record AwsErrorDetails(
        String errorCode, String errorMessage, String requestId, int statusCode, String serviceName)
        implements Serializable {}
