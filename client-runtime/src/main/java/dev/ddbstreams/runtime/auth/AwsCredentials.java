package dev.ddbstreams.runtime.auth;

import java.util.Objects;
import java.util.Optional;

/**
 * An AWS access key: the access key id, the secret access key and, for temporary credentials, a session token.
 *
 * <p>{@link #toString()} shows the access key id only; the secret and the token never appear in it, so credentials
 * cannot leak through a log line or an exception message.
 */
public final class AwsCredentials {

    private final String accessKeyId;
    private final String secretAccessKey;
    private final String sessionToken;

    private AwsCredentials(String accessKeyId, String secretAccessKey, String sessionToken) {
        this.accessKeyId = requireText(accessKeyId, "accessKeyId");
        this.secretAccessKey = requireText(secretAccessKey, "secretAccessKey");
        this.sessionToken = sessionToken;
    }

    /** Long-term credentials: an access key id and its secret. */
    public static AwsCredentials create(String accessKeyId, String secretAccessKey) {
        return new AwsCredentials(accessKeyId, secretAccessKey, null);
    }

    /** Temporary credentials: an access key id, its secret and the session token issued with them. */
    public static AwsCredentials create(String accessKeyId, String secretAccessKey, String sessionToken) {
        return new AwsCredentials(accessKeyId, secretAccessKey, requireText(sessionToken, "sessionToken"));
    }

    /** The access key id, such as {@code AKIDEXAMPLE}. */
    public String accessKeyId() {
        return accessKeyId;
    }

    /** The secret access key. */
    public String secretAccessKey() {
        return secretAccessKey;
    }

    /** The session token of temporary credentials; empty for long-term ones. */
    public Optional<String> sessionToken() {
        return Optional.ofNullable(sessionToken);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof AwsCredentials that
                && accessKeyId.equals(that.accessKeyId)
                && secretAccessKey.equals(that.secretAccessKey)
                && Objects.equals(sessionToken, that.sessionToken);
    }

    @Override
    public int hashCode() {
        return Objects.hash(accessKeyId, secretAccessKey, sessionToken);
    }

    /** The access key id, with the secret and token redacted. */
    @Override
    public String toString() {
        return "AwsCredentials(accessKeyId=" + accessKeyId + ", secretAccessKey=*** redacted ***"
                + (sessionToken == null ? "" : ", sessionToken=*** redacted ***") + ")";
    }

    private static String requireText(String value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
        return value;
    }
}
