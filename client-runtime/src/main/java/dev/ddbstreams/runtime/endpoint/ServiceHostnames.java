package dev.ddbstreams.runtime.endpoint;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The services whose endpoints depart from the standard pattern, by endpoint prefix: the part of their endpoint
 * rules that is not the same for every service.
 */
final class ServiceHostnames {

    private static final Set<String> COMMERCIAL_CHINA_GOVCLOUD = Set.of("aws", "aws-cn", "aws-us-gov");

    private static final Map<String, List<HostnameOverride>> OVERRIDES = Map.of(
            // DynamoDB Streams: dual-stack host names are streams-dynamodb[-fips], and in GovCloud the regular
            // endpoint is already FIPS validated, so FIPS without dual-stack keeps it.
            "streams.dynamodb", List.of(
                    new HostnameOverride(COMMERCIAL_CHINA_GOVCLOUD, false, true,
                            "streams-dynamodb.{region}.{dualStackDnsSuffix}"),
                    new HostnameOverride(COMMERCIAL_CHINA_GOVCLOUD, true, true,
                            "streams-dynamodb-fips.{region}.{dualStackDnsSuffix}"),
                    new HostnameOverride(Set.of("aws-us-gov"), true, false,
                            "streams.dynamodb.{region}.{dnsSuffix}")));

    private ServiceHostnames() {}

    /** The overrides of the service with {@code endpointPrefix}; none for most services. */
    static List<HostnameOverride> of(String endpointPrefix) {
        return OVERRIDES.getOrDefault(endpointPrefix, List.of());
    }
}
