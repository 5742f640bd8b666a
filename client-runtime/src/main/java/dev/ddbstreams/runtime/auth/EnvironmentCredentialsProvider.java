package dev.ddbstreams.runtime.auth;

import dev.ddbstreams.runtime.config.SystemEnvironment;
import java.util.Objects;

/**
 * Reads credentials from the environment variables {@code AWS_ACCESS_KEY_ID}, {@code AWS_SECRET_ACCESS_KEY} and
 * (for temporary credentials) {@code AWS_SESSION_TOKEN}: the names every AWS SDK uses, and what AWS Lambda sets.
 * It reads them on every call.
 */
public final class EnvironmentCredentialsProvider implements AwsCredentialsProvider {

    private static final AccessKeySettings SETTINGS = new AccessKeySettings(
            "environment variable", "environment variables",
            "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN");

    private final SystemEnvironment environment;

    private EnvironmentCredentialsProvider(SystemEnvironment environment) {
        this.environment = Objects.requireNonNull(environment, "environment");
    }

    /** A provider reading this JVM's environment. */
    public static EnvironmentCredentialsProvider create() {
        return new EnvironmentCredentialsProvider(SystemEnvironment.system());
    }

    /** A provider reading the variables of {@code environment}. */
    public static EnvironmentCredentialsProvider create(SystemEnvironment environment) {
        return new EnvironmentCredentialsProvider(environment);
    }

    /** @throws dev.ddbstreams.runtime.exception.SdkClientException when the variables are not set */
    @Override
    public AwsCredentials resolveCredentials() {
        return SETTINGS.read(environment::environmentVariable);
    }

    @Override
    public String toString() {
        return "EnvironmentCredentialsProvider";
    }
}
