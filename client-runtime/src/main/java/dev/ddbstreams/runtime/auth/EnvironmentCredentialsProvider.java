package dev.ddbstreams.runtime.auth;

import dev.ddbstreams.runtime.exception.SdkClientException;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * Reads credentials from the JVM system properties {@code aws.accessKeyId}, {@code aws.secretAccessKey} and
 * {@code aws.sessionToken}, or else from the environment variables {@code AWS_ACCESS_KEY_ID},
 * {@code AWS_SECRET_ACCESS_KEY} and {@code AWS_SESSION_TOKEN}: the names every AWS SDK uses.
 *
 * <p>The client uses this provider when none is configured. It reads on every call, so credentials rotated by
 * changing a system property take effect on the next request.
 */
public final class EnvironmentCredentialsProvider implements AwsCredentialsProvider {

    private final UnaryOperator<String> systemProperties;
    private final UnaryOperator<String> environment;

    private EnvironmentCredentialsProvider(UnaryOperator<String> systemProperties, UnaryOperator<String> environment) {
        this.systemProperties = Objects.requireNonNull(systemProperties, "systemProperties");
        this.environment = Objects.requireNonNull(environment, "environment");
    }

    /** A provider reading this JVM's system properties and environment. */
    public static EnvironmentCredentialsProvider create() {
        return new EnvironmentCredentialsProvider(System::getProperty, System::getenv);
    }

    // The environment of a running JVM cannot be changed, so tests pass their own lookups.
    static EnvironmentCredentialsProvider create(UnaryOperator<String> systemProperties,
                                                 UnaryOperator<String> environment) {
        return new EnvironmentCredentialsProvider(systemProperties, environment);
    }

    @Override
    public AwsCredentials resolveCredentials() {
        AwsCredentials fromProperties = read(systemProperties, "aws.accessKeyId", "aws.secretAccessKey",
                "aws.sessionToken");
        if (fromProperties != null) {
            return fromProperties;
        }
        AwsCredentials fromEnvironment = read(environment, "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY",
                "AWS_SESSION_TOKEN");
        if (fromEnvironment != null) {
            return fromEnvironment;
        }
        throw new SdkClientException("No AWS credentials found: set the system properties aws.accessKeyId and "
                + "aws.secretAccessKey, or the environment variables AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, "
                + "or configure a credentialsProvider on the client builder");
    }

    private static AwsCredentials read(UnaryOperator<String> source, String accessKeyIdName,
                                       String secretAccessKeyName, String sessionTokenName) {
        String accessKeyId = trimmedOrNull(source.apply(accessKeyIdName));
        String secretAccessKey = trimmedOrNull(source.apply(secretAccessKeyName));
        if (accessKeyId == null || secretAccessKey == null) {
            return null;
        }
        String sessionToken = trimmedOrNull(source.apply(sessionTokenName));
        return sessionToken == null
                ? AwsCredentials.create(accessKeyId, secretAccessKey)
                : AwsCredentials.create(accessKeyId, secretAccessKey, sessionToken);
    }

    private static String trimmedOrNull(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return value.trim();
    }

    @Override
    public String toString() {
        return "EnvironmentCredentialsProvider";
    }
}
