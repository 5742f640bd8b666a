package dev.ddbstreams.runtime.override;

import java.util.ArrayList;
import java.util.Collections;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The values of override configurations, checked as they are set: header and query parameter maps (kept in a stable
 * order and handed out unmodifiable; header names compare case-insensitively, as HTTP's do) and timeouts.
 */
final class OverrideValues {

    // RFC 9110 token characters: a name outside them cannot be sent (OkHttp would refuse it at the first call).
    private static final Pattern HEADER_NAME = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");
    // Visible ASCII, spaces and tabs: no line breaks that could split one header into two.
    private static final Pattern HEADER_VALUE = Pattern.compile("[\\t\\x20-\\x7E]*");

    // Headers the protocol and signing set themselves; replacing one would break the call or its signature. An
    // interceptor's modifyHttpRequest can still change them, deliberately.
    private static final Set<String> RESERVED_HEADERS = Set.of("host", "authorization", "content-length",
            "content-type", "x-amz-target", "x-amz-date", "x-amz-security-token", "x-amz-content-sha256",
            "accept-encoding");

    private OverrideValues() {}

    static Map<String, List<String>> newHeaders() {
        return new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    }

    static Map<String, List<String>> newParameters() {
        return new TreeMap<>();
    }

    static void putHeader(Map<String, List<String>> headers, String name, List<String> values) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(values, "values");
        if (!HEADER_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("Not a valid HTTP header name: \"" + name + "\"");
        }
        if (RESERVED_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
            throw new IllegalArgumentException("The header " + name + " is set by the client itself (protocol and "
                    + "signing) and cannot be overridden; reserved: " + RESERVED_HEADERS.stream().sorted().toList());
        }
        for (String value : values) {
            Objects.requireNonNull(value, "a value of header " + name);
            if (!HEADER_VALUE.matcher(value).matches()) {
                throw new IllegalArgumentException("The value of header " + name + " must be printable ASCII "
                        + "without line breaks");
            }
        }
        headers.put(name, List.copyOf(values));
    }

    static void putParameter(Map<String, List<String>> parameters, String name, List<String> values) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(values, "values");
        if (name.isEmpty()) {
            throw new IllegalArgumentException("A query parameter needs a name");
        }
        List<String> copy = new ArrayList<>(values.size());
        for (String value : values) {
            copy.add(Objects.requireNonNull(value, "a value of query parameter " + name));
        }
        parameters.put(name, Collections.unmodifiableList(copy));
    }

    static Map<String, List<String>> freeze(Map<String, List<String>> map, boolean caseInsensitive) {
        Map<String, List<String>> copy = caseInsensitive ? newHeaders() : newParameters();
        copy.putAll(map);
        return Collections.unmodifiableMap(copy);
    }

    /**
     * The hash code of a header map consistent with its case-insensitive {@code equals}: names hashed in lower case
     * ({@code Map.hashCode} would hash {@code X-A} and {@code x-a} apart although the maps are equal).
     */
    static int headersHashCode(Map<String, List<String>> headers) {
        int hash = 0;
        for (Map.Entry<String, List<String>> entry : headers.entrySet()) {
            hash += entry.getKey().toLowerCase(Locale.ROOT).hashCode() ^ entry.getValue().hashCode();
        }
        return hash;
    }

    /** A timeout as the client takes them: zero (no limit) or from 1 ms to {@code Integer.MAX_VALUE} ms. */
    static Duration timeout(String name, Duration timeout) {
        if (timeout == null) {
            return null;
        }
        if (timeout.isNegative()) {
            throw new IllegalArgumentException(name + " must not be negative: " + timeout);
        }
        // OkHttp keeps timeouts as int milliseconds.
        if (timeout.compareTo(Duration.ofMillis(Integer.MAX_VALUE)) > 0) {
            throw new IllegalArgumentException(name + " is too long (at most " + Integer.MAX_VALUE + " ms): " + timeout);
        }
        if (!timeout.isZero() && timeout.compareTo(Duration.ofMillis(1)) < 0) {
            throw new IllegalArgumentException(name + " must be zero (no limit) or at least 1 ms: " + timeout);
        }
        return timeout;
    }
}
