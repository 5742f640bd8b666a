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
 * @param awsQueryCompatible whether the service moved from the AWS query protocol and keeps its query error codes
 *     ({@code awsQueryCompatible}): its requests carry {@code x-amzn-query-mode: true}, as the protocol requires
 */
public record ServiceMetadata(
        String serviceId, String targetPrefix, String jsonVersion, String signingName, String endpointPrefix,
        boolean awsQueryCompatible) {

    /** The header a query-compatible service's requests carry, with the value {@code true}. */
    public static final String QUERY_MODE_HEADER = "x-amzn-query-mode";

    /** A service that is not query-compatible. */
    public ServiceMetadata(String serviceId, String targetPrefix, String jsonVersion, String signingName, String endpointPrefix) {
        this(serviceId, targetPrefix, jsonVersion, signingName, endpointPrefix, false);
    }

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
