package dev.ddbstreams.runtime.http;

import dev.ddbstreams.runtime.auth.AwsCredentialsProvider;
import dev.ddbstreams.runtime.auth.DefaultCredentialsProvider;
import dev.ddbstreams.runtime.config.SystemEnvironment;
import dev.ddbstreams.runtime.exception.SdkClientException;
import dev.ddbstreams.runtime.override.ClientOverrideConfiguration;
import dev.ddbstreams.runtime.override.CompressionConfiguration;
import dev.ddbstreams.runtime.retry.RetryMode;
import dev.ddbstreams.runtime.retry.RetryPolicy;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.regex.Pattern;
import okhttp3.OkHttpClient;

/**
 * The configuration of one client, validated and immutable.
 *
 * <p>Settings left unset come from the environment or have defaults (see {@code docs/configuration.md}):
 * <ul>
 *   <li>region: the system property {@code aws.region}, else {@code AWS_REGION}, else the profile's {@code region};
 *   <li>FIPS and dual-stack endpoints: {@code aws.useFipsEndpoint} / {@code AWS_USE_FIPS_ENDPOINT} /
 *       {@code use_fips_endpoint} and {@code aws.useDualstackEndpoint} / {@code AWS_USE_DUALSTACK_ENDPOINT} /
 *       {@code use_dualstack_endpoint}, else off;
 *   <li>credentials: the {@link DefaultCredentialsProvider} chain;
 *   <li>retries: the override configuration's policy, else the builder's, else the mode of {@code aws.retryMode} /
 *       {@code AWS_RETRY_MODE} / {@code retry_mode} ({@link RetryPolicy#standard()} unless set), with
 *       {@code aws.maxAttempts} / {@code AWS_MAX_ATTEMPTS} / {@code max_attempts} attempts when set;
 *   <li>timeouts, for a client that creates its own {@link OkHttpClient}: {@linkplain #DEFAULT_CONNECT_TIMEOUT
 *       connect} 2 s, {@linkplain #DEFAULT_READ_TIMEOUT read} 30 s; and for every client a
 *       {@linkplain #DEFAULT_CALL_TIMEOUT call timeout} of 60 s over all attempts. When an application passes its own
 *       {@code OkHttpClient}, its connect and read timeouts stay unless set here;
 *   <li>the clock: the system UTC clock;
 *   <li>endpoint discovery of the operations where it is optional: {@code aws.endpointDiscoveryEnabled} /
 *       {@code AWS_ENABLE_ENDPOINT_DISCOVERY} / {@code endpoint_discovery_enabled}, else off (operations that require
 *       it always discover, unless it is set to false);
 *   <li>request compression: the override configuration's {@code compressionConfiguration}, else
 *       {@code aws.disableRequestCompression} / {@code AWS_DISABLE_REQUEST_COMPRESSION} /
 *       {@code disable_request_compression} and {@code aws.requestMinCompressionSizeBytes} /
 *       {@code AWS_REQUEST_MIN_COMPRESSION_SIZE_BYTES} / {@code request_min_compression_size_bytes}, else on from
 *       10,240 bytes.
 * </ul>
 * The profile is {@code profileName}, else {@code aws.profile}, else {@code AWS_PROFILE}, else {@code default}.
 */
public final class ClientSettings {

    /** The connect timeout of a client that creates its own {@code OkHttpClient}, unless configured. */
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(2);

    /** The read timeout of a client that creates its own {@code OkHttpClient}, unless configured. */
    public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(30);

    /** The limit on a whole call, all attempts and the waits between them, unless configured. */
    public static final Duration DEFAULT_CALL_TIMEOUT = Duration.ofSeconds(60);

    // Region names go into a host name unescaped, so only what real region names contain is accepted.
    private static final Pattern REGION = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    private static final Pattern PRINTABLE_ASCII = Pattern.compile("[\\x20-\\x7E]*");

    private final String region;
    private final URI endpointOverride;
    private final boolean fipsEnabled;
    private final boolean dualStackEnabled;
    private final AwsCredentialsProvider credentialsProvider;
    private final RetryPolicy retryPolicy;
    private final OkHttpClient httpClient;
    private final Duration connectTimeout;
    private final Duration readTimeout;
    private final Duration callTimeout;
    private final String userAgentSuffix;
    private final Clock clock;
    private final SystemEnvironment systemEnvironment;
    private final String profileName;
    private final ClientOverrideConfiguration overrideConfiguration;
    private final Executor futureCompletionExecutor;
    private final boolean hostPrefixInjectionDisabled;
    private final Boolean endpointDiscoveryEnabled;
    private final boolean requestCompressionEnabled;
    private final int minimumCompressionThresholdInBytes;

    private ClientSettings(Builder builder, String region, boolean fipsEnabled, boolean dualStackEnabled,
                           RetryPolicy retryPolicy, SystemEnvironment systemEnvironment, Clock clock,
                           EnvironmentDefaults defaults) {
        this.region = region;
        this.endpointOverride = builder.endpointOverride;
        this.fipsEnabled = fipsEnabled;
        this.dualStackEnabled = dualStackEnabled;
        this.retryPolicy = retryPolicy;
        this.httpClient = builder.httpClient;
        this.connectTimeout = builder.connectTimeout;
        this.readTimeout = builder.readTimeout;
        this.callTimeout = builder.overrideConfiguration.apiCallTimeout().orElse(builder.callTimeout);
        this.userAgentSuffix = builder.userAgentSuffix;
        this.clock = clock;
        this.systemEnvironment = systemEnvironment;
        this.profileName = builder.profileName;
        this.overrideConfiguration = builder.overrideConfiguration;
        this.futureCompletionExecutor = builder.futureCompletionExecutor;
        this.hostPrefixInjectionDisabled = Boolean.TRUE.equals(builder.disableHostPrefixInjection);
        this.endpointDiscoveryEnabled = builder.endpointDiscoveryEnabled != null
                ? builder.endpointDiscoveryEnabled : defaults.endpointDiscoveryEnabled().orElse(null);
        CompressionConfiguration compression = builder.overrideConfiguration.compressionConfiguration()
                .orElse(CompressionConfiguration.builder().build());
        this.requestCompressionEnabled = compression.requestCompressionEnabled()
                .orElseGet(() -> !defaults.requestCompressionDisabled());
        this.minimumCompressionThresholdInBytes = compression.minimumCompressionThresholdInBytes()
                .orElseGet(() -> defaults.requestMinCompressionSizeBytes().map(Builder::validateThreshold)
                        .orElse(CompressionConfiguration.DEFAULT_MINIMUM_THRESHOLD_BYTES));
        this.credentialsProvider = builder.credentialsProvider != null
                ? builder.credentialsProvider
                : DefaultCredentialsProvider.builder()
                        .systemEnvironment(systemEnvironment)
                        .profileName(profileName)
                        .clock(clock)
                        .build();
    }

    /** An empty builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding these settings, those found in the environment included. */
    public Builder toBuilder() {
        return new Builder()
                .region(region)
                .endpointOverride(endpointOverride)
                .fipsEnabled(fipsEnabled)
                .dualStackEnabled(dualStackEnabled)
                .credentialsProvider(credentialsProvider)
                .retryPolicy(retryPolicy)
                .httpClient(httpClient)
                .connectTimeout(connectTimeout)
                .readTimeout(readTimeout)
                .callTimeout(callTimeout)
                .userAgentSuffix(userAgentSuffix)
                .clock(clock)
                .systemEnvironment(systemEnvironment)
                .profileName(profileName)
                .overrideConfiguration(overrideConfiguration)
                .futureCompletionExecutor(futureCompletionExecutor)
                .disableHostPrefixInjection(hostPrefixInjectionDisabled)
                .endpointDiscoveryEnabled(endpointDiscoveryEnabled);
    }

    /**
     * The AWS region, such as {@code eu-west-1}, as configured or found in the environment; empty only when an
     * endpoint override is set (requests are then signed for {@code us-east-1}).
     */
    public Optional<String> region() {
        return Optional.ofNullable(region);
    }

    /** The endpoint to call instead of the region's, used exactly as given. */
    public Optional<URI> endpointOverride() {
        return Optional.ofNullable(endpointOverride);
    }

    /** Whether calls go to the FIPS endpoint of the region. */
    public boolean fipsEnabled() {
        return fipsEnabled;
    }

    /** Whether calls go to the dual-stack (IPv4 and IPv6) endpoint of the region. */
    public boolean dualStackEnabled() {
        return dualStackEnabled;
    }

    /** Where each request's credentials come from. */
    public AwsCredentialsProvider credentialsProvider() {
        return credentialsProvider;
    }

    /** How calls are retried: the override configuration's policy, else the builder's, else the environment's. */
    public RetryPolicy retryPolicy() {
        return retryPolicy;
    }

    /** The application's {@code OkHttpClient} whose connection pool and dispatcher the client shares. */
    public Optional<OkHttpClient> httpClient() {
        return Optional.ofNullable(httpClient);
    }

    /** The configured connect timeout; zero means none. */
    public Optional<Duration> connectTimeout() {
        return Optional.ofNullable(connectTimeout);
    }

    /** The configured read timeout (the longest pause while reading); zero means none. */
    public Optional<Duration> readTimeout() {
        return Optional.ofNullable(readTimeout);
    }

    /**
     * The configured limit on a whole call, all attempts and the waits between them included (the override
     * configuration's API-call timeout, else the builder's call timeout); zero means none, and
     * {@link #DEFAULT_CALL_TIMEOUT} applies when unset.
     */
    public Optional<Duration> callTimeout() {
        return Optional.ofNullable(callTimeout);
    }

    /** The limit on each attempt of a call, from the override configuration; zero or unset means none. */
    public Optional<Duration> apiCallAttemptTimeout() {
        return overrideConfiguration.apiCallAttemptTimeout();
    }

    /** Interceptors, default headers, metric publishers and timeouts of every call; never null. */
    public ClientOverrideConfiguration overrideConfiguration() {
        return overrideConfiguration;
    }

    /**
     * Where an asynchronous client completes its futures, so that the stages an application chains on them never
     * run on the HTTP client's threads; unset means the runtime's shared executor.
     */
    public Optional<Executor> futureCompletionExecutor() {
        return Optional.ofNullable(futureCompletionExecutor);
    }

    /**
     * Whether operations with a host prefix ({@code endpoint.hostPrefix}) are sent to the endpoint's host as it is,
     * without the prefix (the AWS SDK's {@code DISABLE_HOST_PREFIX_INJECTION}).
     */
    public boolean hostPrefixInjectionDisabled() {
        return hostPrefixInjectionDisabled;
    }

    /**
     * Whether endpoint discovery is enabled, as configured or found in the environment; empty when not set anywhere
     * (operations that require discovery then discover, those where it is optional do not).
     */
    public Optional<Boolean> endpointDiscoveryEnabled() {
        return Optional.ofNullable(endpointDiscoveryEnabled);
    }

    /** Whether the bodies of operations that accept compressed requests are gzip-compressed (when large enough). */
    public boolean requestCompressionEnabled() {
        return requestCompressionEnabled;
    }

    /** The smallest body, in bytes (inclusive), that is compressed. */
    public int minimumCompressionThresholdInBytes() {
        return minimumCompressionThresholdInBytes;
    }

    /** Text appended to the {@code User-Agent} header. */
    public Optional<String> userAgentSuffix() {
        return Optional.ofNullable(userAgentSuffix);
    }

    /** The clock that dates signatures and measures call timeouts. */
    public Clock clock() {
        return clock;
    }

    /** Where settings left unset were looked for. */
    public SystemEnvironment systemEnvironment() {
        return systemEnvironment;
    }

    /** The profile of the shared files named on the builder; empty when it comes from the environment. */
    public Optional<String> profileName() {
        return Optional.ofNullable(profileName);
    }

    @Override
    public String toString() {
        return "ClientSettings(region=" + region
                + ", endpointOverride=" + endpointOverride
                + ", fipsEnabled=" + fipsEnabled
                + ", dualStackEnabled=" + dualStackEnabled
                + ", credentialsProvider=" + credentialsProvider
                + ", retryPolicy=" + retryPolicy
                + ", httpClient=" + (httpClient == null ? "created by the client" : "shared")
                + ", connectTimeout=" + connectTimeout
                + ", readTimeout=" + readTimeout
                + ", callTimeout=" + callTimeout
                + ", userAgentSuffix=" + userAgentSuffix
                + ", clock=" + clock
                + ", systemEnvironment=" + systemEnvironment
                + ", profileName=" + profileName
                + ", overrideConfiguration=" + overrideConfiguration
                + ", futureCompletionExecutor=" + (futureCompletionExecutor == null ? "default" : futureCompletionExecutor)
                + ", hostPrefixInjectionDisabled=" + hostPrefixInjectionDisabled
                + ", endpointDiscoveryEnabled=" + endpointDiscoveryEnabled
                + ", requestCompressionEnabled=" + requestCompressionEnabled
                + ", minimumCompressionThresholdInBytes=" + minimumCompressionThresholdInBytes
                + ")";
    }

    /**
     * Collects settings; {@link #build()} validates them and fills in those left unset. Every setter accepts
     * {@code null} to return to the default.
     */
    public static final class Builder {

        private String region;
        private URI endpointOverride;
        private Boolean fipsEnabled;
        private Boolean dualStackEnabled;
        private AwsCredentialsProvider credentialsProvider;
        private RetryPolicy retryPolicy;
        private OkHttpClient httpClient;
        private Duration connectTimeout;
        private Duration readTimeout;
        private Duration callTimeout;
        private String userAgentSuffix;
        private Clock clock;
        private SystemEnvironment systemEnvironment;
        private String profileName;
        private ClientOverrideConfiguration overrideConfiguration = ClientOverrideConfiguration.empty();
        private Executor futureCompletionExecutor;
        private Boolean disableHostPrefixInjection;
        private Boolean endpointDiscoveryEnabled;

        private Builder() {}

        /**
         * The AWS region, such as {@code eu-west-1}. Unless set: {@code aws.region}, {@code AWS_REGION}, or the
         * profile's {@code region}; one of them is required unless an endpoint override is set.
         */
        public Builder region(String region) {
            this.region = region;
            return this;
        }

        /**
         * The endpoint to call instead of the region's, such as {@code http://localhost:8000}; used exactly as
         * given. Without a region, requests to it are signed for {@code us-east-1}.
         */
        public Builder endpointOverride(URI endpointOverride) {
            this.endpointOverride = endpointOverride;
            return this;
        }

        /** Whether to call the region's FIPS endpoint; unless set, from the environment, else off. */
        public Builder fipsEnabled(Boolean fipsEnabled) {
            this.fipsEnabled = fipsEnabled;
            return this;
        }

        /** Whether to call the region's dual-stack endpoint; unless set, from the environment, else off. */
        public Builder dualStackEnabled(Boolean dualStackEnabled) {
            this.dualStackEnabled = dualStackEnabled;
            return this;
        }

        /** Where each request's credentials come from; the {@link DefaultCredentialsProvider} chain unless set. */
        public Builder credentialsProvider(AwsCredentialsProvider credentialsProvider) {
            this.credentialsProvider = credentialsProvider;
            return this;
        }

        /**
         * How calls are retried: {@link RetryPolicy#none()} turns retries off. Unless set, the standard policy, with
         * the maximum attempts from the environment when given there.
         */
        public Builder retryPolicy(RetryPolicy retryPolicy) {
            this.retryPolicy = retryPolicy;
            return this;
        }

        /**
         * An application's {@code OkHttpClient} to share its connection pool and dispatcher. The client derives its
         * own instance from it, so timeouts set here do not change the application's; closing the client leaves
         * the shared pool alone.
         */
        public Builder httpClient(OkHttpClient httpClient) {
            this.httpClient = httpClient;
            return this;
        }

        /** The longest wait to establish a connection; zero means none. */
        public Builder connectTimeout(Duration connectTimeout) {
            this.connectTimeout = connectTimeout;
            return this;
        }

        /** The longest pause while reading a response; zero means none. */
        public Builder readTimeout(Duration readTimeout) {
            this.readTimeout = readTimeout;
            return this;
        }

        /** The longest a whole call may take, all attempts and waits included; zero means none. 60 s unless set. */
        public Builder callTimeout(Duration callTimeout) {
            this.callTimeout = callTimeout;
            return this;
        }

        /** Text appended to the {@code User-Agent} header, such as {@code my-app/1.2}; printable ASCII only. */
        public Builder userAgentSuffix(String userAgentSuffix) {
            this.userAgentSuffix = userAgentSuffix;
            return this;
        }

        /** The clock that dates signatures and measures call timeouts; tests fix it to get repeatable results. */
        public Builder clock(Clock clock) {
            this.clock = clock;
            return this;
        }

        /**
         * Where settings left unset are looked for: environment variables, system properties and the home folder of
         * the shared files. This JVM's unless set; {@link SystemEnvironment#of} configures a client from given
         * variables only.
         */
        public Builder systemEnvironment(SystemEnvironment systemEnvironment) {
            this.systemEnvironment = systemEnvironment;
            return this;
        }

        /** The profile of the shared files to read; unless set, {@code aws.profile}, {@code AWS_PROFILE} or default. */
        public Builder profileName(String profileName) {
            this.profileName = profileName;
            return this;
        }

        /**
         * Interceptors, default headers, metric publishers, retry policy and timeouts of every call; its retry policy
         * and API-call timeout take precedence over {@link #retryPolicy} and {@link #callTimeout}. Null for none.
         */
        public Builder overrideConfiguration(ClientOverrideConfiguration overrideConfiguration) {
            this.overrideConfiguration = overrideConfiguration != null
                    ? overrideConfiguration : ClientOverrideConfiguration.empty();
            return this;
        }

        /** Where an asynchronous client completes its futures; null for the runtime's shared executor. */
        public Builder futureCompletionExecutor(Executor futureCompletionExecutor) {
            this.futureCompletionExecutor = futureCompletionExecutor;
            return this;
        }

        /**
         * Whether to send operations with a host prefix to the endpoint's host as it is, without the prefix; off
         * unless set (the AWS SDK's {@code DISABLE_HOST_PREFIX_INJECTION}).
         */
        public Builder disableHostPrefixInjection(Boolean disableHostPrefixInjection) {
            this.disableHostPrefixInjection = disableHostPrefixInjection;
            return this;
        }

        /**
         * Whether to send operations that support endpoint discovery to discovered endpoints. Unless set:
         * {@code aws.endpointDiscoveryEnabled}, {@code AWS_ENABLE_ENDPOINT_DISCOVERY} or the profile's
         * {@code endpoint_discovery_enabled}; else only operations that require discovery use it.
         */
        public Builder endpointDiscoveryEnabled(Boolean endpointDiscoveryEnabled) {
            this.endpointDiscoveryEnabled = endpointDiscoveryEnabled;
            return this;
        }

        /**
         * The settings.
         *
         * @throws SdkClientException when a setting is missing or invalid, such as when no region is configured
         *     anywhere and no endpoint override is set
         */
        public ClientSettings build() {
            AwsSdkVersionCheck.requireSupportedSigner();
            if (endpointOverride != null) {
                validateEndpointOverride(endpointOverride);
            }
            validateTimeout("connectTimeout", connectTimeout);
            validateTimeout("readTimeout", readTimeout);
            validateTimeout("callTimeout", callTimeout);
            validateTimeout("apiCallTimeout", overrideConfiguration.apiCallTimeout().orElse(null));
            validateTimeout("apiCallAttemptTimeout", overrideConfiguration.apiCallAttemptTimeout().orElse(null));
            if (userAgentSuffix != null && !PRINTABLE_ASCII.matcher(userAgentSuffix).matches()) {
                throw new SdkClientException("userAgentSuffix must be printable ASCII (it becomes part of an HTTP "
                        + "header): " + userAgentSuffix);
            }
            SystemEnvironment environment = systemEnvironment != null ? systemEnvironment : SystemEnvironment.system();
            EnvironmentDefaults defaults = new EnvironmentDefaults(environment, profileName);
            String resolvedRegion = resolveRegion(defaults);
            return new ClientSettings(this, resolvedRegion,
                    fipsEnabled != null ? fipsEnabled : defaults.fipsEnabled(),
                    dualStackEnabled != null ? dualStackEnabled : defaults.dualStackEnabled(),
                    overrideConfiguration.retryPolicy()
                            .orElseGet(() -> retryPolicy != null ? retryPolicy : defaultRetryPolicy(defaults)),
                    environment,
                    clock != null ? clock : Clock.systemUTC(),
                    defaults);
        }

        private static int validateThreshold(EnvironmentDefaults.Found<Integer> found) {
            if (found.value() < 0 || found.value() > CompressionConfiguration.MAX_MINIMUM_THRESHOLD_BYTES) {
                throw new SdkClientException("The minimum compression size from " + found.source() + " must be 0 to "
                        + CompressionConfiguration.MAX_MINIMUM_THRESHOLD_BYTES + " bytes: " + found.value());
            }
            return found.value();
        }

        private String resolveRegion(EnvironmentDefaults defaults) {
            if (region != null) {
                return validateRegion(region, "region(...)");
            }
            Optional<EnvironmentDefaults.Found<String>> found = defaults.region();
            if (found.isPresent()) {
                return validateRegion(found.get().value(), found.get().source());
            }
            if (endpointOverride == null) {
                throw new SdkClientException("No region configured. Looked for it in: the client builder "
                        + "(region(...)), " + defaults.regionSearch() + ". Set one of them, for example "
                        + "region(\"us-east-1\") on the client builder or AWS_REGION=us-east-1, or set an "
                        + "endpointOverride");
            }
            return null;
        }

        private static String validateRegion(String region, String source) {
            if (!REGION.matcher(region).matches()) {
                throw new SdkClientException("Invalid region \"" + region + "\" from " + source + ": expected a name "
                        + "such as \"us-east-1\" (lower case letters, digits and hyphens)");
            }
            return region;
        }

        private static RetryPolicy defaultRetryPolicy(EnvironmentDefaults defaults) {
            RetryPolicy base = defaults.retryMode()
                    .map(found -> RetryMode.fromSetting(found.value()).map(RetryPolicy::forMode)
                            .orElseThrow(() -> new SdkClientException("The retry mode from " + found.source()
                                    + " must be standard, adaptive, adaptive_v2 or legacy: " + found.value())))
                    .orElse(RetryPolicy.standard());
            return defaults.maxAttempts()
                    .map(found -> {
                        if (found.value() < 1) {
                            throw new SdkClientException("The maximum attempts from " + found.source() + " must be "
                                    + "at least 1 (1 means no retries): " + found.value());
                        }
                        return base.toBuilder().maxAttempts(found.value()).build();
                    })
                    .orElse(base);
        }

        private static void validateEndpointOverride(URI endpoint) {
            String scheme = endpoint.getScheme() == null ? null : endpoint.getScheme().toLowerCase(Locale.ROOT);
            if (!"https".equals(scheme) && !"http".equals(scheme)) {
                throw new SdkClientException("endpointOverride must be an absolute http or https URI, such as "
                        + "https://streams.dynamodb.us-east-1.amazonaws.com: " + endpoint);
            }
            if (endpoint.getHost() == null) {
                throw new SdkClientException("endpointOverride has no host: " + endpoint);
            }
            // A query or fragment would change what is signed and sent in ways the protocol never uses; user info
            // would put a password into a URL that may be logged.
            if (endpoint.getRawQuery() != null || endpoint.getRawFragment() != null
                    || endpoint.getRawUserInfo() != null) {
                throw new SdkClientException("endpointOverride must not have user info, a query or a fragment: "
                        + "scheme://host[:port][/path] only");
            }
        }

        private static void validateTimeout(String name, Duration timeout) {
            if (timeout == null) {
                return;
            }
            if (timeout.isNegative()) {
                throw new SdkClientException(name + " must not be negative: " + timeout);
            }
            // OkHttp keeps timeouts as int milliseconds.
            if (timeout.compareTo(Duration.ofMillis(Integer.MAX_VALUE)) > 0) {
                throw new SdkClientException(name + " is too long (at most " + Integer.MAX_VALUE + " ms): "
                        + timeout);
            }
            if (!timeout.isZero() && timeout.compareTo(Duration.ofMillis(1)) < 0) {
                throw new SdkClientException(name + " must be zero (none) or at least 1 ms: " + timeout);
            }
        }
    }
}
