package dev.ddbstreams.runtime.auth;

import dev.ddbstreams.runtime.config.SystemEnvironment;
import java.util.Objects;

/**
 * Reads credentials from the Java system properties {@code aws.accessKeyId}, {@code aws.secretAccessKey} and (for
 * temporary credentials) {@code aws.sessionToken}, as the AWS SDK for Java does. It reads them on every call, so
 * credentials rotated by changing the properties take effect on the next request.
 */
public final class SystemPropertyCredentialsProvider implements AwsCredentialsProvider {

    private static final AccessKeySettings SETTINGS = new AccessKeySettings("system property", "system properties",
            "aws.accessKeyId", "aws.secretAccessKey", "aws.sessionToken");

    private final SystemEnvironment environment;

    private SystemPropertyCredentialsProvider(SystemEnvironment environment) {
        this.environment = Objects.requireNonNull(environment, "environment");
    }

    /** A provider reading this JVM's system properties. */
    public static SystemPropertyCredentialsProvider create() {
        return new SystemPropertyCredentialsProvider(SystemEnvironment.system());
    }

    /** A provider reading the properties of {@code environment}. */
    public static SystemPropertyCredentialsProvider create(SystemEnvironment environment) {
        return new SystemPropertyCredentialsProvider(environment);
    }

    /** @throws dev.ddbstreams.runtime.exception.SdkClientException when the properties are not set */
    @Override
    public AwsCredentials resolveCredentials() {
        return SETTINGS.read(environment::systemProperty);
    }

    @Override
    public String toString() {
        return "SystemPropertyCredentialsProvider";
    }
}
