package dev.ddbstreams.runtime.http;

import java.util.Objects;

/**
 * The constants of a service that shape its requests, taken from the service model.
 *
 * @param serviceId the service's name in messages, such as {@code DynamoDB Streams}
 * @param targetPrefix the prefix of {@code X-Amz-Target}, such as {@code DynamoDBStreams_20120810}
 * @param jsonVersion the awsJson version in {@code Content-Type}, such as {@code 1.0}
 * @param signingName the service name in the SigV4 credential scope, such as {@code dynamodb}
 * @param endpointPrefix the first labels of the endpoint host, such as {@code streams.dynamodb}
 */
public record ServiceMetadata(
        String serviceId, String targetPrefix, String jsonVersion, String signingName, String endpointPrefix) {

    /** Rejects missing components: each one ends up in every request. */
    public ServiceMetadata {
        Objects.requireNonNull(serviceId, "serviceId");
        Objects.requireNonNull(targetPrefix, "targetPrefix");
        Objects.requireNonNull(jsonVersion, "jsonVersion");
        Objects.requireNonNull(signingName, "signingName");
        Objects.requireNonNull(endpointPrefix, "endpointPrefix");
    }

    /** The request and response media type, such as {@code application/x-amz-json-1.0}. */
    public String contentType() {
        return "application/x-amz-json-" + jsonVersion;
    }
}
