package dev.ddbstreams.runtime.http;

import com.fasterxml.jackson.core.JsonFactory;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import software.amazon.awssdk.http.SdkHttpRequest;

/**
 * Presigns awsJson calls: the request an {@link AwsJsonProtocolInvoker} would send, signed in its query string
 * so that it can be handed to someone else and sent later. Uses the same endpoint resolution, body writer and
 * credentials as the invoker.
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
        Objects.requireNonNull(operationName, "operationName");
        Objects.requireNonNull(marshaller, "marshaller");
        Objects.requireNonNull(expiry, "expiry");
        if (expiry.isNegative() || expiry.isZero() || expiry.compareTo(MAX_EXPIRY) > 0) {
            throw new IllegalArgumentException("A presigned request's expiry must be more than zero and at most "
                    + MAX_EXPIRY.toDays() + " days, but is " + expiry);
        }
        byte[] body = bodyWriter.write(operationName, marshaller);
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", metadata.contentType());
        headers.put("X-Amz-Target", metadata.targetPrefix() + "." + operationName);
        SdkHttpRequest signed = signer.presign(endpoint.url(), headers, body,
                CredentialsResolution.resolve(settings.credentialsProvider()), expiry);
        return new PresignedRequest(signed.getUri(), "POST", signed.headers(), body, clock.instant().plus(expiry));
    }

    @Override
    public String toString() {
        return "AwsJsonPresigner(service=" + metadata.serviceId() + ", endpoint=" + endpoint.url() + ")";
    }
}
