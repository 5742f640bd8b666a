package dev.ddbstreams.runtime.http;

import dev.ddbstreams.runtime.auth.AwsCredentialsProvider;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
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

    /** For subclasses. */
    protected AwsClientBuilder() {}

    /** The AWS region, such as {@code eu-west-1}. Required unless an endpoint override is set. */
    public B region(String region) {
        settings.region(region);
        return self();
    }

    /** The endpoint to call instead of the region's, such as {@code http://localhost:8000}; used exactly as given. */
    public B endpointOverride(URI endpointOverride) {
        settings.endpointOverride(endpointOverride);
        return self();
    }

    /** Where each request's credentials come from; by default system properties, then environment variables. */
    public B credentialsProvider(AwsCredentialsProvider credentialsProvider) {
        settings.credentialsProvider(credentialsProvider);
        return self();
    }

    /**
     * An application's {@code OkHttpClient}, to share its connection pool and dispatcher; closing the client leaves
     * them alone. Without one, the client creates its own and closing the client releases it.
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

    /** The longest a whole call may take; zero means none. Unless set: none, or a shared client's own. */
    public B callTimeout(Duration callTimeout) {
        settings.callTimeout(callTimeout);
        return self();
    }

    /** Text appended to the {@code User-Agent} header, such as {@code my-app/1.2}. */
    public B userAgentSuffix(String userAgentSuffix) {
        settings.userAgentSuffix(userAgentSuffix);
        return self();
    }

    /** The clock that dates signatures. */
    public B clock(Clock clock) {
        settings.clock(clock);
        return self();
    }

    /**
     * The validated settings collected so far.
     *
     * @throws dev.ddbstreams.runtime.exception.SdkClientException when a setting is missing or invalid, such as
     *     when neither a region nor an endpoint override is set
     */
    protected ClientSettings settings() {
        return settings.build();
    }

    /** The client. */
    public abstract C build();

    // Safe: B is by declaration the class of this builder.
    @SuppressWarnings("unchecked")
    private B self() {
        return (B) this;
    }
}
