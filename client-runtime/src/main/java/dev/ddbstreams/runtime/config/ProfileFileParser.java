package dev.ddbstreams.runtime.config;

import dev.ddbstreams.runtime.exception.SdkClientException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Parses one shared AWS file the way the AWS SDKs do: {@code [name]} sections in the credentials file,
 * {@code [profile name]} and {@code [default]} in the config file, {@code key = value} properties, comments from
 * {@code #} or {@code ;} at the start of a line (or after whitespace at the end of one), and indented continuation
 * lines that belong to the property above them.
 *
 * <p>Sections that are not profiles ({@code [sso-session x]}, {@code [services x]}), sections whose name is not a
 * valid profile name and properties outside any section are skipped, as the SDKs skip them. A line that is none of
 * these is an error naming the file and the line.
 */
final class ProfileFileParser {

    /** Which of the two files is being read: their section headers differ. */
    enum Kind {
        CONFIG,
        CREDENTIALS
    }

    private static final Pattern PROFILE_NAME = Pattern.compile("[A-Za-z0-9_\\-/.%@:+]+");
    private static final Pattern TRAILING_COMMENT = Pattern.compile("\\s[#;].*$");

    private final Kind kind;
    private final String source;
    private final Map<String, Map<String, String>> profiles = new LinkedHashMap<>();
    // [default] and [profile default] may both appear in a config file; the second wins, whatever the order.
    private final Map<String, String> plainDefault = new LinkedHashMap<>();
    private boolean sawPlainDefault;
    private boolean sawProfileDefault;

    private Map<String, String> currentSection;
    private boolean inSection;
    private String currentProperty;

    private ProfileFileParser(Kind kind, String source) {
        this.kind = kind;
        this.source = source;
    }

    /**
     * The profiles in {@code content}, by name, with their properties in file order.
     *
     * @param source the file's path, for error messages
     * @throws SdkClientException when a line is neither a section, a property, a continuation nor a comment
     */
    static Map<String, Map<String, String>> parse(String content, Kind kind, String source) {
        ProfileFileParser parser = new ProfileFileParser(kind, source);
        String[] lines = content.split("\\r?\\n|\\r", -1);
        for (int i = 0; i < lines.length; i++) {
            parser.line(lines[i], i + 1);
        }
        return parser.result();
    }

    private void line(String line, int number) {
        String trimmed = line.strip();
        if (trimmed.isEmpty() || trimmed.startsWith("#") || trimmed.startsWith(";")) {
            return;
        }
        if (trimmed.startsWith("[")) {
            section(withoutTrailingComment(trimmed), number);
        } else if (Character.isWhitespace(line.charAt(0))) {
            continuation(trimmed, number);
        } else {
            property(trimmed, number);
        }
    }

    private void section(String header, int number) {
        if (!header.endsWith("]")) {
            throw malformed(number, "a section header must end with ']'");
        }
        String name = header.substring(1, header.length() - 1).strip();
        currentProperty = null;
        currentSection = null;
        inSection = true;
        String profile = profileName(name);
        if (profile == null) {
            return;
        }
        if (kind == Kind.CONFIG && profile.equals(ProfileFile.DEFAULT_PROFILE) && !name.startsWith("profile")) {
            currentSection = plainDefault;
            sawPlainDefault = true;
            return;
        }
        if (kind == Kind.CONFIG && profile.equals(ProfileFile.DEFAULT_PROFILE)) {
            sawProfileDefault = true;
        }
        currentSection = profiles.computeIfAbsent(profile, p -> new LinkedHashMap<>());
    }

    /** The profile a section header declares, or {@code null} for a section that is not a profile. */
    private String profileName(String header) {
        String name = header;
        if (kind == Kind.CONFIG && !header.equals(ProfileFile.DEFAULT_PROFILE)) {
            if (!header.startsWith("profile") || header.length() == "profile".length()
                    || !Character.isWhitespace(header.charAt("profile".length()))) {
                return null;
            }
            name = header.substring("profile".length()).strip();
        }
        return PROFILE_NAME.matcher(name).matches() ? name : null;
    }

    private void property(String line, int number) {
        int equals = line.indexOf('=');
        if (equals < 0) {
            throw malformed(number, "expected a [section] or a 'name = value' property");
        }
        String key = line.substring(0, equals).strip();
        if (key.isEmpty()) {
            throw malformed(number, "a property has no name before '='");
        }
        currentProperty = key;
        if (currentSection != null) {
            currentSection.put(key, withoutTrailingComment(line.substring(equals + 1)).strip());
        }
    }

    private void continuation(String line, int number) {
        if (currentProperty == null) {
            if (inSection) {
                throw malformed(number, "an indented line must continue a property");
            }
            return;
        }
        if (currentSection != null) {
            String value = currentSection.get(currentProperty);
            currentSection.put(currentProperty, value + "\n" + withoutTrailingComment(line).strip());
        }
    }

    private Map<String, Map<String, String>> result() {
        if (sawPlainDefault && !sawProfileDefault) {
            profiles.put(ProfileFile.DEFAULT_PROFILE, plainDefault);
        }
        return profiles;
    }

    private static String withoutTrailingComment(String text) {
        return TRAILING_COMMENT.matcher(text).replaceFirst("");
    }

    private SdkClientException malformed(int line, String problem) {
        return new SdkClientException("Invalid AWS " + (kind == Kind.CONFIG ? "config" : "credentials") + " file "
                + source + ", line " + line + ": " + problem);
    }
}
