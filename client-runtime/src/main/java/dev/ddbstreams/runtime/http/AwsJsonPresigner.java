package dev.ddbstreams.runtime.http;

import com.fasterxml.jackson.core.JsonFactory;
import dev.ddbstreams.runtime.auth.AwsCredentialsProvider;
import dev.ddbstreams.runtime.override.RequestOverrideConfiguration;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import okhttp3.HttpUrl;
import software.amazon.awssdk.http.SdkHttpRequest;

/**
 * Presigns awsJson calls: the request an {@link AwsJsonProtocolInvoker} would send, signed in its query string
 * so that it can be handed to someone else and sent later. Uses the same endpoint resolution, body writer and
 * credentials as the invoker, and an operation's host prefix; it does not discover endpoints (a presigned request
 * goes to the client's endpoint), and refuses operations that are sent unsigned.
 */
public final class AwsJsonPresigner {

    /** The expiry when none is given, as in boto3. */
    public static final Duration DEFAULT_EXPIRY = Duration.ofHours(1);
    /** The longest expiry SigV4 allows. */
    public static final Duration MAX_EXPIRY = Duration.ofDays(7);

    private final ServiceMetadata metadata;
    private final ClientSettings settings;
    private final ResolvedEndpoint endpoint;
    private final SigV4RequestSigner signer;
    private final Clock clock;
    private final RequestBodyWriter bodyWriter = new RequestBodyWriter(new JsonFactory());

    public AwsJsonPresigner(ClientSettings settings, ServiceMetadata metadata) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.metadata = Objects.requireNonNull(metadata, "metadata");
        this.endpoint = ResolvedEndpoint.resolve(settings, metadata);
        this.clock = settings.clock();
        this.signer = new SigV4RequestSigner(metadata.signingName(), endpoint.signingRegion(), clock);
    }

    /**
     * Presigns a call of {@code operationName} with the body {@code marshaller} writes.
     *
     * @param expiry how long the request stays valid: more than zero and at most {@link #MAX_EXPIRY}
     * @throws IllegalArgumentException for an expiry out of that range
     */
    public PresignedRequest presign(String operationName, RequestMarshaller marshaller, Duration expiry) {
        Objects.requireNonNull(marshaller, "marshaller");
        return presign(OperationDescriptor.<Void, Void>of(operationName,
                (generator, ignored) -> marshaller.write(generator), parser -> null), null, expiry);
    }

    /**
     * Presigns a call of {@code operation} with {@code request} (null for an operation without input). The client's
     * default headers and the request's override headers and query parameters are signed into the request, so whoever
     * sends it must send them too (they are in {@link PresignedRequest#headers()} and its URL); the request's
     * credentials provider, when it names one, signs instead of the presigner's. Interceptors do not run.
     *
     * @param expiry how long the request stays valid: more than zero and at most {@link #MAX_EXPIRY}
     * @throws IllegalArgumentException for an expiry out of that range, or an operation that is sent unsigned
     */
    public <Q> PresignedRequest presign(OperationDescriptor<Q, ?> operation, Q request, Duration expiry) {
        Objects.requireNonNull(operation, "operation");
        Objects.requireNonNull(expiry, "expiry");
        if (expiry.isNegative() || expiry.isZero() || expiry.compareTo(MAX_EXPIRY) > 0) {
            throw new IllegalArgumentException("A presigned request's expiry must be more than zero and at most "
                    + MAX_EXPIRY.toDays() + " days, but is " + expiry);
        }
        String operationName = operation.name();
        if (operation.unsigned()) {
            throw new IllegalArgumentException(operationName + " needs no authentication and is sent unsigned: there is nothing "
                    + "to presign; send the request as it is");
        }
        byte[] body = bodyWriter.write(operationName, operation.requestWriter(), request);
        RequestOverrideConfiguration overrides = CallExecution.overridesOf(request);
        HttpUrl url = endpoint.url();
        if (operation.hostPrefix() != null && !settings.hostPrefixInjectionDisabled()) {
            url = url.newBuilder().host(prefix(operation.hostPrefix(), operationName, request) + url.host()).build();
        }
        HttpRequest.Builder http = HttpRequest.builder("POST", url.scheme(), url.host(), url.port())
                .encodedPath(url.encodedPath());
        settings.overrideConfiguration().headers().forEach(http::putHeader);
        AwsCredentialsProvider credentials = settings.credentialsProvider();
        if (overrides != null) {
            overrides.headers().forEach(http::putHeader);
            overrides.rawQueryParameters().forEach(http::putRawQueryParameter);
            credentials = overrides.credentialsProvider().orElse(credentials);
        }
        http.putHeader("Content-Type", metadata.contentType())
                .putHeader("X-Amz-Target", metadata.targetPrefix() + "." + operationName);
        if (metadata.awsQueryCompatible()) {
            http.putHeader(ServiceMetadata.QUERY_MODE_HEADER, "true");
        }
        SdkHttpRequest signed = signer.presign(SigV4RequestSigner.unsigned(http.build()), body,
                CredentialsResolution.resolve(credentials), expiry);
        return new PresignedRequest(signed.getUri(), "POST", signed.headers(), body, clock.instant().plus(expiry));
    }

    private static <Q, T extends Q> String prefix(HostPrefix<Q> prefix, String operationName, T request) {
        return prefix.resolve(operationName, request);
    }

    @Override
    public String toString() {
        return "AwsJsonPresigner(service=" + metadata.serviceId() + ", endpoint=" + endpoint.url() + ")";
    }
}
