package dev.ddbstreams.runtime.http;

import dev.ddbstreams.runtime.auth.AwsCredentialsProvider;
import dev.ddbstreams.runtime.endpoint.DiscoveredEndpoint;
import dev.ddbstreams.runtime.endpoint.EndpointDiscoveryCache;
import dev.ddbstreams.runtime.exception.AwsServiceException;
import dev.ddbstreams.runtime.exception.SdkClientException;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicBoolean;
import okhttp3.HttpUrl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where a call of an operation with endpoint discovery goes: the endpoint the service's discovery operation named
 * for the call's key (its credentials' access key id and the request's identifiers), kept in an
 * {@link EndpointDiscoveryCache}, or the client's own endpoint. The rules are the AWS SDK for Java v2's:
 * <ul>
 *   <li>optional discovery is used only when {@code endpointDiscoveryEnabled} is true;
 *   <li>required discovery is used unless it is false, in which case such an operation fails;
 *   <li>an endpoint override turns discovery off, also where it is required (as the SDK does for Timestream, the
 *       services that require it), with one warning in the log.
 * </ul>
 * The discovery call is an ordinary call of the client ({@link AwsJsonProtocolInvoker#invokeAsync}), with its retries,
 * signed with the credentials of the call it serves (a request may override the client's): the endpoint it finds
 * is kept for their access key id, so it must be theirs to ask for.
 */
final class EndpointDiscoverer {

    private static final Logger LOG = LoggerFactory.getLogger(EndpointDiscoverer.class);

    private final AwsJsonProtocolInvoker invoker;
    private final ResolvedEndpoint endpoint;
    private final Boolean enabled;
    private final EndpointDiscoveryCache cache;
    private final AtomicBoolean warnedAboutOverride = new AtomicBoolean();

    EndpointDiscoverer(AwsJsonProtocolInvoker invoker, ResolvedEndpoint endpoint, Boolean enabled, Clock clock) {
        this.invoker = invoker;
        this.endpoint = endpoint;
        this.enabled = enabled;
        this.cache = new EndpointDiscoveryCache(clock);
    }

    /**
     * The endpoint of this call, or null for the client's own; the future fails with an {@link SdkClientException}
     * saying that required discovery failed.
     */
    <Q> CompletableFuture<HttpUrl> endpoint(String operationName, OperationDescriptor.EndpointDiscoveryRoute<Q> route, Q request,
                                            AwsCredentialsProvider credentials) {
        if (endpoint.overridden()) {
            if (route.required() && warnedAboutOverride.compareAndSet(false, true)) {
                LOG.warn("{} requires endpoint discovery, but this client has an endpoint override: its requests go to {} instead "
                        + "of a discovered endpoint", operationName, endpoint.url());
            }
            return null;
        }
        if (!route.required() && !Boolean.TRUE.equals(enabled)) {
            return null;
        }
        if (route.required() && Boolean.FALSE.equals(enabled)) {
            throw new SdkClientException(operationName + " requires endpoint discovery, but endpoint discovery is disabled "
                    + "(endpointDiscoveryEnabled is false, on the client builder or from aws.endpointDiscoveryEnabled, "
                    + "AWS_ENABLE_ENDPOINT_DISCOVERY or the profile's endpoint_discovery_enabled); enable it, or set an "
                    + "endpointOverride to send to an endpoint of your choice");
        }
        Map<String, String> identifiers = identifiers(route, request);
        String key = key(credentials, identifiers);
        EndpointDiscoveryOperation<?, ?> discovery = route.discovery();
        if (!route.required()) {
            DiscoveredEndpoint known = cache.optional(key, () -> discover(discovery, operationName, identifiers, credentials));
            return known == null ? null : CompletableFuture.completedFuture(url(known));
        }
        return cache.required(key, () -> discover(discovery, operationName, identifiers, credentials))
                .handle((found, failure) -> {
                    if (failure != null) {
                        Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
                        throw new SdkClientException(operationName + " requires endpoint discovery, and discovering its endpoint with "
                                + discovery.operation().name() + " failed: " + cause.getMessage(), cause);
                    }
                    return url(found);
                });
    }

    /**
     * Whether a failure says the endpoint the call was sent to is no longer valid: HTTP 421 or
     * {@code InvalidEndpointException}, as botocore reads it.
     */
    static boolean saysEndpointInvalid(Throwable failure) {
        return failure instanceof AwsServiceException service
                && (service.statusCode() == 421 || "InvalidEndpointException".equals(service.errorCode()));
    }

    /**
     * Forgets the endpoint a call was sent to after the service answered that it is no longer valid, so that the
     * next call with the same key discovers anew. The failed call itself is not sent again.
     */
    <Q> void invalidate(OperationDescriptor.EndpointDiscoveryRoute<Q> route, Q request, AwsCredentialsProvider credentials,
                        HttpUrl used) {
        cache.evict(key(credentials, identifiers(route, request)), found -> url(found).equals(used));
        LOG.debug("{} is no longer a valid endpoint; the next call discovers anew", used.host());
    }

    private static <Q> Map<String, String> identifiers(OperationDescriptor.EndpointDiscoveryRoute<Q> route, Q request) {
        return request == null ? Map.of() : route.identifiers().apply(request);
    }

    /** What an endpoint is kept under: the credentials' access key id and the request's identifiers. */
    private static String key(AwsCredentialsProvider credentials, Map<String, String> identifiers) {
        String accessKeyId = CredentialsResolution.resolve(credentials).accessKeyId();
        return identifiers.isEmpty() ? accessKeyId : accessKeyId + ":" + new TreeMap<>(identifiers);
    }

    /** Asks the discovery operation, signed with the credentials of the call it serves: the endpoint is theirs. */
    private <D, E> CompletableFuture<DiscoveredEndpoint> discover(EndpointDiscoveryOperation<D, E> discovery, String operationName,
                                                                  Map<String, String> identifiers,
                                                                  AwsCredentialsProvider credentials) {
        D request = discovery.request(operationName, identifiers);
        return invoker.invokeAsync(discovery.operation(), request, credentials).thenApply(response -> {
            List<DiscoveredEndpoint> endpoints = discovery.endpoints(response);
            if (endpoints.isEmpty()) {
                throw new SdkClientException(discovery.operation().name() + " answered with no endpoint");
            }
            DiscoveredEndpoint first = endpoints.get(0);
            url(first);
            LOG.debug("{} discovered {} for {} ({})", discovery.operation().name(), first.address(), operationName, first.cachePeriod());
            return first;
        });
    }

    /** The discovered address with the client's endpoint's scheme and path, as the AWS SDK builds it. */
    private HttpUrl url(DiscoveredEndpoint discovered) {
        HttpUrl url = HttpUrl.parse(endpoint.url().scheme() + "://" + discovered.address() + endpoint.url().encodedPath());
        if (url == null) {
            throw new SdkClientException("The discovered endpoint address \"" + discovered.address() + "\" is not a host name");
        }
        return url;
    }

    @Override
    public String toString() {
        return "EndpointDiscoverer(" + cache + ")";
    }
}
