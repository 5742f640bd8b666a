package dev.ddbstreams.release;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A fenced {@code ```java} block of a Markdown file: its code, where it starts, and the attributes written after
 * {@code java} on the fence line ({@code ```java given="DynamoDbStreamsClient client"}), which renderers do not show.
 *
 * @param file the Markdown file
 * @param firstLine the line number, from 1, of the block's first code line (the line after the fence)
 * @param attributes the fence's {@code name="value"} attributes, in order
 * @param lines the code, line by line
 */
record MarkdownSnippet(Path file, int firstLine, Map<String, String> attributes, List<String> lines) {

    private static final Pattern FENCE = Pattern.compile("^```java(?:\\s+(.*))?$");
    private static final Pattern ATTRIBUTE = Pattern.compile("(\\w[\\w-]*)=\"([^\"]*)\"");

    /** Every {@code ```java} block of {@code markdown}, in order. */
    static List<MarkdownSnippet> in(Path markdown) {
        List<String> text;
        try {
            text = Files.readAllLines(markdown);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<MarkdownSnippet> snippets = new ArrayList<>();
        for (int i = 0; i < text.size(); i++) {
            Matcher fence = FENCE.matcher(text.get(i));
            if (!fence.matches()) {
                continue;
            }
            int start = i + 1;
            int end = start;
            while (end < text.size() && !text.get(end).startsWith("```")) {
                end++;
            }
            if (end == text.size()) {
                throw new IllegalStateException(markdown + ":" + (i + 1) + ": the ```java block is never closed");
            }
            snippets.add(new MarkdownSnippet(markdown, start + 1, attributes(fence.group(1), markdown, i + 1),
                    List.copyOf(text.subList(start, end))));
            i = end;
        }
        return snippets;
    }

    private static Map<String, String> attributes(String info, Path markdown, int line) {
        Map<String, String> attributes = new LinkedHashMap<>();
        if (info == null) {
            return attributes;
        }
        Matcher attribute = ATTRIBUTE.matcher(info);
        int consumed = 0;
        while (attribute.find()) {
            if (!info.substring(consumed, attribute.start()).isBlank()) {
                break;
            }
            attributes.put(attribute.group(1), attribute.group(2));
            consumed = attribute.end();
        }
        if (!info.substring(consumed).isBlank()) {
            throw new IllegalStateException(markdown + ":" + line + ": cannot read the fence's attributes \"" + info
                    + "\"; write them as name=\"value\"");
        }
        return attributes;
    }

    /** Where the block starts, as {@code docs/user-guide.md:43}. */
    String where(Path root) {
        return root.relativize(file) + ":" + firstLine;
    }
}
