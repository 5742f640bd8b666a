package dev.ddbstreams.runtime.endpoint;

import dev.ddbstreams.runtime.exception.SdkClientException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * Resolves where a call to an AWS service goes, in every partition (commercial, China, GovCloud, the ISO and
 * European sovereign partitions), with the FIPS and dual-stack variants and an endpoint override: the standard
 * AWS endpoint rule set, for the service with a given endpoint prefix.
 *
 * <pre>{@code
 * AwsEndpointProvider streams = AwsEndpointProvider.forEndpointPrefix("streams.dynamodb");
 * URI url = streams.resolveEndpoint(p -> p.region("eu-west-1").useFips(true));
 * // https://streams.dynamodb-fips.eu-west-1.amazonaws.com
 * }</pre>
 *
 * <p>A combination the rules reject throws an {@link SdkClientException} whose message is the rule set's error,
 * such as {@code Invalid Configuration: Missing Region}. Instances are immutable and thread-safe.
 */
public final class AwsEndpointProvider {

    // A host label, as the rules' isValidHostLabel checks it: the region becomes part of a host name.
    private static final Pattern HOST_LABEL = Pattern.compile("[A-Za-z0-9][A-Za-z0-9-]{0,62}");
    private static final Pattern ENDPOINT_PREFIX =
            Pattern.compile("[a-z0-9]([a-z0-9-]*[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*");

    private final String endpointPrefix;
    private final Partitions partitions;
    private final List<HostnameOverride> overrides;

    AwsEndpointProvider(String endpointPrefix, Partitions partitions, List<HostnameOverride> overrides) {
        this.endpointPrefix = endpointPrefix;
        this.partitions = partitions;
        this.overrides = List.copyOf(overrides);
    }

    /**
     * The provider for the service whose endpoints start with {@code endpointPrefix}, such as
     * {@code streams.dynamodb} for DynamoDB Streams (the {@code endpointPrefix} of its service model).
     *
     * @throws IllegalArgumentException when {@code endpointPrefix} is not a lower-case DNS name
     */
    public static AwsEndpointProvider forEndpointPrefix(String endpointPrefix) {
        Objects.requireNonNull(endpointPrefix, "endpointPrefix");
        if (!ENDPOINT_PREFIX.matcher(endpointPrefix).matches()) {
            throw new IllegalArgumentException("endpointPrefix must be a lower-case DNS name such as "
                    + "streams.dynamodb: " + endpointPrefix);
        }
        return new AwsEndpointProvider(endpointPrefix, Partitions.AWS, ServiceHostnames.of(endpointPrefix));
    }

    /** The endpoint prefix of the service this provider resolves for. */
    public String endpointPrefix() {
        return endpointPrefix;
    }

    /** {@link #resolveEndpoint(EndpointParams)} with the parameters {@code params} sets. */
    public URI resolveEndpoint(Consumer<EndpointParams.Builder> params) {
        EndpointParams.Builder builder = EndpointParams.builder();
        params.accept(builder);
        return resolveEndpoint(builder.build());
    }

    /**
     * The URL calls with these parameters go to, such as {@code https://streams.dynamodb.us-east-1.amazonaws.com}.
     *
     * @throws SdkClientException with the rule set's error message when the parameters cannot be resolved: an
     *     endpoint override with FIPS or dual-stack, no region, or a variant the region's partition lacks
     */
    public URI resolveEndpoint(EndpointParams params) {
        Objects.requireNonNull(params, "params");
        if (params.endpoint().isPresent()) {
            if (params.useFips()) {
                throw error("Invalid Configuration: FIPS and custom endpoint are not supported");
            }
            if (params.useDualStack()) {
                throw error("Invalid Configuration: Dualstack and custom endpoint are not supported");
            }
            return customEndpoint(params.endpoint().get());
        }
        String region = params.region().orElseThrow(() -> error("Invalid Configuration: Missing Region"));
        if (!HOST_LABEL.matcher(region).matches()) {
            throw error("Invalid Configuration: Region \"" + region + "\" is not a valid host label");
        }
        Partition partition = partitions.of(region);
        boolean fips = params.useFips();
        boolean dualStack = params.useDualStack();
        for (HostnameOverride override : overrides) {
            if (override.appliesTo(partition, fips, dualStack)) {
                return https(override.hostname(region, partition));
            }
        }
        String prefix = fips ? endpointPrefix + "-fips" : endpointPrefix;
        if (fips && dualStack && !(partition.supportsFips() && partition.supportsDualStack())) {
            throw error("FIPS and DualStack are enabled, but this partition does not support one or both");
        }
        if (fips && !partition.supportsFips()) {
            throw error("FIPS is enabled but this partition does not support FIPS");
        }
        if (dualStack && !partition.supportsDualStack()) {
            throw error("DualStack is enabled but this partition does not support DualStack");
        }
        String dnsSuffix = dualStack ? partition.dualStackDnsSuffix() : partition.dnsSuffix();
        return https(prefix + "." + region + "." + dnsSuffix);
    }

    @Override
    public String toString() {
        return "AwsEndpointProvider(" + endpointPrefix + ")";
    }

    private static URI https(String host) {
        return URI.create("https://" + host);
    }

    private static URI customEndpoint(String endpoint) {
        URI uri;
        try {
            uri = new URI(endpoint);
        } catch (URISyntaxException e) {
            throw error("Invalid Configuration: Endpoint is not a valid URL: " + endpoint + " (" + e.getReason() + ")");
        }
        if (uri.getScheme() == null || uri.getHost() == null) {
            throw error("Invalid Configuration: Endpoint must be an absolute URL such as https://example.com: "
                    + endpoint);
        }
        return uri;
    }

    private static SdkClientException error(String message) {
        return new SdkClientException(message);
    }
}
