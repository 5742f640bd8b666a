package dev.ddbstreams.runtime.http;

import com.fasterxml.jackson.core.JsonParser;
import dev.ddbstreams.runtime.exception.AwsErrorDetails;
import dev.ddbstreams.runtime.exception.AwsServiceException;
import dev.ddbstreams.runtime.exception.MalformedResponseException;
import dev.ddbstreams.runtime.exception.SdkClientException;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * Turns an error response into the exception the service's model declares for its error code, with the error's
 * modeled members read from the body.
 *
 * <p>Built once per client by generated code: each modeled error is registered under its shape name with the
 * constructor of its exception (and, for an error with members, the generated reader of its body); another code the
 * model gives the error, such as its query code, is an alias. Every other code, or a response without one, gets the
 * fallback, the service's base exception.
 *
 * <p>A service that moved from the AWS query protocol ({@code awsQueryCompatible}) also names its errors in an
 * {@code x-amzn-query-error: Code;Sender} header: the exception is still chosen by the JSON error code (or by the
 * query code when that finds none), and the code it reports is the query code, as the AWS SDKs report it.
 */
public final class ErrorMapper {

    /** The response header in which a query-compatible service names an error by its query code. */
    static final String QUERY_ERROR_HEADER = "x-amzn-query-error";

    private final Function<AwsErrorDetails, ? extends AwsServiceException> fallback;
    private final Map<String, Registration> errors;
    private final Map<String, String> aliases;
    private final boolean awsQueryCompatible;

    private ErrorMapper(Builder builder) {
        this.fallback = builder.fallback;
        this.errors = Map.copyOf(builder.errors);
        this.aliases = Map.copyOf(builder.aliases);
        this.awsQueryCompatible = builder.awsQueryCompatible;
    }

    /** A builder whose unregistered codes map to {@code fallback}. */
    public static Builder builder(Function<AwsErrorDetails, ? extends AwsServiceException> fallback) {
        return new Builder(fallback);
    }

    /**
     * Reads the modeled members of an error from its JSON body: generated for each error that has members.
     */
    @FunctionalInterface
    public interface ErrorBodyReader {

        /**
         * The exception for {@code details}, with the members {@code body} holds.
         *
         * @param details what the service said: code, message, request id and HTTP status
         * @param body a parser on the first token (the {@code START_OBJECT}) of the error's JSON body
         * @throws IOException when the body cannot be parsed
         * @throws MalformedResponseException when a member is not what the model says
         */
        AwsServiceException read(AwsErrorDetails details, JsonParser body) throws IOException;
    }

    /** Opens a parser on an error's JSON body. */
    @FunctionalInterface
    interface ErrorBody {
        JsonParser open() throws IOException;
    }

    /** The exception for {@code details}, without members: the one registered for its code, else the fallback. */
    public AwsServiceException map(AwsErrorDetails details) {
        return map(details, null, null);
    }

    /**
     * The exception for an error response: chosen by the JSON error code in {@code details} (or, for a
     * query-compatible service, by the query code in {@code queryErrorHeader} when that finds none), reporting the
     * query code when there is one, with its members read from {@code body} when it is registered with a reader.
     * Members that cannot be read leave the exception without them, the reason attached as a suppressed exception:
     * the service's error is still the news, not the shape of its body.
     *
     * @param queryErrorHeader the {@value #QUERY_ERROR_HEADER} header, or null
     * @param body the JSON object body, or null when the body was not one
     */
    AwsServiceException map(AwsErrorDetails details, String queryErrorHeader, ErrorBody body) {
        Registration registration = find(details.errorCode());
        String queryCode = awsQueryCompatible ? queryCode(queryErrorHeader) : null;
        AwsErrorDetails reported = details;
        if (queryCode != null) {
            if (registration == null) {
                registration = find(queryCode);
            }
            reported = new AwsErrorDetails(queryCode, details.errorMessage(), details.requestId(), details.statusCode(),
                    details.serviceName());
        }
        if (registration == null) {
            return created(fallback.apply(reported));
        }
        if (registration.reader == null || body == null) {
            return created(registration.factory.apply(reported));
        }
        try (JsonParser parser = body.open()) {
            parser.nextToken();
            return created(registration.reader.read(reported, parser));
        } catch (IOException | SdkClientException e) {
            AwsServiceException withoutMembers = created(registration.factory.apply(reported));
            withoutMembers.addSuppressed(new MalformedResponseException("The members of the error "
                    + reported.errorCode() + " could not be read from its body: " + e.getMessage(), e));
            return withoutMembers;
        }
    }

    private Registration find(String code) {
        if (code == null) {
            return null;
        }
        Registration registration = errors.get(code);
        if (registration == null) {
            String registered = aliases.get(code);
            registration = registered == null ? null : errors.get(registered);
        }
        return registration;
    }

    /** The code of {@code Code;Sender}, or null when the header is absent or not of that form. */
    static String queryCode(String header) {
        if (header == null) {
            return null;
        }
        int separator = header.indexOf(';');
        String code = separator < 0 ? "" : header.substring(0, separator).strip();
        return code.isEmpty() ? null : code;
    }

    private static AwsServiceException created(AwsServiceException exception) {
        return Objects.requireNonNull(exception, "an error factory returned null");
    }

    private record Registration(
            Function<AwsErrorDetails, ? extends AwsServiceException> factory, ErrorBodyReader reader) {}

    /** Collects the error codes of a service. */
    public static final class Builder {

        private final Function<AwsErrorDetails, ? extends AwsServiceException> fallback;
        private final Map<String, Registration> errors = new HashMap<>();
        private final Map<String, String> aliases = new HashMap<>();
        private boolean awsQueryCompatible;

        private Builder(Function<AwsErrorDetails, ? extends AwsServiceException> fallback) {
            this.fallback = Objects.requireNonNull(fallback, "fallback");
        }

        /** Maps {@code errorCode} (without namespace, such as {@code ExpiredIteratorException}) to {@code factory}. */
        public Builder register(String errorCode, Function<AwsErrorDetails, ? extends AwsServiceException> factory) {
            return add(errorCode, new Registration(Objects.requireNonNull(factory, "factory"), null));
        }

        /**
         * Maps {@code errorCode} to an error with modeled members: {@code members} reads them from a JSON body;
         * {@code factory} makes the exception without them, for a body that is not JSON.
         */
        public Builder register(String errorCode, Function<AwsErrorDetails, ? extends AwsServiceException> factory,
                                ErrorBodyReader members) {
            return add(errorCode, new Registration(Objects.requireNonNull(factory, "factory"),
                    Objects.requireNonNull(members, "members")));
        }

        /**
         * Maps another code the model gives an error, such as its query code, to the error registered as
         * {@code registeredCode}. A registered code always wins over an alias of the same spelling.
         */
        public Builder alias(String code, String registeredCode) {
            Objects.requireNonNull(code, "code");
            Objects.requireNonNull(registeredCode, "registeredCode");
            if (aliases.putIfAbsent(code, registeredCode) != null) {
                throw new IllegalArgumentException("error code aliased twice: " + code);
            }
            return this;
        }

        /**
         * Reads the {@code x-amzn-query-error} header of a service that moved from the AWS query protocol
         * ({@code awsQueryCompatible}): its code becomes the error code reported.
         */
        public Builder awsQueryCompatible() {
            this.awsQueryCompatible = true;
            return this;
        }

        private Builder add(String errorCode, Registration registration) {
            Objects.requireNonNull(errorCode, "errorCode");
            if (errors.putIfAbsent(errorCode, registration) != null) {
                throw new IllegalArgumentException("error code registered twice: " + errorCode);
            }
            return this;
        }

        /**
         * The mapper.
         *
         * @throws IllegalArgumentException when an alias names a code that is not registered
         */
        public ErrorMapper build() {
            aliases.forEach((alias, registered) -> {
                if (!errors.containsKey(registered)) {
                    throw new IllegalArgumentException("error code " + alias + " is an alias of " + registered
                            + ", which is not registered");
                }
            });
            return new ErrorMapper(this);
        }
    }
}
