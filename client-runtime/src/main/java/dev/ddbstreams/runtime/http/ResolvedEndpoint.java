package dev.ddbstreams.runtime.http;

import java.util.Locale;
import okhttp3.HttpUrl;

/**
 * Where a client sends its requests and the region it signs them for.
 *
 * @param url the URL every request is posted to
 * @param signingRegion the region in the SigV4 credential scope
 */
record ResolvedEndpoint(HttpUrl url, String signingRegion) {

    // With an endpoint override and no region there is nothing better to sign for; local emulators accept any.
    static final String DEFAULT_SIGNING_REGION = "us-east-1";

    /** The override when there is one, else {@code https://<endpointPrefix>.<region>.<partition DNS suffix>}. */
    static ResolvedEndpoint resolve(ClientSettings settings, ServiceMetadata metadata) {
        String region = settings.region().orElse(null);
        String signingRegion = region != null ? region : DEFAULT_SIGNING_REGION;
        if (settings.endpointOverride().isPresent()) {
            return new ResolvedEndpoint(HttpUrl.get(settings.endpointOverride().get()), signingRegion);
        }
        // ClientSettings guarantees a region whenever there is no override.
        String url = "https://" + metadata.endpointPrefix() + "." + region + "." + dnsSuffix(region);
        return new ResolvedEndpoint(HttpUrl.get(url), signingRegion);
    }

    private static String dnsSuffix(String region) {
        return region.toLowerCase(Locale.ROOT).startsWith("cn-") ? "amazonaws.com.cn" : "amazonaws.com";
    }
}
