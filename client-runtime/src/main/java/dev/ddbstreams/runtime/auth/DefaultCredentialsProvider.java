package dev.ddbstreams.runtime.auth;

import dev.ddbstreams.runtime.config.SystemEnvironment;
import java.time.Clock;
import java.util.List;
import java.util.Objects;

/**
 * The credentials a client uses unless given a provider: the first of these that has some, in the order of the AWS
 * SDKs, remembered for later calls.
 *
 * <ol>
 *   <li>{@link SystemPropertyCredentialsProvider}: {@code aws.accessKeyId}, {@code aws.secretAccessKey};
 *   <li>{@link EnvironmentCredentialsProvider}: {@code AWS_ACCESS_KEY_ID}, {@code AWS_SECRET_ACCESS_KEY} (Lambda);
 *   <li>{@link ProfileCredentialsProvider}: the profile in {@code ~/.aws/credentials} and {@code ~/.aws/config}
 *       (a laptop);
 *   <li>{@link ContainerCredentialsProvider}: ECS, Fargate, EKS Pod Identity;
 *   <li>{@link InstanceProfileCredentialsProvider}: the EC2 instance profile, through IMDSv2.
 * </ol>
 *
 * Temporary credentials from the last two are cached and refreshed ahead of expiry. When none has credentials, the
 * exception lists what each one said. Creating a provider does no I/O.
 */
public final class DefaultCredentialsProvider implements AwsCredentialsProvider {

    private final CredentialsProviderChain chain;

    private DefaultCredentialsProvider(Builder builder) {
        this.chain = CredentialsProviderChain.of(List.of(
                SystemPropertyCredentialsProvider.create(builder.environment),
                EnvironmentCredentialsProvider.create(builder.environment),
                ProfileCredentialsProvider.builder()
                        .systemEnvironment(builder.environment)
                        .profileName(builder.profileName)
                        .build(),
                ContainerCredentialsProvider.create(builder.environment, builder.clock),
                InstanceProfileCredentialsProvider.create(builder.environment, builder.clock)));
    }

    /** The chain over this JVM's environment. */
    public static DefaultCredentialsProvider create() {
        return builder().build();
    }

    /** A builder over this JVM's environment, the profile it names, and the system clock. */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public AwsCredentials resolveCredentials() {
        return chain.resolveCredentials();
    }

    /** The providers in the order they are asked. */
    public List<AwsCredentialsProvider> providers() {
        return chain.providers();
    }

    @Override
    public String toString() {
        return "DefaultCredentialsProvider";
    }

    /** Collects the environment, profile and clock the chain's providers use. */
    public static final class Builder {

        private SystemEnvironment environment = SystemEnvironment.system();
        private String profileName;
        private Clock clock = Clock.systemUTC();

        private Builder() {}

        /** Where variables, system properties and the home folder come from; this JVM's unless set. */
        public Builder systemEnvironment(SystemEnvironment environment) {
            this.environment = Objects.requireNonNull(environment, "environment");
            return this;
        }

        /** The profile of the shared files; {@code null} (the default) for {@code aws.profile}, {@code AWS_PROFILE}
         * or {@code default}. */
        public Builder profileName(String profileName) {
            this.profileName = profileName;
            return this;
        }

        /** The clock that tells when temporary credentials need refreshing. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** The provider. */
        public DefaultCredentialsProvider build() {
            return new DefaultCredentialsProvider(this);
        }
    }
}
