package dev.ddbstreams.runtime.http;

import dev.ddbstreams.runtime.endpoint.AwsEndpointProvider;
import dev.ddbstreams.runtime.endpoint.EndpointParams;
import dev.ddbstreams.runtime.exception.SdkClientException;
import java.net.URI;
import okhttp3.HttpUrl;

/**
 * Where a client sends its requests and the region it signs them for.
 *
 * @param url the URL every request is posted to, unless an operation routes it elsewhere (a host prefix, a
 *     discovered endpoint); an endpoint override's path is kept as given, a trailing {@code /} included
 * @param signingRegion the region in the SigV4 credential scope
 * @param overridden whether the URL is the application's endpoint override rather than the region's endpoint
 */
record ResolvedEndpoint(HttpUrl url, String signingRegion, boolean overridden) {

    // With an endpoint override and no region there is nothing better to sign for; local emulators accept any.
    static final String DEFAULT_SIGNING_REGION = "us-east-1";

    /**
     * What the service's {@link AwsEndpointProvider} resolves for the settings' region, FIPS and dual-stack options
     * and endpoint override.
     *
     * @throws SdkClientException when they cannot be combined, such as FIPS with an endpoint override
     */
    static ResolvedEndpoint resolve(ClientSettings settings, ServiceMetadata metadata) {
        String region = settings.region().orElse(null);
        EndpointParams params = EndpointParams.builder()
                .region(region)
                .useFips(settings.fipsEnabled())
                .useDualStack(settings.dualStackEnabled())
                .endpoint(settings.endpointOverride().map(URI::toString).orElse(null))
                .build();
        URI url;
        try {
            url = AwsEndpointProvider.forEndpointPrefix(metadata.endpointPrefix()).resolveEndpoint(params);
        } catch (SdkClientException e) {
            throw new SdkClientException("Unable to resolve the endpoint of " + metadata.serviceId() + ": "
                    + e.getMessage() + " (region=" + region + ", fipsEnabled=" + settings.fipsEnabled()
                    + ", dualStackEnabled=" + settings.dualStackEnabled() + ", endpointOverride="
                    + settings.endpointOverride().orElse(null) + ")", e);
        }
        return new ResolvedEndpoint(HttpUrl.get(url), region != null ? region : DEFAULT_SIGNING_REGION,
                settings.endpointOverride().isPresent());
    }
}
