package dev.ddbstreams.runtime.auth;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * An AWS access key: the access key id, the secret access key and, for temporary credentials, a session token and
 * the time they expire.
 *
 * <p>{@link #toString()} shows the access key id and expiration only; the secret and the token never appear in it,
 * so credentials cannot leak through a log line or an exception message.
 */
public final class AwsCredentials {

    private final String accessKeyId;
    private final String secretAccessKey;
    private final String sessionToken;
    private final Instant expiration;

    private AwsCredentials(String accessKeyId, String secretAccessKey, String sessionToken, Instant expiration) {
        this.accessKeyId = requireText(accessKeyId, "accessKeyId");
        this.secretAccessKey = requireText(secretAccessKey, "secretAccessKey");
        this.sessionToken = sessionToken;
        this.expiration = expiration;
    }

    /** Long-term credentials: an access key id and its secret. */
    public static AwsCredentials create(String accessKeyId, String secretAccessKey) {
        return new AwsCredentials(accessKeyId, secretAccessKey, null, null);
    }

    /** Temporary credentials: an access key id, its secret and the session token issued with them. */
    public static AwsCredentials create(String accessKeyId, String secretAccessKey, String sessionToken) {
        return new AwsCredentials(accessKeyId, secretAccessKey, requireText(sessionToken, "sessionToken"), null);
    }

    /** A builder, for credentials with an expiration time. */
    public static Builder builder() {
        return new Builder();
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

    /** When temporary credentials stop working; empty when unknown or never. */
    public Optional<Instant> expiration() {
        return Optional.ofNullable(expiration);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof AwsCredentials that
                && accessKeyId.equals(that.accessKeyId)
                && secretAccessKey.equals(that.secretAccessKey)
                && Objects.equals(sessionToken, that.sessionToken)
                && Objects.equals(expiration, that.expiration);
    }

    @Override
    public int hashCode() {
        return Objects.hash(accessKeyId, secretAccessKey, sessionToken, expiration);
    }

    /** The access key id and expiration, with the secret and token redacted. */
    @Override
    public String toString() {
        return "AwsCredentials(accessKeyId=" + accessKeyId + ", secretAccessKey=*** redacted ***"
                + (sessionToken == null ? "" : ", sessionToken=*** redacted ***")
                + (expiration == null ? "" : ", expiration=" + expiration) + ")";
    }

    private static String requireText(String value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
        return value;
    }

    /** Collects the parts of credentials; the access key id and the secret are required. */
    public static final class Builder {

        private String accessKeyId;
        private String secretAccessKey;
        private String sessionToken;
        private Instant expiration;

        private Builder() {}

        /** The access key id. */
        public Builder accessKeyId(String accessKeyId) {
            this.accessKeyId = accessKeyId;
            return this;
        }

        /** The secret access key. */
        public Builder secretAccessKey(String secretAccessKey) {
            this.secretAccessKey = secretAccessKey;
            return this;
        }

        /** The session token of temporary credentials; {@code null} for none. */
        public Builder sessionToken(String sessionToken) {
            this.sessionToken = sessionToken;
            return this;
        }

        /** When the credentials expire; {@code null} for unknown or never. */
        public Builder expiration(Instant expiration) {
            this.expiration = expiration;
            return this;
        }

        /**
         * The credentials.
         *
         * @throws NullPointerException when the access key id or secret is missing
         * @throws IllegalArgumentException when one of them, or a session token, is blank
         */
        public AwsCredentials build() {
            return new AwsCredentials(accessKeyId, secretAccessKey,
                    sessionToken == null ? null : requireText(sessionToken, "sessionToken"), expiration);
        }
    }
}
