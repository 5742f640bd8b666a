package dev.ddbstreams.codegen.model;

/**
 * The service-wide facts of a model's metadata, plus the Java names derived from them.
 *
 * @param serviceId the model's service id, e.g. {@code DynamoDB Streams}
 * @param fullName the service's full name, e.g. {@code Amazon DynamoDB Streams}
 * @param apiVersion the API version, e.g. {@code 2012-08-10}
 * @param protocol the wire protocol, e.g. {@code json}
 * @param jsonVersion the awsJson version, e.g. {@code 1.0}
 * @param targetPrefix the {@code X-Amz-Target} prefix
 * @param signingName the SigV4 signing name
 * @param endpointPrefix the host prefix of the default endpoint
 * @param documentation the service documentation, possibly empty
 * @param clientBaseName the Java base name of generated service types, e.g. {@code DynamoDbStreams}
 * @param awsQueryCompatible whether the service has moved from the AWS query protocol and still names its errors by
 *     their query codes in an {@code x-amzn-query-error} header (C2J {@code metadata.awsQueryCompatible}, Smithy
 *     {@code @aws.protocols#awsQueryCompatible})
 */
public record ServiceInfo(
        String serviceId,
        String fullName,
        String apiVersion,
        String protocol,
        String jsonVersion,
        String targetPrefix,
        String signingName,
        String endpointPrefix,
        String documentation,
        String clientBaseName,
        boolean awsQueryCompatible) {

    /** A service that is not query-compatible. */
    public ServiceInfo(
            String serviceId, String fullName, String apiVersion, String protocol, String jsonVersion, String targetPrefix,
            String signingName, String endpointPrefix, String documentation, String clientBaseName) {
        this(serviceId, fullName, apiVersion, protocol, jsonVersion, targetPrefix, signingName, endpointPrefix, documentation,
                clientBaseName, false);
    }
}
