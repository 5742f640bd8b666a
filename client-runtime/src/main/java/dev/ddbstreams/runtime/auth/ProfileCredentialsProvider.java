package dev.ddbstreams.runtime.auth;

import dev.ddbstreams.runtime.config.Profile;
import dev.ddbstreams.runtime.config.ProfileFile;
import dev.ddbstreams.runtime.config.SystemEnvironment;
import dev.ddbstreams.runtime.exception.SdkClientException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Reads the access key of a profile of the shared AWS files ({@code ~/.aws/credentials} and {@code ~/.aws/config},
 * or the files {@code AWS_SHARED_CREDENTIALS_FILE} and {@code AWS_CONFIG_FILE} name): its
 * {@code aws_access_key_id}, {@code aws_secret_access_key} and {@code aws_session_token}.
 *
 * <p>The profile is the one given to the builder, else {@code aws.profile}, {@code AWS_PROFILE} or
 * {@code default}. The files are read at the first call that succeeds, and the credentials kept from then on.
 *
 * <p>Profiles that get credentials another way (assuming a role, IAM Identity Center, a credential process, web
 * identity) are reported as such: use the AWS SDK for Java's own provider for them, through
 * {@link IdentityProviderCredentialsProvider}.
 */
public final class ProfileCredentialsProvider implements AwsCredentialsProvider {

    /** A way a profile can get credentials other than a stored access key. */
    private record OtherSource(String property, String description) {}

    private static final List<OtherSource> OTHER_SOURCES = List.of(
            new OtherSource("role_arn", "a role to assume (role_arn)"),
            new OtherSource("sso_session", "IAM Identity Center (sso_session)"),
            new OtherSource("sso_start_url", "IAM Identity Center (sso_start_url)"),
            new OtherSource("credential_process", "an external process (credential_process)"),
            new OtherSource("web_identity_token_file", "a web identity token (web_identity_token_file)"),
            new OtherSource("login_session", "an AWS console login session (login_session)"));

    private final SystemEnvironment environment;
    private final String profileName;
    private volatile AwsCredentials credentials;

    private ProfileCredentialsProvider(Builder builder) {
        this.environment = builder.environment;
        this.profileName = builder.profileName;
    }

    /** A provider of the default profile, reading this JVM's environment. */
    public static ProfileCredentialsProvider create() {
        return builder().build();
    }

    /** A provider of the profile {@code profileName}, reading this JVM's environment. */
    public static ProfileCredentialsProvider create(String profileName) {
        return builder().profileName(profileName).build();
    }

    /** A builder reading this JVM's environment, for the default profile. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * @throws SdkClientException when the profile or its access key is missing, or a file is malformed
     */
    @Override
    public AwsCredentials resolveCredentials() {
        AwsCredentials cached = credentials;
        if (cached != null) {
            return cached;
        }
        AwsCredentials loaded = load();
        credentials = loaded;
        return loaded;
    }

    private AwsCredentials load() {
        String name = profileName();
        ProfileFile files = ProfileFile.load(environment);
        Profile profile = files.profile(name).orElseThrow(() -> new SdkClientException("Profile \"" + name
                + "\" not found in " + files.describe() + (files.profileNames().isEmpty() ? ""
                : "; the profiles there are " + files.profileNames())));
        Optional<String> accessKeyId = profile.property("aws_access_key_id");
        Optional<String> secretAccessKey = profile.property("aws_secret_access_key");
        if (accessKeyId.isPresent() && secretAccessKey.isPresent()) {
            return AwsCredentials.builder()
                    .accessKeyId(accessKeyId.get())
                    .secretAccessKey(secretAccessKey.get())
                    .sessionToken(profile.property("aws_session_token").orElse(null))
                    .build();
        }
        if (accessKeyId.isPresent() || secretAccessKey.isPresent()) {
            throw new SdkClientException("Profile \"" + name + "\" in " + files.describe() + " has "
                    + (accessKeyId.isPresent() ? "aws_access_key_id but no aws_secret_access_key"
                    : "aws_secret_access_key but no aws_access_key_id"));
        }
        for (OtherSource source : OTHER_SOURCES) {
            if (profile.property(source.property()).isPresent()) {
                throw new SdkClientException("Profile \"" + name + "\" in " + files.describe() + " gets its "
                        + "credentials from " + source.description() + ", which this client does not resolve "
                        + "itself: pass the AWS SDK for Java's ProfileCredentialsProvider "
                        + "(software.amazon.awssdk:auth, with the sts or sso modules) through "
                        + "IdentityProviderCredentialsProvider.create(...)");
            }
        }
        throw new SdkClientException("Profile \"" + name + "\" in " + files.describe() + " has no "
                + "aws_access_key_id and aws_secret_access_key");
    }

    private String profileName() {
        return profileName != null ? profileName : ProfileFile.defaultProfileName(environment);
    }

    @Override
    public String toString() {
        return "ProfileCredentialsProvider(profile=" + (profileName != null ? profileName : "from environment") + ")";
    }

    /** Collects the profile and the environment to read. */
    public static final class Builder {

        private SystemEnvironment environment = SystemEnvironment.system();
        private String profileName;

        private Builder() {}

        /** The profile to read; {@code null} (the default) for {@code aws.profile}, {@code AWS_PROFILE} or default. */
        public Builder profileName(String profileName) {
            this.profileName = profileName;
            return this;
        }

        /** Where the file locations, profile name and home folder come from; this JVM's unless set. */
        public Builder systemEnvironment(SystemEnvironment environment) {
            this.environment = Objects.requireNonNull(environment, "environment");
            return this;
        }

        /** The provider. */
        public ProfileCredentialsProvider build() {
            return new ProfileCredentialsProvider(this);
        }
    }
}
