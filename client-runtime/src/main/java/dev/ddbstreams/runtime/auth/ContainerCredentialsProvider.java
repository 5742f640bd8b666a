package dev.ddbstreams.runtime.auth;

import dev.ddbstreams.runtime.config.SystemEnvironment;
import dev.ddbstreams.runtime.exception.SdkClientException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import okhttp3.HttpUrl;
import okhttp3.Request;

/**
 * Fetches credentials from the container credentials endpoint, as Amazon ECS, AWS Fargate, EKS Pod Identity and
 * AWS Lambda's SnapStart and container images provide it.
 *
 * <ul>
 *   <li>{@code AWS_CONTAINER_CREDENTIALS_RELATIVE_URI}: a path on the ECS endpoint {@code http://169.254.170.2}
 *       (or {@code AWS_CONTAINER_SERVICE_ENDPOINT});
 *   <li>else {@code AWS_CONTAINER_CREDENTIALS_FULL_URI}: any {@code https} URL, or an {@code http} URL to a loopback
 *       address or the ECS and EKS link-local endpoints ({@code 169.254.170.2}, {@code 169.254.170.23},
 *       {@code fd00:ec2::23});
 *   <li>with the {@code Authorization} header read from the file {@code AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE}
 *       (read at every fetch, so a rotated token is picked up) or else {@code AWS_CONTAINER_AUTHORIZATION_TOKEN}.
 * </ul>
 *
 * Each variable can also be set as the system property the AWS SDK for Java reads
 * ({@code aws.containerCredentialsPath}, {@code aws.containerCredentialsFullUri},
 * {@code aws.containerAuthorizationToken}, {@code aws.containerAuthorizationTokenFile},
 * {@code aws.containerServiceEndpoint}). The credentials are kept and refreshed ahead of their expiry.
 */
public final class ContainerCredentialsProvider implements AwsCredentialsProvider {

    static final String RELATIVE_URI = "AWS_CONTAINER_CREDENTIALS_RELATIVE_URI";
    static final String FULL_URI = "AWS_CONTAINER_CREDENTIALS_FULL_URI";
    static final String TOKEN = "AWS_CONTAINER_AUTHORIZATION_TOKEN";
    static final String TOKEN_FILE = "AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE";
    static final String SERVICE_ENDPOINT = "AWS_CONTAINER_SERVICE_ENDPOINT";
    static final String DEFAULT_SERVICE_ENDPOINT = "http://169.254.170.2";

    // ECS, EKS Pod Identity (IPv4 and IPv6).
    private static final Set<String> ALLOWED_HTTP_HOSTS = Set.of("169.254.170.2", "169.254.170.23", "fd00:ec2::23");

    private final SystemEnvironment environment;
    private final CredentialsCache cache;

    private ContainerCredentialsProvider(SystemEnvironment environment, Clock clock) {
        this.environment = Objects.requireNonNull(environment, "environment");
        this.cache = new CredentialsCache(this::fetch, Objects.requireNonNull(clock, "clock"),
                "the container credentials endpoint");
    }

    /** A provider reading this JVM's environment, refreshing on the system clock. */
    public static ContainerCredentialsProvider create() {
        return new ContainerCredentialsProvider(SystemEnvironment.system(), Clock.systemUTC());
    }

    /**
     * A provider reading the variables of {@code environment}, and telling when credentials need refreshing by
     * {@code clock}.
     */
    public static ContainerCredentialsProvider create(SystemEnvironment environment, Clock clock) {
        return new ContainerCredentialsProvider(environment, clock);
    }

    /**
     * @throws SdkClientException when no endpoint is configured, the endpoint is not allowed, or the fetch fails
     */
    @Override
    public AwsCredentials resolveCredentials() {
        return cache.get();
    }

    private AwsCredentials fetch() {
        HttpUrl url = endpoint();
        Request.Builder request = new Request.Builder().url(url).header("Accept", "application/json");
        authorizationToken().ifPresent(token -> request.header("Authorization", token));
        CredentialsHttp.Reply reply = CredentialsHttp.send(request.build(), "the container credentials endpoint");
        String origin = CredentialsHttp.origin(url);
        if (!reply.successful()) {
            throw new SdkClientException("The container credentials endpoint " + origin + " answered HTTP "
                    + reply.status());
        }
        return CredentialsResponse.parse(reply.body(), "the container credentials endpoint " + origin);
    }

    /** The URL to fetch from. */
    HttpUrl endpoint() {
        Optional<String> relative = environment.setting("aws.containerCredentialsPath", RELATIVE_URI);
        if (relative.isPresent()) {
            String base = environment.setting("aws.containerServiceEndpoint", SERVICE_ENDPOINT)
                    .orElse(DEFAULT_SERVICE_ENDPOINT);
            String path = relative.get().startsWith("/") ? relative.get() : "/" + relative.get();
            return CredentialsHttp.url(stripTrailingSlash(base) + path, RELATIVE_URI);
        }
        String full = environment.setting("aws.containerCredentialsFullUri", FULL_URI)
                .orElseThrow(() -> new SdkClientException("Neither " + RELATIVE_URI + " nor " + FULL_URI
                        + " is set: not running in a container that provides credentials"));
        HttpUrl url = CredentialsHttp.url(full, FULL_URI);
        if (!url.isHttps() && !allowedHttpHost(url.host())) {
            throw new SdkClientException(FULL_URI + " must be an https URL, or an http URL to a loopback address "
                    + "or to 169.254.170.2, 169.254.170.23 or fd00:ec2::23; the host " + url.host()
                    + " is none of these");
        }
        return url;
    }

    private Optional<String> authorizationToken() {
        Optional<String> file = environment.setting("aws.containerAuthorizationTokenFile", TOKEN_FILE);
        Optional<String> token;
        if (file.isPresent()) {
            Path path = environment.expandHome(file.get(), TOKEN_FILE);
            try {
                token = Optional.of(Files.readString(path, StandardCharsets.UTF_8).strip());
            } catch (IOException e) {
                throw new SdkClientException("Unable to read the container authorization token file " + path
                        + " (" + TOKEN_FILE + "): " + e.getClass().getSimpleName(), e);
            }
        } else {
            token = environment.setting("aws.containerAuthorizationToken", TOKEN);
        }
        if (token.isPresent() && (token.get().indexOf('\r') >= 0 || token.get().indexOf('\n') >= 0)) {
            // Never quoted: it is a secret.
            throw new SdkClientException("The container authorization token contains a line break, which an HTTP "
                    + "header cannot carry");
        }
        return token.filter(t -> !t.isEmpty());
    }

    private static boolean allowedHttpHost(String host) {
        if (ALLOWED_HTTP_HOSTS.contains(host)) {
            return true;
        }
        try {
            InetAddress[] addresses = InetAddress.getAllByName(host);
            for (InetAddress address : addresses) {
                if (!address.isLoopbackAddress()) {
                    return false;
                }
            }
            return addresses.length > 0;
        } catch (UnknownHostException e) {
            return false;
        }
    }

    private static String stripTrailingSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    @Override
    public String toString() {
        return "ContainerCredentialsProvider";
    }
}
