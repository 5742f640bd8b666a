package dev.ddbstreams.runtime.http;

import dev.ddbstreams.runtime.config.Profile;
import dev.ddbstreams.runtime.config.ProfileFile;
import dev.ddbstreams.runtime.config.SystemEnvironment;
import java.util.Optional;

/**
 * The settings a client takes from its environment when the builder leaves them unset, each from the first of: a
 * Java system property, an environment variable, the profile of the shared config files. The files are read at
 * most once, and only when a setting is not found before them.
 */
final class EnvironmentDefaults {

    /** A value and where it came from, for messages. */
    record Found<T>(T value, String source) {}

    private final SystemEnvironment environment;
    private final String profileName;
    private ProfileFile files;

    /** @param profileName the profile to read; {@code null} for {@code aws.profile}, {@code AWS_PROFILE} or default */
    EnvironmentDefaults(SystemEnvironment environment, String profileName) {
        this.environment = environment;
        this.profileName = profileName != null ? profileName : ProfileFile.defaultProfileName(environment);
    }

    /** {@code aws.region}, {@code AWS_REGION} or the profile's {@code region}. */
    Optional<Found<String>> region() {
        return text("aws.region", "AWS_REGION", "region");
    }

    /** {@code aws.useFipsEndpoint}, {@code AWS_USE_FIPS_ENDPOINT} or the profile's {@code use_fips_endpoint}. */
    boolean fipsEnabled() {
        return flag("aws.useFipsEndpoint", "AWS_USE_FIPS_ENDPOINT", "use_fips_endpoint");
    }

    /**
     * {@code aws.useDualstackEndpoint}, {@code AWS_USE_DUALSTACK_ENDPOINT} or the profile's
     * {@code use_dualstack_endpoint}.
     */
    boolean dualStackEnabled() {
        return flag("aws.useDualstackEndpoint", "AWS_USE_DUALSTACK_ENDPOINT", "use_dualstack_endpoint");
    }

    /** {@code aws.maxAttempts}, {@code AWS_MAX_ATTEMPTS} or the profile's {@code max_attempts}. */
    Optional<Found<Integer>> maxAttempts() {
        Optional<Integer> fromSystem = environment.intSetting("aws.maxAttempts", "AWS_MAX_ATTEMPTS");
        if (fromSystem.isPresent()) {
            return fromSystem.map(value -> new Found<>(value, "aws.maxAttempts or AWS_MAX_ATTEMPTS"));
        }
        return profile().flatMap(p -> p.intProperty("max_attempts"))
                .map(value -> new Found<>(value, profileSource("max_attempts")));
    }

    /** {@code aws.retryMode}, {@code AWS_RETRY_MODE} or the profile's {@code retry_mode}, as written there. */
    Optional<Found<String>> retryMode() {
        return text("aws.retryMode", "AWS_RETRY_MODE", "retry_mode");
    }

    /**
     * {@code aws.endpointDiscoveryEnabled}, {@code AWS_ENABLE_ENDPOINT_DISCOVERY} or the profile's
     * {@code endpoint_discovery_enabled}; empty when none is set.
     */
    Optional<Boolean> endpointDiscoveryEnabled() {
        return environment.booleanSetting("aws.endpointDiscoveryEnabled", "AWS_ENABLE_ENDPOINT_DISCOVERY")
                .or(() -> profile().flatMap(p -> p.booleanProperty("endpoint_discovery_enabled")));
    }

    /**
     * {@code aws.disableRequestCompression}, {@code AWS_DISABLE_REQUEST_COMPRESSION} or the profile's
     * {@code disable_request_compression}; false when none is set.
     */
    boolean requestCompressionDisabled() {
        return flag("aws.disableRequestCompression", "AWS_DISABLE_REQUEST_COMPRESSION", "disable_request_compression");
    }

    /**
     * {@code aws.requestMinCompressionSizeBytes}, {@code AWS_REQUEST_MIN_COMPRESSION_SIZE_BYTES} or the profile's
     * {@code request_min_compression_size_bytes}.
     */
    Optional<Found<Integer>> requestMinCompressionSizeBytes() {
        Optional<Integer> fromSystem = environment.intSetting("aws.requestMinCompressionSizeBytes",
                "AWS_REQUEST_MIN_COMPRESSION_SIZE_BYTES");
        if (fromSystem.isPresent()) {
            return fromSystem.map(value -> new Found<>(value,
                    "aws.requestMinCompressionSizeBytes or AWS_REQUEST_MIN_COMPRESSION_SIZE_BYTES"));
        }
        return profile().flatMap(p -> p.intProperty("request_min_compression_size_bytes"))
                .map(value -> new Found<>(value, profileSource("request_min_compression_size_bytes")));
    }

    /** The places {@link #region()} looked, for the message when it found nothing. */
    String regionSearch() {
        return "the system property aws.region, the environment variable AWS_REGION, and the region of the profile \""
                + profileName + "\" in " + files().describe();
    }

    private Optional<Found<String>> text(String property, String variable, String profileKey) {
        Optional<String> value = environment.systemProperty(property);
        if (value.isPresent()) {
            return value.map(v -> new Found<>(v, "the system property " + property));
        }
        value = environment.environmentVariable(variable);
        if (value.isPresent()) {
            return value.map(v -> new Found<>(v, "the environment variable " + variable));
        }
        return profile().flatMap(p -> p.property(profileKey)).map(v -> new Found<>(v, profileSource(profileKey)));
    }

    private boolean flag(String property, String variable, String profileKey) {
        return environment.booleanSetting(property, variable)
                .or(() -> profile().flatMap(p -> p.booleanProperty(profileKey)))
                .orElse(false);
    }

    private String profileSource(String key) {
        return "the " + key + " of the profile \"" + profileName + "\" in " + files().describe();
    }

    private Optional<Profile> profile() {
        return files().profile(profileName);
    }

    private ProfileFile files() {
        if (files == null) {
            files = ProfileFile.load(environment);
        }
        return files;
    }
}
