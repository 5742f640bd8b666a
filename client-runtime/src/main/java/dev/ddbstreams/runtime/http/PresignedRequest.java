package dev.ddbstreams.runtime.http;

import java.net.URI;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A request signed in its URL (SigV4 query-string signing), to be sent as it is by whoever holds it until it
 * expires: the counterpart of boto3's {@code generate_presigned_url}. An awsJson call is a {@code POST} with a
 * body, so the method, the signed headers and the exact body bytes are part of what must be sent.
 *
 * <p>{@link #toString()} leaves out the signature and the credential: the URL is itself a bearer token.
 */
public final class PresignedRequest {

    private final URI url;
    private final String method;
    private final Map<String, List<String>> headers;
    private final byte[] body;
    private final Instant expiration;

    PresignedRequest(URI url, String method, Map<String, List<String>> headers, byte[] body, Instant expiration) {
        this.url = Objects.requireNonNull(url, "url");
        this.method = Objects.requireNonNull(method, "method");
        Map<String, List<String>> sorted = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.forEach((name, values) -> sorted.put(name, List.copyOf(values)));
        this.headers = Collections.unmodifiableMap(sorted);
        this.body = body.clone();
        this.expiration = Objects.requireNonNull(expiration, "expiration");
    }

    /** The URL to send to, with the {@code X-Amz-*} signing parameters in its query. */
    public URI url() {
        return url;
    }

    /** The HTTP method: {@code POST} for the AWS JSON protocol. */
    public String method() {
        return method;
    }

    /** The headers that were signed and must be sent unchanged ({@code Host}, {@code Content-Type}, {@code X-Amz-Target}). */
    public Map<String, List<String>> headers() {
        return headers;
    }

    /** The body to send, byte for byte (its hash is part of the signature). */
    public byte[] body() {
        return body.clone();
    }

    /** When the signature stops being accepted. */
    public Instant expiration() {
        return expiration;
    }

    @Override
    public String toString() {
        return "PresignedRequest(" + method + " " + url.getScheme() + "://" + url.getRawAuthority() + url.getRawPath()
                + ", headers=" + headers.keySet() + ", body=" + body.length + " bytes, expires " + expiration + ")";
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof PresignedRequest that && url.equals(that.url) && method.equals(that.method)
                && headers.equals(that.headers) && Arrays.equals(body, that.body) && expiration.equals(that.expiration);
    }

    @Override
    public int hashCode() {
        return Objects.hash(url, method, headers, Arrays.hashCode(body), expiration);
    }
}
