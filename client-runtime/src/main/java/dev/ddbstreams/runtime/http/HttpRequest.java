package dev.ddbstreams.runtime.http;

import dev.ddbstreams.runtime.core.Bytes;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * An HTTP request as the client is about to sign or send it, immutable: what interceptors see and return from
 * {@code modifyHttpRequest} (before signing, so the signature covers their changes) and see in
 * {@code beforeTransmission} (signed). The endpoint (protocol, host, port) is the client's; interceptors may change
 * the path, query parameters, headers and body.
 *
 * <p>Header names compare case-insensitively. Query parameters are kept decoded ("raw") and in the order added; the
 * client encodes them. {@link #toString()} leaves out header and parameter values, which may be secrets.
 */
public final class HttpRequest {

    private final String method;
    private final String protocol;
    private final String host;
    private final int port;
    private final String encodedPath;
    private final Map<String, List<String>> rawQueryParameters;
    private final Map<String, List<String>> headers;
    private final Bytes body;

    private HttpRequest(Builder builder) {
        this.method = builder.method;
        this.protocol = builder.protocol;
        this.host = builder.host;
        this.port = builder.port;
        this.encodedPath = builder.encodedPath;
        this.rawQueryParameters = Collections.unmodifiableMap(new LinkedHashMap<>(builder.rawQueryParameters));
        Map<String, List<String>> headerCopy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headerCopy.putAll(builder.headers);
        this.headers = Collections.unmodifiableMap(headerCopy);
        this.body = builder.body;
    }

    /** A request to {@code protocol://host:port} with the given method and nothing else yet; for the runtime. */
    static Builder builder(String method, String protocol, String host, int port) {
        return new Builder(method, protocol, host, port);
    }

    /** A builder holding this request, to return a changed copy from an interceptor. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** The HTTP method: {@code POST} for the AWS JSON protocol. */
    public String method() {
        return method;
    }

    /** {@code https} or {@code http}. */
    public String protocol() {
        return protocol;
    }

    /** The host name, or an IP address (an IPv6 literal without brackets). */
    public String host() {
        return host;
    }

    /** The port. */
    public int port() {
        return port;
    }

    /** The path, URL-encoded, starting with {@code /}. */
    public String encodedPath() {
        return encodedPath;
    }

    /** The query parameters, decoded, in the order they were added. */
    public Map<String, List<String>> rawQueryParameters() {
        return rawQueryParameters;
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

    /** The body, exactly as it will be signed and sent. */
    public Bytes body() {
        return body;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof HttpRequest that && method.equals(that.method) && protocol.equals(that.protocol)
                && host.equals(that.host) && port == that.port && encodedPath.equals(that.encodedPath)
                && rawQueryParameters.equals(that.rawQueryParameters) && headers.equals(that.headers)
                && body.equals(that.body);
    }

    @Override
    public int hashCode() {
        return Objects.hash(method, protocol, host, port, encodedPath, rawQueryParameters, headersHashCode(headers), body);
    }

    /** A hash of a case-insensitive header map that agrees with its {@code equals}: names hashed in lower case. */
    static int headersHashCode(Map<String, List<String>> headers) {
        int hash = 0;
        for (Map.Entry<String, List<String>> entry : headers.entrySet()) {
            hash += entry.getKey().toLowerCase(Locale.ROOT).hashCode() ^ entry.getValue().hashCode();
        }
        return hash;
    }

    @Override
    public String toString() {
        return "HttpRequest(" + method + " " + protocol + "://" + host + ":" + port + encodedPath
                + ", queryParameters=" + rawQueryParameters.keySet() + ", headers=" + headers.keySet()
                + ", body=" + body.length() + " bytes)";
    }

    /** Collects a changed copy of a request. Not thread-safe. */
    public static final class Builder {

        private final String method;
        private final String protocol;
        private final String host;
        private final int port;
        private String encodedPath = "/";
        private final Map<String, List<String>> rawQueryParameters = new LinkedHashMap<>();
        private final Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        private Bytes body = Bytes.empty();

        private Builder(String method, String protocol, String host, int port) {
            this.method = method;
            this.protocol = protocol;
            this.host = host;
            this.port = port;
        }

        private Builder(HttpRequest source) {
            this(source.method, source.protocol, source.host, source.port);
            this.encodedPath = source.encodedPath;
            this.rawQueryParameters.putAll(source.rawQueryParameters);
            this.headers.putAll(source.headers);
            this.body = source.body;
        }

        /** The path, already URL-encoded; must start with {@code /}. */
        public Builder encodedPath(String encodedPath) {
            Objects.requireNonNull(encodedPath, "encodedPath");
            if (!encodedPath.startsWith("/")) {
                throw new IllegalArgumentException("A path must start with /: " + encodedPath);
            }
            this.encodedPath = encodedPath;
            return this;
        }

        /** Sets header {@code name} to {@code value}, replacing any values it had. */
        public Builder putHeader(String name, String value) {
            return putHeader(name, List.of(Objects.requireNonNull(value, "value")));
        }

        /** Sets header {@code name} to {@code values}, replacing any values it had. */
        public Builder putHeader(String name, List<String> values) {
            Objects.requireNonNull(name, "name");
            headers.remove(name);
            headers.put(name, List.copyOf(values));
            return this;
        }

        /** Adds {@code value} to the values of header {@code name}. */
        public Builder appendHeader(String name, String value) {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(value, "value");
            List<String> values = new ArrayList<>(headers.getOrDefault(name, List.of()));
            values.add(value);
            return putHeader(name, values);
        }

        /** Removes header {@code name}. */
        public Builder removeHeader(String name) {
            headers.remove(Objects.requireNonNull(name, "name"));
            return this;
        }

        /** Sets query parameter {@code name} (decoded) to {@code value}, replacing any values it had. */
        public Builder putRawQueryParameter(String name, String value) {
            return putRawQueryParameter(name, List.of(Objects.requireNonNull(value, "value")));
        }

        /** Sets query parameter {@code name} (decoded) to {@code values}, replacing any values it had. */
        public Builder putRawQueryParameter(String name, List<String> values) {
            Objects.requireNonNull(name, "name");
            rawQueryParameters.put(name, List.copyOf(values));
            return this;
        }

        /** Removes query parameter {@code name}. */
        public Builder removeRawQueryParameter(String name) {
            rawQueryParameters.remove(Objects.requireNonNull(name, "name"));
            return this;
        }

        /** The body to sign and send. */
        public Builder body(Bytes body) {
            this.body = Objects.requireNonNull(body, "body");
            return this;
        }

        /** The request. */
        public HttpRequest build() {
            return new HttpRequest(this);
        }
    }
}
