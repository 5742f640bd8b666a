package dev.ddbstreams.runtime.override;

import dev.ddbstreams.runtime.interceptor.ExecutionInterceptor;
import dev.ddbstreams.runtime.metrics.MetricPublisher;
import dev.ddbstreams.runtime.retry.RetryMode;
import dev.ddbstreams.runtime.retry.RetryPolicy;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Settings of every call a client makes, the counterpart of the AWS SDK for Java v2's
 * {@code ClientOverrideConfiguration}: set it with {@code builder.overrideConfiguration(o -> o.apiCallTimeout(...))}.
 * Immutable.
 *
 * <ul>
 *   <li>The {@linkplain #retryPolicy() retry policy}: takes precedence over the builder's {@code retryPolicy(...)}
 *       and over {@code aws.retryMode} / {@code AWS_RETRY_MODE} / {@code retry_mode}.
 *   <li>The {@linkplain #apiCallTimeout() API-call timeout} (all attempts and waits of one call; takes precedence over
 *       the builder's {@code callTimeout(...)}) and the {@linkplain #apiCallAttemptTimeout() API-call-attempt timeout}
 *       (each attempt; one that runs out is retried like a read timeout).
 *   <li>{@linkplain #headers() Default headers} added to every request before it is signed.
 *   <li>{@linkplain #executionInterceptors() Interceptors}, run in the order added, before any a request adds.
 *   <li>{@linkplain #metricPublishers() Metric publishers}, which receive one record per call off the caller's
 *       thread; a request that names publishers of its own sends its metrics there instead.
 *   <li>The {@linkplain #compressionConfiguration() compression configuration} of the operations that accept
 *       compressed requests.
 * </ul>
 */
public final class ClientOverrideConfiguration {

    private static final ClientOverrideConfiguration EMPTY = builder().build();

    private final RetryPolicy retryPolicy;
    private final Duration apiCallTimeout;
    private final Duration apiCallAttemptTimeout;
    private final Map<String, List<String>> headers;
    private final List<ExecutionInterceptor> executionInterceptors;
    private final List<MetricPublisher> metricPublishers;
    private final CompressionConfiguration compressionConfiguration;

    private ClientOverrideConfiguration(Builder builder) {
        this.retryPolicy = builder.retryPolicy;
        this.apiCallTimeout = builder.apiCallTimeout;
        this.apiCallAttemptTimeout = builder.apiCallAttemptTimeout;
        this.headers = OverrideValues.freeze(builder.shared.headers, true);
        this.executionInterceptors = List.copyOf(builder.shared.interceptors);
        this.metricPublishers = List.copyOf(builder.shared.publishers);
        this.compressionConfiguration = builder.compressionConfiguration;
    }

    /** A configuration that changes nothing. */
    public static ClientOverrideConfiguration empty() {
        return EMPTY;
    }

    /** An empty builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this configuration's values. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** How calls are retried, when set here. */
    public Optional<RetryPolicy> retryPolicy() {
        return Optional.ofNullable(retryPolicy);
    }

    /** The limit on a whole call, every attempt and wait included; zero means none. */
    public Optional<Duration> apiCallTimeout() {
        return Optional.ofNullable(apiCallTimeout);
    }

    /** The limit on each attempt of a call; zero means none. */
    public Optional<Duration> apiCallAttemptTimeout() {
        return Optional.ofNullable(apiCallAttemptTimeout);
    }

    /** Headers added to every request, by name (compared case-insensitively). */
    public Map<String, List<String>> headers() {
        return headers;
    }

    /** The client's interceptors, in the order they run. */
    public List<ExecutionInterceptor> executionInterceptors() {
        return executionInterceptors;
    }

    /** The publishers of the client's call metrics. */
    public List<MetricPublisher> metricPublishers() {
        return metricPublishers;
    }

    /** Request compression of the operations that accept it, when set here. */
    public Optional<CompressionConfiguration> compressionConfiguration() {
        return Optional.ofNullable(compressionConfiguration);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ClientOverrideConfiguration that
                && Objects.equals(retryPolicy, that.retryPolicy)
                && Objects.equals(apiCallTimeout, that.apiCallTimeout)
                && Objects.equals(apiCallAttemptTimeout, that.apiCallAttemptTimeout)
                && headers.equals(that.headers)
                && executionInterceptors.equals(that.executionInterceptors)
                && metricPublishers.equals(that.metricPublishers)
                && Objects.equals(compressionConfiguration, that.compressionConfiguration);
    }

    @Override
    public int hashCode() {
        return Objects.hash(retryPolicy, apiCallTimeout, apiCallAttemptTimeout, OverrideValues.headersHashCode(headers),
                executionInterceptors, metricPublishers, compressionConfiguration);
    }

    /** Header names only: their values may be secrets. */
    @Override
    public String toString() {
        return "ClientOverrideConfiguration(retryPolicy=" + retryPolicy
                + ", apiCallTimeout=" + apiCallTimeout
                + ", apiCallAttemptTimeout=" + apiCallAttemptTimeout
                + ", headers=" + headers.keySet()
                + ", executionInterceptors=" + executionInterceptors
                + ", metricPublishers=" + metricPublishers
                + ", compressionConfiguration=" + compressionConfiguration + ")";
    }

    /** Collects a {@link ClientOverrideConfiguration}. Not thread-safe. */
    public static final class Builder {

        private RetryPolicy retryPolicy;
        private Duration apiCallTimeout;
        private Duration apiCallAttemptTimeout;
        private final SharedSettings shared = new SharedSettings();
        private CompressionConfiguration compressionConfiguration;

        private Builder() {}

        private Builder(ClientOverrideConfiguration source) {
            retryPolicy = source.retryPolicy;
            apiCallTimeout = source.apiCallTimeout;
            apiCallAttemptTimeout = source.apiCallAttemptTimeout;
            shared.copyFrom(source.headers, source.executionInterceptors, source.metricPublishers);
            compressionConfiguration = source.compressionConfiguration;
        }

        /** How calls are retried ({@link RetryPolicy#none()}, {@link RetryPolicy#adaptive()}, ...); null to unset. */
        public Builder retryPolicy(RetryPolicy retryPolicy) {
            this.retryPolicy = retryPolicy;
            return this;
        }

        /**
         * Retries in {@code mode} with that mode's defaults, as the SDK's {@code retryStrategy(RetryMode)}:
         * shorthand for {@code retryPolicy(RetryPolicy.forMode(mode))}.
         */
        public Builder retryMode(RetryMode mode) {
            return retryPolicy(RetryPolicy.forMode(mode));
        }

        /** The limit on a whole call, every attempt and wait included; zero means none; null to unset. */
        public Builder apiCallTimeout(Duration apiCallTimeout) {
            this.apiCallTimeout = OverrideValues.timeout("apiCallTimeout", apiCallTimeout);
            return this;
        }

        /** The limit on each attempt of a call; zero means none; null to unset. */
        public Builder apiCallAttemptTimeout(Duration apiCallAttemptTimeout) {
            this.apiCallAttemptTimeout = OverrideValues.timeout("apiCallAttemptTimeout", apiCallAttemptTimeout);
            return this;
        }

        /** Sets header {@code name} of every request to {@code value}. */
        public Builder putHeader(String name, String value) {
            return putHeader(name, List.of(Objects.requireNonNull(value, "value")));
        }

        /** Sets header {@code name} of every request to {@code values}. */
        public Builder putHeader(String name, List<String> values) {
            shared.putHeader(name, values);
            return this;
        }

        /** Replaces every header put before with {@code headers}. */
        public Builder headers(Map<String, List<String>> headers) {
            shared.replaceHeaders(headers);
            return this;
        }

        /** Adds an interceptor that runs after those added before. */
        public Builder addExecutionInterceptor(ExecutionInterceptor interceptor) {
            shared.addInterceptor(interceptor);
            return this;
        }

        /** Replaces the interceptors added before with {@code interceptors}, in order. */
        public Builder executionInterceptors(List<? extends ExecutionInterceptor> interceptors) {
            shared.replaceInterceptors(interceptors);
            return this;
        }

        /** Adds a publisher of the client's call metrics. */
        public Builder addMetricPublisher(MetricPublisher publisher) {
            shared.addPublisher(publisher);
            return this;
        }

        /** Replaces the metric publishers added before with {@code publishers}. */
        public Builder metricPublishers(List<? extends MetricPublisher> publishers) {
            shared.replacePublishers(publishers);
            return this;
        }

        /** Request compression of the operations that accept it; null to unset. */
        public Builder compressionConfiguration(CompressionConfiguration compressionConfiguration) {
            this.compressionConfiguration = compressionConfiguration;
            return this;
        }

        /** Request compression as {@code configuration} sets it up, starting from what was set before. */
        public Builder compressionConfiguration(Consumer<CompressionConfiguration.Builder> configuration) {
            return compressionConfiguration(CompressionConfiguration.changed(compressionConfiguration, configuration));
        }

        /** The configuration. */
        public ClientOverrideConfiguration build() {
            return new ClientOverrideConfiguration(this);
        }
    }
}
