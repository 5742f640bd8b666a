package dev.ddbstreams.runtime.http;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import okhttp3.Headers;

/**
 * The status and headers of an HTTP response, immutable, as interceptors see them in {@code afterTransmission}. The
 * body is not part of it: the client reads it straight from the network into the response object.
 */
public final class HttpResponse {

    private final int statusCode;
    private final Headers received;
    // Made at the first headers() call: most interceptors never ask for the whole map.
    private volatile Map<String, List<String>> headers;

    HttpResponse(int statusCode, Headers received) {
        this.statusCode = statusCode;
        this.received = Objects.requireNonNull(received, "received");
    }

    /** The HTTP status code, such as 200 or 400. */
    public int statusCode() {
        return statusCode;
    }

    /** Whether the status is 2xx. */
    public boolean isSuccessful() {
        return statusCode >= 200 && statusCode < 300;
    }

    /** The headers by name (compared case-insensitively). */
    public Map<String, List<String>> headers() {
        Map<String, List<String>> map = headers;
        if (map == null) {
            Map<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            for (String name : received.names()) {
                copy.put(name, List.copyOf(received.values(name)));
            }
            map = Collections.unmodifiableMap(copy);
            headers = map;
        }
        return map;
    }

    /** The first value of header {@code name}. */
    public Optional<String> firstHeader(String name) {
        // Headers.get would give the last value.
        List<String> values = received.values(Objects.requireNonNull(name, "name"));
        return values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof HttpResponse that && statusCode == that.statusCode && headers().equals(that.headers());
    }

    @Override
    public int hashCode() {
        return Objects.hash(statusCode, HttpRequest.headersHashCode(headers()));
    }

    @Override
    public String toString() {
        return "HttpResponse(" + statusCode + ", headers=" + received.names() + ")";
    }
}
