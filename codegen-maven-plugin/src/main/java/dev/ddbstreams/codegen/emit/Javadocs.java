package dev.ddbstreams.codegen.emit;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns model documentation (HTML of varying quality) into Javadoc that can neither break nor inject code: a
 * handful of formatting tags are kept (without attributes), every other tag is dropped, and the sequences that
 * mean something to javac or javadoc ({@code *}{@code /}, {@code @}, backslash-u escapes) are written as
 * HTML entities.
 */
final class Javadocs {

    private static final Set<String> KEPT_TAGS = Set.of("p", "code", "ul", "ol", "li", "b", "i", "em", "strong");
    private static final Pattern TAG = Pattern.compile("<(/?)([A-Za-z][A-Za-z0-9]*)(\\s[^>]*)?/?>");
    private static final Pattern BLANK_PARAGRAPHS = Pattern.compile("(<p>\\s*)+(?=<p>|$)");

    private Javadocs() {}

    /** Safe Javadoc text for a model documentation string; empty in, empty out. */
    static String fromModel(String html) {
        if (html == null || html.isBlank()) {
            return "";
        }
        StringBuilder out = new StringBuilder();
        Matcher tag = TAG.matcher(html);
        int last = 0;
        while (tag.find()) {
            out.append(escapeText(html.substring(last, tag.start())));
            String name = tag.group(2).toLowerCase(Locale.ROOT);
            // Closing paragraph tags add nothing in Javadoc; dropping them keeps paragraphs well-formed.
            if (KEPT_TAGS.contains(name) && !(name.equals("p") && !tag.group(1).isEmpty())) {
                out.append('<').append(tag.group(1)).append(name).append('>');
            }
            last = tag.end();
        }
        out.append(escapeText(html.substring(last)));
        String text = BLANK_PARAGRAPHS.matcher(out.toString()).replaceAll("");
        text = text.replaceAll("[ \\t]*\\R[ \\t]*", "\n").replaceAll("\\n{2,}", "\n").strip();
        // A leading <p> adds nothing but an empty first sentence.
        if (text.startsWith("<p>")) {
            text = text.substring(3).strip();
        }
        return text.isEmpty() ? "" : closeNoComment(text) + "\n";
    }

    /** Plain text (a literal value, say) made safe for Javadoc. */
    static String escapePlain(String text) {
        return closeNoComment(escapeText(text));
    }

    /** No comment terminator survives, however the pieces around dropped tags joined up. */
    private static String closeNoComment(String text) {
        return text.replace("*/", "*&#47;");
    }

    private static String escapeText(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '@' -> out.append("&#64;");
                case '\\' -> out.append("&#92;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                default -> {
                    if (c < ' ' && c != '\n' && c != '\t') {
                        out.append(' ');
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }
}
