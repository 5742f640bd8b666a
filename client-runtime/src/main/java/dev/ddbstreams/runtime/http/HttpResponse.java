package dev.ddbstreams.runtime.http;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The status and headers of an HTTP response, immutable, as interceptors see them in {@code afterTransmission}. The
 * body is not part of it: the client reads it straight from the network into the response object.
 */
public final class HttpResponse {

    private final int statusCode;
    private final Map<String, List<String>> headers;

    HttpResponse(int statusCode, Map<String, List<String>> headers) {
        this.statusCode = statusCode;
        Map<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.forEach((name, values) -> copy.put(name, List.copyOf(values)));
        this.headers = Collections.unmodifiableMap(copy);
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
        return headers;
    }

    /** The first value of header {@code name}. */
    public Optional<String> firstHeader(String name) {
        List<String> values = headers.get(name);
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof HttpResponse that && statusCode == that.statusCode && headers.equals(that.headers);
    }

    @Override
    public int hashCode() {
        return Objects.hash(statusCode, HttpRequest.headersHashCode(headers));
    }

    @Override
    public String toString() {
        return "HttpResponse(" + statusCode + ", headers=" + headers.keySet() + ")";
    }
}
