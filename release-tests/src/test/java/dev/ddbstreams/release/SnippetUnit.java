package dev.ddbstreams.release;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Markdown snippet made into a Java compilation unit, by rules a reader of the Markdown can predict:
 *
 * <ul>
 *   <li>A snippet that declares a type at the start of a line ({@code public final class TailStream}) is a whole
 *       file, compiled exactly as written: a user copies it as it is.
 *   <li>Any other snippet is a fragment: its leading {@code import} lines stay imports, and the rest becomes the
 *       body of a method. The fragment sees the default imports (the JDK packages docs use, every package of the
 *       published jars but {@code internal}, and the stream {@code Record} by name); the variables it uses without
 *       declaring them are declared on the fence: {@code ```java given="DynamoDbStreamsClient client, String arn"}.
 *   <li>A fragment whose first line starts with {@code .} continues a builder: {@code DynamoDbStreamsClient.builder()}
 *       unless the fence says another ({@code continues="StreamReader.builder()"}).
 *   <li>{@code ...} standing alone for "your code" ({@code { ... }}, or a line of its own) is left out.
 * </ul>
 *
 * @param className the name of the compilation unit's public type
 * @param lines the compilation unit, line by line
 * @param markdownLines for each line of the unit, the Markdown line it comes from; 0 for lines the wrapper adds
 */
record SnippetUnit(String className, List<String> lines, List<Integer> markdownLines) {

    /** The attributes a fence may carry; any other is a mistake, reported as such. */
    static final List<String> ATTRIBUTES = List.of("continues", "given");

    private static final Pattern TYPE_DECLARATION = Pattern.compile(
            "^((?:public|final|abstract|sealed|non-sealed)\\s+)*(?:class|interface|record|enum)\\s+(\\w+)");
    private static final Pattern PLACEHOLDER_BLOCK = Pattern.compile("\\{\\s*\\.\\.\\.\\s*}");
    private static final String DEFAULT_RECEIVER = "DynamoDbStreamsClient.builder()";

    /** The compilation unit of {@code snippet}; fragments get {@code defaultImports}. */
    static SnippetUnit of(MarkdownSnippet snippet, List<String> defaultImports) {
        for (String attribute : snippet.attributes().keySet()) {
            if (!ATTRIBUTES.contains(attribute)) {
                throw new IllegalArgumentException("unknown fence attribute " + attribute + "; known: " + ATTRIBUTES);
            }
        }
        String wholeFile = wholeFileType(snippet.lines());
        if (wholeFile != null) {
            if (!snippet.attributes().isEmpty()) {
                throw new IllegalArgumentException("a snippet that is a whole file takes no fence attributes");
            }
            List<Integer> markdownLines = new ArrayList<>();
            for (int i = 0; i < snippet.lines().size(); i++) {
                markdownLines.add(snippet.firstLine() + i);
            }
            return new SnippetUnit(wholeFile, snippet.lines(), markdownLines);
        }
        return fragment(snippet, defaultImports);
    }

    private static SnippetUnit fragment(MarkdownSnippet snippet, List<String> defaultImports) {
        Builder unit = new Builder();
        defaultImports.forEach(name -> unit.add("import " + name + ";", 0));
        List<String> code = snippet.lines();
        int body = 0;
        while (body < code.size() && (code.get(body).isBlank() || code.get(body).startsWith("import "))) {
            unit.add(code.get(body), snippet.firstLine() + body);
            body++;
        }
        unit.add("final class Snippet {", 0);
        unit.add("    static void snippet(" + snippet.attributes().getOrDefault("given", "") + ") throws Exception {", 0);
        boolean continuation = body < code.size() && code.get(body).strip().startsWith(".");
        if (continuation) {
            unit.add("Object continued = " + snippet.attributes().getOrDefault("continues", DEFAULT_RECEIVER), 0);
        } else if (snippet.attributes().containsKey("continues")) {
            throw new IllegalArgumentException("continues=... is for a fragment whose first line starts with '.'");
        }
        for (int i = body; i < code.size(); i++) {
            unit.add(withoutPlaceholders(code.get(i)), snippet.firstLine() + i);
        }
        if (continuation) {
            unit.add(";", 0);
        }
        unit.add("    }", 0);
        unit.add("}", 0);
        return new SnippetUnit("Snippet", unit.lines, unit.markdownLines);
    }

    private static String wholeFileType(List<String> code) {
        String first = null;
        for (String line : code) {
            Matcher type = TYPE_DECLARATION.matcher(line);
            if (type.find()) {
                if (line.startsWith("public")) {
                    return type.group(2);
                }
                first = first == null ? type.group(2) : first;
            }
        }
        return first;
    }

    private static String withoutPlaceholders(String line) {
        if (line.strip().equals("...")) {
            return "";
        }
        return PLACEHOLDER_BLOCK.matcher(line).replaceAll("{ }");
    }

    /** The unit as one source text. */
    String source() {
        return String.join("\n", lines) + "\n";
    }

    /** The Markdown line of the unit's line {@code unitLine} (from 1); 0 when the wrapper wrote that line. */
    int markdownLine(long unitLine) {
        return unitLine >= 1 && unitLine <= markdownLines.size() ? markdownLines.get((int) unitLine - 1) : 0;
    }

    private static final class Builder {
        final List<String> lines = new ArrayList<>();
        final List<Integer> markdownLines = new ArrayList<>();

        void add(String line, int markdownLine) {
            lines.add(line);
            markdownLines.add(markdownLine);
        }
    }
}
