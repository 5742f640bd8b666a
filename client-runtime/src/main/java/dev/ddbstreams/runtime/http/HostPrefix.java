package dev.ddbstreams.runtime.http;

import dev.ddbstreams.runtime.exception.SdkClientException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An operation's {@code endpoint.hostPrefix} (Smithy's {@code @endpoint(hostPrefix: ...)}), such as
 * {@code data-{NamespaceName}.}: prepended to the host of the endpoint a request goes to, each {@code {Label}}
 * filled from the request's member of that name ({@code hostLabel}). Immutable.
 *
 * <p>A label's value must be a host label (RFC 1123: 1 to 63 letters, digits and hyphens, neither first nor last a
 * hyphen), or the call fails before anything is sent, naming the operation and the member: the value becomes part of
 * a host name, and anything else would send the request (and its signature) somewhere else.
 *
 * @param <Q> the request type
 */
public final class HostPrefix<Q> {

    private static final Pattern LABEL = Pattern.compile("\\{([A-Za-z_][A-Za-z0-9_]*)\\}");
    private static final Pattern HOST_LABEL = Pattern.compile("[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?");
    private static final Pattern LITERAL = Pattern.compile("[A-Za-z0-9.-]*");

    private final String template;
    /** Literal texts at even indexes, label names at odd ones: literal, label, literal, ..., literal. */
    private final List<String> parts;
    private final List<Function<? super Q, String>> labelValues;

    private HostPrefix(String template, List<String> parts, List<Function<? super Q, String>> labelValues) {
        this.template = template;
        this.parts = parts;
        this.labelValues = labelValues;
    }

    /**
     * The prefix of {@code template}, its labels read by {@code labels} (by label name).
     *
     * @throws IllegalArgumentException when the template is malformed or a label and the functions do not match
     */
    public static <Q> HostPrefix<Q> of(String template, Map<String, Function<? super Q, String>> labels) {
        Objects.requireNonNull(template, "template");
        Objects.requireNonNull(labels, "labels");
        List<String> parts = new ArrayList<>();
        List<Function<? super Q, String>> values = new ArrayList<>();
        Matcher matcher = LABEL.matcher(template);
        int at = 0;
        while (matcher.find()) {
            parts.add(literal(template, template.substring(at, matcher.start())));
            String label = matcher.group(1);
            Function<? super Q, String> value = labels.get(label);
            if (value == null) {
                throw new IllegalArgumentException("The host prefix " + template + " has the label {" + label
                        + "}, but no value is given for it");
            }
            parts.add(label);
            values.add(value);
            at = matcher.end();
        }
        parts.add(literal(template, template.substring(at)));
        if (values.size() != labels.size()) {
            throw new IllegalArgumentException("The host prefix " + template + " has the labels " + labelsOf(parts)
                    + ", but values are given for " + labels.keySet());
        }
        return new HostPrefix<Q>(template, List.copyOf(parts), List.copyOf(values));
    }

    private static String literal(String template, String text) {
        if (!LITERAL.matcher(text).matches()) {
            throw new IllegalArgumentException("The host prefix " + template + " has characters that cannot be part of a host "
                    + "name: " + text);
        }
        return text;
    }

    private static List<String> labelsOf(List<String> parts) {
        List<String> labels = new ArrayList<>();
        for (int i = 1; i < parts.size(); i += 2) {
            labels.add(parts.get(i));
        }
        return labels;
    }

    /** The template as the model writes it. */
    public String template() {
        return template;
    }

    /**
     * The prefix for {@code request}, such as {@code data-my-namespace.}.
     *
     * @throws SdkClientException when a label's member is unset, empty or not a valid host label
     */
    String resolve(String operationName, Q request) {
        if (labelValues.isEmpty()) {
            return parts.get(0);
        }
        StringBuilder prefix = new StringBuilder(parts.get(0));
        for (int i = 0; i < labelValues.size(); i++) {
            String label = parts.get(2 * i + 1);
            String value = request == null ? null : labelValues.get(i).apply(request);
            if (value == null || value.isEmpty()) {
                throw new SdkClientException(operationName + ": the request's " + label + " is " + (value == null ? "not set" : "empty")
                        + ", but it is required: it becomes part of the host name (" + template + ")");
            }
            if (!HOST_LABEL.matcher(value).matches()) {
                throw new SdkClientException(operationName + ": the request's " + label + " \"" + value + "\" cannot be part of the "
                        + "host name (" + template + "): it must be 1 to 63 letters, digits and hyphens, and neither start nor "
                        + "end with a hyphen");
            }
            prefix.append(value).append(parts.get(2 * i + 2));
        }
        return prefix.toString();
    }

    @Override
    public String toString() {
        return "HostPrefix(" + template + ")";
    }
}
