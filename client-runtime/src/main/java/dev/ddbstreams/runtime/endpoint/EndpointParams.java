package dev.ddbstreams.runtime.endpoint;

import java.util.Objects;
import java.util.Optional;

/**
 * The parameters of the standard AWS endpoint rule set: {@code Region}, {@code UseFIPS}, {@code UseDualStack} and
 * {@code Endpoint}. Immutable; build one with {@link #builder()}.
 */
public final class EndpointParams {

    private final String region;
    private final boolean useFips;
    private final boolean useDualStack;
    private final String endpoint;

    private EndpointParams(Builder builder) {
        this.region = builder.region;
        this.useFips = builder.useFips;
        this.useDualStack = builder.useDualStack;
        this.endpoint = builder.endpoint;
    }

    /** A builder with no region, no endpoint, and FIPS and dual-stack off. */
    public static Builder builder() {
        return new Builder();
    }

    /** {@code Region}: the AWS region, such as {@code us-east-1}. */
    public Optional<String> region() {
        return Optional.ofNullable(region);
    }

    /** {@code UseFIPS}: whether to use the FIPS 140-validated endpoint. */
    public boolean useFips() {
        return useFips;
    }

    /** {@code UseDualStack}: whether to use the endpoint reachable over IPv4 and IPv6. */
    public boolean useDualStack() {
        return useDualStack;
    }

    /** {@code Endpoint}: a URL that overrides the resolved one. */
    public Optional<String> endpoint() {
        return Optional.ofNullable(endpoint);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof EndpointParams that
                && useFips == that.useFips
                && useDualStack == that.useDualStack
                && Objects.equals(region, that.region)
                && Objects.equals(endpoint, that.endpoint);
    }

    @Override
    public int hashCode() {
        return Objects.hash(region, useFips, useDualStack, endpoint);
    }

    @Override
    public String toString() {
        return "EndpointParams(Region=" + region + ", UseFIPS=" + useFips + ", UseDualStack=" + useDualStack
                + ", Endpoint=" + endpoint + ")";
    }

    /** Collects the parameters; every setter returns the builder. */
    public static final class Builder {

        private String region;
        private boolean useFips;
        private boolean useDualStack;
        private String endpoint;

        private Builder() {}

        /** {@code Region}; {@code null} for none. */
        public Builder region(String region) {
            this.region = region;
            return this;
        }

        /** {@code UseFIPS}; off unless set. */
        public Builder useFips(boolean useFips) {
            this.useFips = useFips;
            return this;
        }

        /** {@code UseDualStack}; off unless set. */
        public Builder useDualStack(boolean useDualStack) {
            this.useDualStack = useDualStack;
            return this;
        }

        /** {@code Endpoint}; {@code null} for none. */
        public Builder endpoint(String endpoint) {
            this.endpoint = endpoint;
            return this;
        }

        /** The parameters. */
        public EndpointParams build() {
            return new EndpointParams(this);
        }
    }
}
