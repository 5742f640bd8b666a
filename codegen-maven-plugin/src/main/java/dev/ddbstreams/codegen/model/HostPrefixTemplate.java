package dev.ddbstreams.codegen.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An operation's {@code endpoint.hostPrefix} ({@code data-{NamespaceName}.}): literal host characters and
 * {@code {Label}}s, each filled from the input member of that name when a request is sent.
 *
 * @param segments the literal texts and labels in order; a label is written with its braces
 */
public record HostPrefixTemplate(List<String> segments) {

    private static final Pattern PART = Pattern.compile("\\{([A-Za-z_][A-Za-z0-9_]*)\\}|[A-Za-z0-9.-]+");

    public HostPrefixTemplate {
        segments = List.copyOf(segments);
    }

    /** The template, or empty when it has anything but host characters and well-formed labels. */
    public static Optional<HostPrefixTemplate> parse(String template) {
        List<String> segments = new ArrayList<>();
        Matcher matcher = PART.matcher(template);
        int at = 0;
        while (at < template.length()) {
            if (!matcher.find(at) || matcher.start() != at) {
                return Optional.empty();
            }
            segments.add(matcher.group());
            at = matcher.end();
        }
        return segments.isEmpty() ? Optional.empty() : Optional.of(new HostPrefixTemplate(segments));
    }

    /** Whether a segment is a label rather than literal text. */
    public static boolean isLabel(String segment) {
        return segment.startsWith("{");
    }

    /** The label names, in order, without braces. */
    public List<String> labels() {
        return segments.stream().filter(HostPrefixTemplate::isLabel).map(s -> s.substring(1, s.length() - 1)).toList();
    }
}
