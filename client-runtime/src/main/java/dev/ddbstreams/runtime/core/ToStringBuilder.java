package dev.ddbstreams.runtime.core;

/**
 * Builds the {@code toString} of generated shapes in the AWS SDK style, {@code Stream(StreamArn=..., TableName=...)},
 * leaving out absent members and redacting sensitive ones.
 */
public final class ToStringBuilder {

    private static final String REDACTED = "*** Sensitive Data Redacted ***";

    private final StringBuilder text;
    private boolean first = true;

    private ToStringBuilder(String shapeName) {
        this.text = new StringBuilder(shapeName).append('(');
    }

    /** Starts the text of a shape. */
    public static ToStringBuilder of(String shapeName) {
        return new ToStringBuilder(shapeName);
    }

    /** Adds a member when it is present. */
    public ToStringBuilder add(String member, Object value) {
        if (value != null) {
            separator().append(member).append('=').append(value);
        }
        return this;
    }

    /** Adds a sensitive member: that it is present is shown, its value never. */
    public ToStringBuilder addSensitive(String member, Object value) {
        if (value != null) {
            separator().append(member).append('=').append(REDACTED);
        }
        return this;
    }

    /** The finished text. */
    public String build() {
        return text.append(')').toString();
    }

    private StringBuilder separator() {
        if (!first) {
            text.append(", ");
        }
        first = false;
        return text;
    }
}
