package dev.ddbstreams.runtime.http;

import dev.ddbstreams.runtime.exception.AwsErrorDetails;
import dev.ddbstreams.runtime.exception.AwsServiceException;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * Turns an error response into the exception the service's model declares for its error code.
 *
 * <p>Built once per client by generated code: each modeled error code is registered with the constructor of its
 * exception, and every other code (or a response without one) gets the fallback, the service's base exception.
 */
public final class ErrorMapper {

    private final Function<AwsErrorDetails, ? extends AwsServiceException> fallback;
    private final Map<String, Function<AwsErrorDetails, ? extends AwsServiceException>> factories;

    private ErrorMapper(Builder builder) {
        this.fallback = builder.fallback;
        this.factories = Map.copyOf(builder.factories);
    }

    /** A builder whose unregistered codes map to {@code fallback}. */
    public static Builder builder(Function<AwsErrorDetails, ? extends AwsServiceException> fallback) {
        return new Builder(fallback);
    }

    /** The exception for {@code details}: the one registered for its code, else the fallback. */
    public AwsServiceException map(AwsErrorDetails details) {
        Function<AwsErrorDetails, ? extends AwsServiceException> factory =
                details.errorCode() == null ? null : factories.get(details.errorCode());
        AwsServiceException exception = (factory != null ? factory : fallback).apply(details);
        return Objects.requireNonNull(exception, "an error factory returned null");
    }

    /** Collects the error codes of a service. */
    public static final class Builder {

        private final Function<AwsErrorDetails, ? extends AwsServiceException> fallback;
        private final Map<String, Function<AwsErrorDetails, ? extends AwsServiceException>> factories =
                new HashMap<>();

        private Builder(Function<AwsErrorDetails, ? extends AwsServiceException> fallback) {
            this.fallback = Objects.requireNonNull(fallback, "fallback");
        }

        /** Maps {@code errorCode} (without namespace, such as {@code ExpiredIteratorException}) to {@code factory}. */
        public Builder register(String errorCode, Function<AwsErrorDetails, ? extends AwsServiceException> factory) {
            Objects.requireNonNull(errorCode, "errorCode");
            Objects.requireNonNull(factory, "factory");
            if (factories.putIfAbsent(errorCode, factory) != null) {
                throw new IllegalArgumentException("error code registered twice: " + errorCode);
            }
            return this;
        }

        /** The mapper. */
        public ErrorMapper build() {
            return new ErrorMapper(this);
        }
    }
}
