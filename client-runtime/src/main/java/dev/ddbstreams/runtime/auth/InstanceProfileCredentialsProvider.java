package dev.ddbstreams.runtime.auth;

import dev.ddbstreams.runtime.config.SystemEnvironment;
import dev.ddbstreams.runtime.exception.SdkClientException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Locale;
import java.util.Objects;
import okhttp3.HttpUrl;

/**
 * Fetches the credentials of the EC2 instance profile from the instance metadata service, with IMDSv2 session
 * tokens: the role name from {@code /latest/meta-data/iam/security-credentials/}, then the role's credentials. They
 * are kept and refreshed ahead of their expiry.
 *
 * <p>Settings, as in the AWS SDKs (system property, else environment variable):
 * <ul>
 *   <li>{@code aws.disableEc2Metadata} / {@code AWS_EC2_METADATA_DISABLED}: {@code true} turns this provider off;
 *   <li>{@code aws.ec2MetadataServiceEndpoint} / {@code AWS_EC2_METADATA_SERVICE_ENDPOINT}: the service's URL;
 *   <li>{@code aws.ec2MetadataServiceEndpointMode} / {@code AWS_EC2_METADATA_SERVICE_ENDPOINT_MODE}: {@code IPv4}
 *       ({@code http://169.254.169.254}, the default) or {@code IPv6} ({@code http://[fd00:ec2::254]});
 *   <li>{@code aws.disableEc2MetadataV1} / {@code AWS_EC2_METADATA_V1_DISABLED}: {@code true} forbids reading
 *       without a session token where the token endpoint is unavailable.
 * </ul>
 */
public final class InstanceProfileCredentialsProvider implements AwsCredentialsProvider {

    static final String DISABLED = "AWS_EC2_METADATA_DISABLED";
    static final String ENDPOINT = "AWS_EC2_METADATA_SERVICE_ENDPOINT";
    static final String ENDPOINT_MODE = "AWS_EC2_METADATA_SERVICE_ENDPOINT_MODE";
    static final String V1_DISABLED = "AWS_EC2_METADATA_V1_DISABLED";
    static final String CREDENTIALS_PATH = "/latest/meta-data/iam/security-credentials/";

    private static final String IPV4_ENDPOINT = "http://169.254.169.254";
    private static final String IPV6_ENDPOINT = "http://[fd00:ec2::254]";

    private final SystemEnvironment environment;
    private final Clock clock;
    private final CredentialsCache cache;
    private volatile Ec2MetadataClient metadata;

    private InstanceProfileCredentialsProvider(SystemEnvironment environment, Clock clock) {
        this.environment = Objects.requireNonNull(environment, "environment");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.cache = new CredentialsCache(this::fetch, clock, "the EC2 instance metadata service");
    }

    /** A provider reading this JVM's environment, refreshing on the system clock. */
    public static InstanceProfileCredentialsProvider create() {
        return new InstanceProfileCredentialsProvider(SystemEnvironment.system(), Clock.systemUTC());
    }

    /**
     * A provider reading the settings of {@code environment}, and telling when credentials and session tokens need
     * refreshing by {@code clock}.
     */
    public static InstanceProfileCredentialsProvider create(SystemEnvironment environment, Clock clock) {
        return new InstanceProfileCredentialsProvider(environment, clock);
    }

    /**
     * @throws SdkClientException when the provider is disabled, the service is unreachable (not on EC2), no instance
     *     profile is attached, or the service answers with an error
     */
    @Override
    public AwsCredentials resolveCredentials() {
        if (flag("aws.disableEc2Metadata", DISABLED)) {
            throw new SdkClientException("The EC2 instance metadata service is disabled by " + DISABLED);
        }
        return cache.get();
    }

    private AwsCredentials fetch() {
        Ec2MetadataClient client = metadata();
        String roles = new String(client.get(CREDENTIALS_PATH), StandardCharsets.UTF_8).strip();
        if (roles.isEmpty()) {
            throw new SdkClientException("No instance profile is attached to this EC2 instance (the instance "
                    + "metadata service lists no role)");
        }
        String role = roles.lines().findFirst().orElseThrow().strip();
        return CredentialsResponse.parse(client.get(CREDENTIALS_PATH + role),
                "the EC2 instance metadata service (role " + role + ")");
    }

    private Ec2MetadataClient metadata() {
        Ec2MetadataClient client = metadata;
        if (client == null) {
            synchronized (this) {
                client = metadata;
                if (client == null) {
                    client = new Ec2MetadataClient(endpoint(), flag("aws.disableEc2MetadataV1", V1_DISABLED), clock);
                    metadata = client;
                }
            }
        }
        return client;
    }

    private HttpUrl endpoint() {
        String url = environment.setting("aws.ec2MetadataServiceEndpoint", ENDPOINT).orElseGet(() -> {
            String mode = environment.setting("aws.ec2MetadataServiceEndpointMode", ENDPOINT_MODE).orElse("IPv4");
            switch (mode.toLowerCase(Locale.ROOT)) {
                case "ipv4":
                    return IPV4_ENDPOINT;
                case "ipv6":
                    return IPV6_ENDPOINT;
                default:
                    throw new SdkClientException(ENDPOINT_MODE + " must be IPv4 or IPv6: " + mode);
            }
        });
        return CredentialsHttp.url(url, ENDPOINT);
    }

    private boolean flag(String property, String variable) {
        return environment.booleanSetting(property, variable).orElse(false);
    }

    @Override
    public String toString() {
        return "InstanceProfileCredentialsProvider";
    }
}
