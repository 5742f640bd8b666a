package dev.ddbstreams.runtime.auth;

import java.util.Objects;

/** Always supplies the same credentials. */
public final class StaticCredentialsProvider implements AwsCredentialsProvider {

    private final AwsCredentials credentials;

    private StaticCredentialsProvider(AwsCredentials credentials) {
        this.credentials = Objects.requireNonNull(credentials, "credentials");
    }

    /** A provider of long-term credentials. */
    public static StaticCredentialsProvider create(String accessKeyId, String secretAccessKey) {
        return new StaticCredentialsProvider(AwsCredentials.create(accessKeyId, secretAccessKey));
    }

    /** A provider of temporary credentials. */
    public static StaticCredentialsProvider create(String accessKeyId, String secretAccessKey, String sessionToken) {
        return new StaticCredentialsProvider(AwsCredentials.create(accessKeyId, secretAccessKey, sessionToken));
    }

    /** A provider of {@code credentials}. */
    public static StaticCredentialsProvider create(AwsCredentials credentials) {
        return new StaticCredentialsProvider(credentials);
    }

    @Override
    public AwsCredentials resolveCredentials() {
        return credentials;
    }

    /** Shows the access key id only, like {@link AwsCredentials#toString()}. */
    @Override
    public String toString() {
        return "StaticCredentialsProvider(" + credentials + ")";
    }
}
