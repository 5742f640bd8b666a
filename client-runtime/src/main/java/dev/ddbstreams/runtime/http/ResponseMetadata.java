package dev.ddbstreams.runtime.http;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import okhttp3.Headers;

/**
 * What the service's HTTP response said besides its body: the request id ({@code x-amzn-RequestId}), which AWS
 * support asks for, the status and the headers. Every generated response object carries it
 * ({@code response.responseMetadata().requestId()}, as with the AWS SDK for Java v2). It is not part of the
 * response's {@code equals}, {@code hashCode} or {@code toString}, and never sent. Immutable.
 *
 * <p>It is a view over the headers as received, so a call pays nothing for it beyond this object: the header map is
 * made at the first {@link #headers()} call.
 */
public final class ResponseMetadata {

    /** The header that carries the id the service gave the request. */
    public static final String REQUEST_ID_HEADER = "x-amzn-RequestId";

    private static final ResponseMetadata NONE = new ResponseMetadata(0, Headers.EMPTY);

    private final int statusCode;
    private final Headers received;
    // Made at the first call that needs it: most callers ask for the request id at most.
    private volatile HttpResponse httpResponse;

    ResponseMetadata(int statusCode, Headers received) {
        this.statusCode = statusCode;
        this.received = Objects.requireNonNull(received, "received");
    }

    /**
     * The metadata of a response that did not come from the service (one an application or a test built): status 0,
     * no headers, no request id.
     */
    public static ResponseMetadata none() {
        return NONE;
    }

    /** The id the service gave the request ({@code x-amzn-RequestId}); null when the response has none. */
    public String requestId() {
        // Headers.get would give the last value; the first is what every other reader of the response sees.
        List<String> values = received.values(REQUEST_ID_HEADER);
        return values.isEmpty() ? null : values.get(0);
    }

    /** The HTTP status code, such as 200; 0 for a response that did not come from the service. */
    public int statusCode() {
        return statusCode;
    }

    /** The headers by name (compared case-insensitively). */
    public Map<String, List<String>> headers() {
        return httpResponse().headers();
    }

    /** The first value of header {@code name}. */
    public Optional<String> firstHeader(String name) {
        return httpResponse().firstHeader(name);
    }

    /** The status and headers as the {@link HttpResponse} interceptors see (the AWS SDK v2's {@code sdkHttpResponse()}). */
    public HttpResponse httpResponse() {
        HttpResponse response = httpResponse;
        if (response == null) {
            response = new HttpResponse(statusCode, received);
            httpResponse = response;
        }
        return response;
    }

    @Override
    public String toString() {
        return "ResponseMetadata(requestId=" + requestId() + ", statusCode=" + statusCode() + ")";
    }
}
