package dev.ddbstreams.runtime.http;

import dev.ddbstreams.runtime.auth.AwsCredentialsProvider;
import dev.ddbstreams.runtime.auth.EnvironmentCredentialsProvider;
import dev.ddbstreams.runtime.exception.SdkClientException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import okhttp3.OkHttpClient;

/**
 * The configuration of one client, validated and immutable.
 *
 * <p>Settings left unset have defaults: credentials from {@link EnvironmentCredentialsProvider}, the system UTC
 * clock, and for a client that creates its own {@link OkHttpClient}, a {@linkplain #DEFAULT_CONNECT_TIMEOUT connect
 * timeout} of 2 seconds, a {@linkplain #DEFAULT_READ_TIMEOUT read timeout} of 30 seconds and no call timeout. When
 * an application passes its own {@code OkHttpClient}, only the timeouts set here replace that client's.
 */
public final class ClientSettings {

    /** The connect timeout of a client that creates its own {@code OkHttpClient}, unless configured. */
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(2);

    /** The read timeout of a client that creates its own {@code OkHttpClient}, unless configured. */
    public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(30);

    // Region names go into a host name unescaped, so only what real region names contain is accepted.
    private static final Pattern REGION = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    private static final Pattern PRINTABLE_ASCII = Pattern.compile("[\\x20-\\x7E]*");

    private final String region;
    private final URI endpointOverride;
    private final AwsCredentialsProvider credentialsProvider;
    private final OkHttpClient httpClient;
    private final Duration connectTimeout;
    private final Duration readTimeout;
    private final Duration callTimeout;
    private final String userAgentSuffix;
    private final Clock clock;

    private ClientSettings(Builder builder) {
        this.region = builder.region;
        this.endpointOverride = builder.endpointOverride;
        this.credentialsProvider = builder.credentialsProvider != null
                ? builder.credentialsProvider
                : EnvironmentCredentialsProvider.create();
        this.httpClient = builder.httpClient;
        this.connectTimeout = builder.connectTimeout;
        this.readTimeout = builder.readTimeout;
        this.callTimeout = builder.callTimeout;
        this.userAgentSuffix = builder.userAgentSuffix;
        this.clock = builder.clock != null ? builder.clock : Clock.systemUTC();
    }

    /** An empty builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding these settings. */
    public Builder toBuilder() {
        return new Builder()
                .region(region)
                .endpointOverride(endpointOverride)
                .credentialsProvider(credentialsProvider)
                .httpClient(httpClient)
                .connectTimeout(connectTimeout)
                .readTimeout(readTimeout)
                .callTimeout(callTimeout)
                .userAgentSuffix(userAgentSuffix)
                .clock(clock);
    }

    /** The AWS region, such as {@code eu-west-1}; may be empty only when an endpoint override is set. */
    public Optional<String> region() {
        return Optional.ofNullable(region);
    }

    /** The endpoint to call instead of the region's, used exactly as given. */
    public Optional<URI> endpointOverride() {
        return Optional.ofNullable(endpointOverride);
    }

    /** Where each request's credentials come from. */
    public AwsCredentialsProvider credentialsProvider() {
        return credentialsProvider;
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

    /** The configured limit on a whole call, from connecting to reading the last byte; zero means none. */
    public Optional<Duration> callTimeout() {
        return Optional.ofNullable(callTimeout);
    }

    /** Text appended to the {@code User-Agent} header. */
    public Optional<String> userAgentSuffix() {
        return Optional.ofNullable(userAgentSuffix);
    }

    /** The clock that dates signatures. */
    public Clock clock() {
        return clock;
    }

    @Override
    public String toString() {
        return "ClientSettings(region=" + region
                + ", endpointOverride=" + endpointOverride
                + ", credentialsProvider=" + credentialsProvider
                + ", httpClient=" + (httpClient == null ? "created by the client" : "shared")
                + ", connectTimeout=" + connectTimeout
                + ", readTimeout=" + readTimeout
                + ", callTimeout=" + callTimeout
                + ", userAgentSuffix=" + userAgentSuffix
                + ", clock=" + clock + ")";
    }

    /**
     * Collects settings; {@link #build()} validates them. Every setter accepts {@code null} to return to the
     * default.
     */
    public static final class Builder {

        private String region;
        private URI endpointOverride;
        private AwsCredentialsProvider credentialsProvider;
        private OkHttpClient httpClient;
        private Duration connectTimeout;
        private Duration readTimeout;
        private Duration callTimeout;
        private String userAgentSuffix;
        private Clock clock;

        private Builder() {}

        /** The AWS region, such as {@code eu-west-1}. Required unless an endpoint override is set. */
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

        /** Where each request's credentials come from. */
        public Builder credentialsProvider(AwsCredentialsProvider credentialsProvider) {
            this.credentialsProvider = credentialsProvider;
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

        /** The longest a whole call may take; zero means none. */
        public Builder callTimeout(Duration callTimeout) {
            this.callTimeout = callTimeout;
            return this;
        }

        /** Text appended to the {@code User-Agent} header, such as {@code my-app/1.2}; printable ASCII only. */
        public Builder userAgentSuffix(String userAgentSuffix) {
            this.userAgentSuffix = userAgentSuffix;
            return this;
        }

        /** The clock that dates signatures; tests fix it to get repeatable signatures. */
        public Builder clock(Clock clock) {
            this.clock = clock;
            return this;
        }

        /**
         * The settings.
         *
         * @throws SdkClientException when a setting is missing or invalid
         */
        public ClientSettings build() {
            validateRegionAndEndpoint();
            validateTimeout("connectTimeout", connectTimeout);
            validateTimeout("readTimeout", readTimeout);
            validateTimeout("callTimeout", callTimeout);
            if (userAgentSuffix != null && !PRINTABLE_ASCII.matcher(userAgentSuffix).matches()) {
                throw new SdkClientException("userAgentSuffix must be printable ASCII (it becomes part of an HTTP "
                        + "header): " + userAgentSuffix);
            }
            return new ClientSettings(this);
        }

        private void validateRegionAndEndpoint() {
            if (region == null && endpointOverride == null) {
                throw new SdkClientException("No region configured: set region(\"us-east-1\") (or the region of "
                        + "your streams) on the client builder, or an endpointOverride");
            }
            if (region != null && !REGION.matcher(region).matches()) {
                throw new SdkClientException("Invalid region \"" + region + "\": expected a name such as "
                        + "\"us-east-1\" (lower case letters, digits and hyphens)");
            }
            if (endpointOverride != null) {
                validateEndpointOverride(endpointOverride);
            }
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
