package dev.ddbstreams.runtime.override;

import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Request compression for operations the model marks as accepting gzip bodies ({@code requestcompression}, such as
 * CloudWatch's {@code PutMetricData}), the counterpart of the AWS SDK for Java v2's {@code CompressionConfiguration}:
 * set it with {@code overrideConfiguration(o -> o.compressionConfiguration(c -> c.minimumCompressionThresholdInBytes(1024)))}.
 * What is left unset comes from the environment: {@code aws.disableRequestCompression} /
 * {@code AWS_DISABLE_REQUEST_COMPRESSION} / the profile's {@code disable_request_compression}, and
 * {@code aws.requestMinCompressionSizeBytes} / {@code AWS_REQUEST_MIN_COMPRESSION_SIZE_BYTES} / the profile's
 * {@code request_min_compression_size_bytes}; else compression is on, from {@value #DEFAULT_MINIMUM_THRESHOLD_BYTES}
 * bytes. Immutable.
 */
public final class CompressionConfiguration {

    /** The smallest body compressed unless configured otherwise, as in the AWS SDKs. */
    public static final int DEFAULT_MINIMUM_THRESHOLD_BYTES = 10_240;

    /** The largest threshold the AWS SDKs accept. */
    public static final int MAX_MINIMUM_THRESHOLD_BYTES = 10_485_760;

    private final Boolean requestCompressionEnabled;
    private final Integer minimumCompressionThresholdInBytes;

    private CompressionConfiguration(Builder builder) {
        this.requestCompressionEnabled = builder.requestCompressionEnabled;
        this.minimumCompressionThresholdInBytes = builder.minimumCompressionThresholdInBytes;
    }

    /** An empty builder. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * {@code current} (or an empty configuration) changed by {@code configuration}: the consumer forms of the
     * override builders' {@code compressionConfiguration}.
     */
    static CompressionConfiguration changed(CompressionConfiguration current, Consumer<Builder> configuration) {
        Objects.requireNonNull(configuration, "configuration");
        Builder builder = current == null ? builder() : current.toBuilder();
        configuration.accept(builder);
        return builder.build();
    }

    /** A builder holding these values. */
    public Builder toBuilder() {
        return builder().requestCompressionEnabled(requestCompressionEnabled)
                .minimumCompressionThresholdInBytes(minimumCompressionThresholdInBytes);
    }

    /** A configuration {@code configuration} sets up from an empty builder. */
    public static CompressionConfiguration of(Consumer<Builder> configuration) {
        Builder builder = builder();
        configuration.accept(builder);
        return builder.build();
    }

    /** Whether request bodies of the operations that accept it are compressed, when set here. */
    public Optional<Boolean> requestCompressionEnabled() {
        return Optional.ofNullable(requestCompressionEnabled);
    }

    /** The smallest body, in bytes (inclusive), that is compressed, when set here. */
    public Optional<Integer> minimumCompressionThresholdInBytes() {
        return Optional.ofNullable(minimumCompressionThresholdInBytes);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof CompressionConfiguration that
                && Objects.equals(requestCompressionEnabled, that.requestCompressionEnabled)
                && Objects.equals(minimumCompressionThresholdInBytes, that.minimumCompressionThresholdInBytes);
    }

    @Override
    public int hashCode() {
        return Objects.hash(requestCompressionEnabled, minimumCompressionThresholdInBytes);
    }

    @Override
    public String toString() {
        return "CompressionConfiguration(requestCompressionEnabled=" + requestCompressionEnabled
                + ", minimumCompressionThresholdInBytes=" + minimumCompressionThresholdInBytes + ")";
    }

    /** Collects a {@link CompressionConfiguration}. Not thread-safe. */
    public static final class Builder {

        private Boolean requestCompressionEnabled;
        private Integer minimumCompressionThresholdInBytes;

        private Builder() {}

        /** Whether to compress the bodies of operations that accept it (on by default); null to unset. */
        public Builder requestCompressionEnabled(Boolean requestCompressionEnabled) {
            this.requestCompressionEnabled = requestCompressionEnabled;
            return this;
        }

        /**
         * The smallest body, in bytes (inclusive), to compress: 0 to {@value #MAX_MINIMUM_THRESHOLD_BYTES}; null to unset.
         *
         * @throws IllegalArgumentException when out of that range
         */
        public Builder minimumCompressionThresholdInBytes(Integer minimumCompressionThresholdInBytes) {
            if (minimumCompressionThresholdInBytes != null
                    && (minimumCompressionThresholdInBytes < 0 || minimumCompressionThresholdInBytes > MAX_MINIMUM_THRESHOLD_BYTES)) {
                throw new IllegalArgumentException("minimumCompressionThresholdInBytes must be 0 to " + MAX_MINIMUM_THRESHOLD_BYTES
                        + ": " + minimumCompressionThresholdInBytes);
            }
            this.minimumCompressionThresholdInBytes = minimumCompressionThresholdInBytes;
            return this;
        }

        /** The configuration. */
        public CompressionConfiguration build() {
            return new CompressionConfiguration(this);
        }
    }
}
