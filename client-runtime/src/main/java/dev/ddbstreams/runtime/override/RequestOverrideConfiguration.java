package dev.ddbstreams.runtime.override;

import dev.ddbstreams.runtime.auth.AwsCredentialsProvider;
import dev.ddbstreams.runtime.interceptor.ExecutionInterceptor;
import dev.ddbstreams.runtime.metrics.MetricPublisher;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * What one request changes about its own call, the counterpart of the AWS SDK for Java v2's
 * {@code AwsRequestOverrideConfiguration}: set it on any request builder with
 * {@code GetRecordsRequest.builder().overrideConfiguration(o -> o.putHeader("x-trace", id))}. Immutable.
 *
 * <ul>
 *   <li>{@linkplain #headers() Headers} and {@linkplain #rawQueryParameters() query parameters} are added to the HTTP
 *       request before it is signed, so the signature covers them; a header the protocol sets itself
 *       ({@code Content-Type}, {@code X-Amz-Target}, {@code Host}, the signing headers) cannot be replaced this way.
 *   <li>The {@linkplain #apiCallTimeout() API-call timeout} and the
 *       {@linkplain #apiCallAttemptTimeout() API-call-attempt timeout} replace the client's for this call.
 *   <li>The {@linkplain #credentialsProvider() credentials provider} signs this call instead of the client's.
 *   <li>{@linkplain #executionInterceptors() Interceptors} run after the client's; {@linkplain #metricPublishers()
 *       metric publishers}, when there are any, receive this call's metrics instead of the client's (as in the SDK).
 *   <li>The {@linkplain #compressionConfiguration() compression configuration} (of an operation that accepts
 *       compressed bodies) replaces the client's for this call, value by value: what it leaves unset is the
 *       client's.
 * </ul>
 *
 * <p>The configuration rides along wherever the request goes: {@code toBuilder()} keeps it, so every page a
 * paginator fetches and every poll of a waiter is made with it. It is never serialized.
 *
 * <p>Two configurations are equal when their headers, query parameters and timeouts are equal and they hold the same
 * credentials provider, interceptors and metric publishers (compared as those objects compare, usually by identity),
 * as in the SDK. A request's {@code equals} takes its override configuration into account the same way.
 */
public final class RequestOverrideConfiguration {

    private final Map<String, List<String>> headers;
    private final Map<String, List<String>> rawQueryParameters;
    private final Duration apiCallTimeout;
    private final Duration apiCallAttemptTimeout;
    private final AwsCredentialsProvider credentialsProvider;
    private final List<ExecutionInterceptor> executionInterceptors;
    private final List<MetricPublisher> metricPublishers;
    private final CompressionConfiguration compressionConfiguration;

    private RequestOverrideConfiguration(Builder builder) {
        this.headers = OverrideValues.freeze(builder.shared.headers, true);
        this.rawQueryParameters = OverrideValues.freeze(builder.rawQueryParameters, false);
        this.apiCallTimeout = builder.apiCallTimeout;
        this.apiCallAttemptTimeout = builder.apiCallAttemptTimeout;
        this.credentialsProvider = builder.credentialsProvider;
        this.executionInterceptors = List.copyOf(builder.shared.interceptors);
        this.metricPublishers = List.copyOf(builder.shared.publishers);
        this.compressionConfiguration = builder.compressionConfiguration;
    }

    /** An empty builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this configuration's values. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** Headers to add to this call's HTTP request, by name (compared case-insensitively). */
    public Map<String, List<String>> headers() {
        return headers;
    }

    /** Query parameters to add to this call's URL, not yet URL-encoded (the client encodes them). */
    public Map<String, List<String>> rawQueryParameters() {
        return rawQueryParameters;
    }

    /** The limit on this whole call, every attempt and wait included, instead of the client's; zero means none. */
    public Optional<Duration> apiCallTimeout() {
        return Optional.ofNullable(apiCallTimeout);
    }

    /** The limit on each attempt of this call instead of the client's; an attempt that runs out is retried. */
    public Optional<Duration> apiCallAttemptTimeout() {
        return Optional.ofNullable(apiCallAttemptTimeout);
    }

    /** Where this call's credentials come from instead of the client's provider. */
    public Optional<AwsCredentialsProvider> credentialsProvider() {
        return Optional.ofNullable(credentialsProvider);
    }

    /** Interceptors of this call, run after the client's, in the order added. */
    public List<ExecutionInterceptor> executionInterceptors() {
        return executionInterceptors;
    }

    /** Publishers of this call's metrics; when not empty, they receive them instead of the client's. */
    public List<MetricPublisher> metricPublishers() {
        return metricPublishers;
    }

    /**
     * Request compression for this call instead of the client's, value by value (an unset value is the client's);
     * used only by operations that accept compressed bodies.
     */
    public Optional<CompressionConfiguration> compressionConfiguration() {
        return Optional.ofNullable(compressionConfiguration);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof RequestOverrideConfiguration that
                && headers.equals(that.headers)
                && rawQueryParameters.equals(that.rawQueryParameters)
                && Objects.equals(apiCallTimeout, that.apiCallTimeout)
                && Objects.equals(apiCallAttemptTimeout, that.apiCallAttemptTimeout)
                && Objects.equals(credentialsProvider, that.credentialsProvider)
                && executionInterceptors.equals(that.executionInterceptors)
                && metricPublishers.equals(that.metricPublishers)
                && Objects.equals(compressionConfiguration, that.compressionConfiguration);
    }

    @Override
    public int hashCode() {
        return Objects.hash(OverrideValues.headersHashCode(headers), rawQueryParameters, apiCallTimeout,
                apiCallAttemptTimeout, credentialsProvider, executionInterceptors, metricPublishers,
                compressionConfiguration);
    }

    /** Names only: header and query values may be secrets, and so may what the credentials provider prints. */
    @Override
    public String toString() {
        return "RequestOverrideConfiguration(headers=" + headers.keySet()
                + ", rawQueryParameters=" + rawQueryParameters.keySet()
                + ", apiCallTimeout=" + apiCallTimeout
                + ", apiCallAttemptTimeout=" + apiCallAttemptTimeout
                + ", credentialsProvider=" + (credentialsProvider == null ? "none" : "set")
                + ", executionInterceptors=" + executionInterceptors.size()
                + ", metricPublishers=" + metricPublishers.size()
                + ", compressionConfiguration=" + compressionConfiguration + ")";
    }

    /** Collects a {@link RequestOverrideConfiguration}. Not thread-safe. */
    public static final class Builder {

        private final SharedSettings shared = new SharedSettings();
        private final Map<String, List<String>> rawQueryParameters = OverrideValues.newParameters();
        private Duration apiCallTimeout;
        private Duration apiCallAttemptTimeout;
        private AwsCredentialsProvider credentialsProvider;
        private CompressionConfiguration compressionConfiguration;

        private Builder() {}

        private Builder(RequestOverrideConfiguration source) {
            rawQueryParameters.putAll(source.rawQueryParameters);
            apiCallTimeout = source.apiCallTimeout;
            apiCallAttemptTimeout = source.apiCallAttemptTimeout;
            credentialsProvider = source.credentialsProvider;
            compressionConfiguration = source.compressionConfiguration;
            shared.copyFrom(source.headers, source.executionInterceptors, source.metricPublishers);
        }

        /** Sets header {@code name} to {@code value}, replacing what was put for it before. */
        public Builder putHeader(String name, String value) {
            return putHeader(name, List.of(Objects.requireNonNull(value, "value")));
        }

        /** Sets header {@code name} to {@code values}, sent as that many header lines. */
        public Builder putHeader(String name, List<String> values) {
            shared.putHeader(name, values);
            return this;
        }

        /** Replaces every header put before with {@code headers}. */
        public Builder headers(Map<String, List<String>> headers) {
            shared.replaceHeaders(headers);
            return this;
        }

        /** Sets query parameter {@code name} to {@code value}, not URL-encoded (the client encodes it). */
        public Builder putRawQueryParameter(String name, String value) {
            return putRawQueryParameter(name, List.of(Objects.requireNonNull(value, "value")));
        }

        /** Sets query parameter {@code name} to {@code values}, sent as that many {@code name=value} pairs. */
        public Builder putRawQueryParameter(String name, List<String> values) {
            OverrideValues.putParameter(rawQueryParameters, name, values);
            return this;
        }

        /** Replaces every query parameter put before with {@code rawQueryParameters}. */
        public Builder rawQueryParameters(Map<String, List<String>> rawQueryParameters) {
            Objects.requireNonNull(rawQueryParameters, "rawQueryParameters");
            this.rawQueryParameters.clear();
            rawQueryParameters.forEach(this::putRawQueryParameter);
            return this;
        }

        /** The limit on the whole call, every attempt and wait included; zero means none; null for the client's. */
        public Builder apiCallTimeout(Duration apiCallTimeout) {
            this.apiCallTimeout = OverrideValues.timeout("apiCallTimeout", apiCallTimeout);
            return this;
        }

        /** The limit on each attempt; zero means none; null for the client's. */
        public Builder apiCallAttemptTimeout(Duration apiCallAttemptTimeout) {
            this.apiCallAttemptTimeout = OverrideValues.timeout("apiCallAttemptTimeout", apiCallAttemptTimeout);
            return this;
        }

        /** The credentials to sign this call with; null for the client's. */
        public Builder credentialsProvider(AwsCredentialsProvider credentialsProvider) {
            this.credentialsProvider = credentialsProvider;
            return this;
        }

        /** Adds an interceptor that runs after the client's and those added before. */
        public Builder addExecutionInterceptor(ExecutionInterceptor interceptor) {
            shared.addInterceptor(interceptor);
            return this;
        }

        /** Replaces the interceptors added before with {@code interceptors}, in order. */
        public Builder executionInterceptors(List<? extends ExecutionInterceptor> interceptors) {
            shared.replaceInterceptors(interceptors);
            return this;
        }

        /** Adds a publisher of this call's metrics (the client's publishers then do not receive them). */
        public Builder addMetricPublisher(MetricPublisher publisher) {
            shared.addPublisher(publisher);
            return this;
        }

        /** Replaces the metric publishers added before with {@code publishers}. */
        public Builder metricPublishers(List<? extends MetricPublisher> publishers) {
            shared.replacePublishers(publishers);
            return this;
        }

        /** Request compression for this call, value by value over the client's; null for the client's. */
        public Builder compressionConfiguration(CompressionConfiguration compressionConfiguration) {
            this.compressionConfiguration = compressionConfiguration;
            return this;
        }

        /** Request compression for this call as {@code configuration} sets it up, starting from what was set before. */
        public Builder compressionConfiguration(Consumer<CompressionConfiguration.Builder> configuration) {
            return compressionConfiguration(CompressionConfiguration.changed(compressionConfiguration, configuration));
        }

        /** The configuration. */
        public RequestOverrideConfiguration build() {
            return new RequestOverrideConfiguration(this);
        }
    }
}
