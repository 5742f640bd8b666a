package dev.ddbstreams.runtime.http;

import dev.ddbstreams.runtime.auth.AwsCredentialsProvider;
import dev.ddbstreams.runtime.config.SystemEnvironment;
import dev.ddbstreams.runtime.override.ClientOverrideConfiguration;
import dev.ddbstreams.runtime.retry.RetryPolicy;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Consumer;
import okhttp3.OkHttpClient;

/**
 * The settings every client builder has; a generated client builder extends it and implements {@link #build()}
 * by passing {@link #settings()} to its client.
 *
 * @param <B> the concrete builder, returned by every setter so calls chain
 * @param <C> the client it builds
 */
public abstract class AwsClientBuilder<B extends AwsClientBuilder<B, C>, C> {

    private final ClientSettings.Builder settings = ClientSettings.builder();
    private ClientOverrideConfiguration overrideConfiguration = ClientOverrideConfiguration.empty();

    /** For subclasses. */
    protected AwsClientBuilder() {}

    /**
     * The AWS region, such as {@code eu-west-1}. Unless set: the system property {@code aws.region}, the environment
     * variable {@code AWS_REGION}, or the profile's {@code region}; one of them is required unless an endpoint
     * override is set.
     */
    public B region(String region) {
        settings.region(region);
        return self();
    }

    /**
     * Whether to call the region's FIPS endpoint. Unless set: {@code aws.useFipsEndpoint},
     * {@code AWS_USE_FIPS_ENDPOINT} or the profile's {@code use_fips_endpoint}, else off.
     */
    public B fipsEnabled(boolean fipsEnabled) {
        settings.fipsEnabled(fipsEnabled);
        return self();
    }

    /**
     * Whether to call the region's dual-stack (IPv4 and IPv6) endpoint. Unless set: {@code aws.useDualstackEndpoint},
     * {@code AWS_USE_DUALSTACK_ENDPOINT} or the profile's {@code use_dualstack_endpoint}, else off.
     */
    public B dualStackEnabled(boolean dualStackEnabled) {
        settings.dualStackEnabled(dualStackEnabled);
        return self();
    }

    /** The endpoint to call instead of the region's, such as {@code http://localhost:8000}; used exactly as given. */
    public B endpointOverride(URI endpointOverride) {
        settings.endpointOverride(endpointOverride);
        return self();
    }

    /**
     * Where each request's credentials come from. Unless set: the
     * {@link dev.ddbstreams.runtime.auth.DefaultCredentialsProvider} chain (system properties, environment variables,
     * the shared files' profile, the container endpoint, the EC2 instance profile).
     */
    public B credentialsProvider(AwsCredentialsProvider credentialsProvider) {
        settings.credentialsProvider(credentialsProvider);
        return self();
    }

    /**
     * How calls are retried: {@link RetryPolicy#none()} turns retries off,
     * {@code RetryPolicy.builder().maxAttempts(5).build()} allows more. Unless set: the standard policy (3 attempts),
     * or {@code aws.maxAttempts} / {@code AWS_MAX_ATTEMPTS} / the profile's {@code max_attempts} attempts.
     */
    public B retryPolicy(RetryPolicy retryPolicy) {
        settings.retryPolicy(retryPolicy);
        return self();
    }

    /**
     * An application's {@code OkHttpClient}, to share its connection pool and dispatcher; closing the client leaves
     * them alone. Without one, the client creates its own and closing the client releases it; for an {@code http}
     * endpoint (an {@link #endpointOverride} such as {@code http://localhost:8000}) that client speaks cleartext
     * only, so it never spends time initialising TLS.
     */
    public B httpClient(OkHttpClient httpClient) {
        settings.httpClient(httpClient);
        return self();
    }

    /**
     * The longest wait to establish a connection; zero means none. Unless set: 2 seconds, or a shared client's own.
     */
    public B connectTimeout(Duration connectTimeout) {
        settings.connectTimeout(connectTimeout);
        return self();
    }

    /**
     * The longest pause while reading a response; zero means none. Unless set: 30 seconds, or a shared client's own.
     */
    public B readTimeout(Duration readTimeout) {
        settings.readTimeout(readTimeout);
        return self();
    }

    /**
     * The longest a whole call may take, all attempts and the waits between them included; zero means none. Unless
     * set: 60 seconds.
     */
    public B callTimeout(Duration callTimeout) {
        settings.callTimeout(callTimeout);
        return self();
    }

    /** Text appended to the {@code User-Agent} header, such as {@code my-app/1.2}. */
    public B userAgentSuffix(String userAgentSuffix) {
        settings.userAgentSuffix(userAgentSuffix);
        return self();
    }

    /** The clock that dates signatures and measures call timeouts. */
    public B clock(Clock clock) {
        settings.clock(clock);
        return self();
    }

    /**
     * The profile of the shared AWS files to take the region, endpoint options, maximum attempts and credentials
     * from. Unless set: {@code aws.profile}, {@code AWS_PROFILE}, or {@code default}.
     */
    public B profileName(String profileName) {
        settings.profileName(profileName);
        return self();
    }

    /**
     * Where settings left unset are looked for: environment variables, system properties and the home folder of the
     * shared files. Unless set: this JVM's. {@link SystemEnvironment#of} configures a client from given variables
     * only, as tests do.
     */
    public B systemEnvironment(SystemEnvironment systemEnvironment) {
        settings.systemEnvironment(systemEnvironment);
        return self();
    }

    /**
     * Whether to send operations whose model gives them a host prefix ({@code endpoint.hostPrefix}, such as Cloud Map's
     * {@code DiscoverInstances}, sent to {@code data-servicediscovery...}) to the endpoint's host as it is, without the
     * prefix: for an endpoint override that serves every operation on one host. Off unless set (the AWS SDK's
     * {@code SdkAdvancedClientOption.DISABLE_HOST_PREFIX_INJECTION}).
     */
    public B disableHostPrefixInjection(boolean disableHostPrefixInjection) {
        settings.disableHostPrefixInjection(disableHostPrefixInjection);
        return self();
    }

    /**
     * Whether operations that support endpoint discovery send their requests to the endpoints the service's discovery
     * operation names (DynamoDB's {@code DescribeEndpoints}). Unless set: {@code aws.endpointDiscoveryEnabled},
     * {@code AWS_ENABLE_ENDPOINT_DISCOVERY} or the profile's {@code endpoint_discovery_enabled}; else off for
     * operations where discovery is optional, as in the AWS SDK for Java v2, while operations that require it
     * (Timestream's) discover anyway. Set to false, operations that require discovery fail. An endpoint override turns
     * discovery off.
     */
    public B endpointDiscoveryEnabled(boolean endpointDiscoveryEnabled) {
        settings.endpointDiscoveryEnabled(endpointDiscoveryEnabled);
        return self();
    }

    /**
     * Settings of every call, the AWS SDK for Java v2's {@code overrideConfiguration}: retry policy, API-call and
     * API-call-attempt timeouts, default headers, interceptors and metric publishers. Its retry policy and API-call
     * timeout take precedence over {@link #retryPolicy} and {@link #callTimeout}. Replaces what was set before.
     */
    public B overrideConfiguration(ClientOverrideConfiguration overrideConfiguration) {
        this.overrideConfiguration = Objects.requireNonNull(overrideConfiguration, "overrideConfiguration");
        settings.overrideConfiguration(overrideConfiguration);
        return self();
    }

    /**
     * Changes the override configuration with {@code configuration}, starting from what was set before:
     * {@code .overrideConfiguration(o -> o.apiCallTimeout(Duration.ofSeconds(5)).addExecutionInterceptor(tracing))}.
     */
    public B overrideConfiguration(Consumer<ClientOverrideConfiguration.Builder> configuration) {
        Objects.requireNonNull(configuration, "configuration");
        ClientOverrideConfiguration.Builder builder = overrideConfiguration.toBuilder();
        configuration.accept(builder);
        return overrideConfiguration(builder.build());
    }

    /** The settings builder, for subclasses that add settings of their own. */
    ClientSettings.Builder settingsBuilder() {
        return settings;
    }

    /**
     * The validated settings collected so far.
     *
     * @throws dev.ddbstreams.runtime.exception.SdkClientException when a setting is missing or invalid, such as
     *     when no region is found anywhere and no endpoint override is set
     */
    protected ClientSettings settings() {
        return settings.build();
    }

    /** The client. */
    public abstract C build();

    // Safe: B is by declaration the class of this builder.
    @SuppressWarnings("unchecked")
    B self() {
        return (B) this;
    }
}
