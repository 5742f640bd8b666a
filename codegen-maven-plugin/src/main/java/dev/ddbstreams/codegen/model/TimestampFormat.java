package dev.ddbstreams.codegen.model;

import java.util.Optional;

/**
 * How a timestamp is written in a JSON body: the model's {@code timestampFormat} (C2J) or {@code @timestampFormat}
 * (Smithy), on the timestamp shape or on the member that targets it, the member's winning. Without one, the AWS
 * JSON protocols send epoch seconds.
 */
public enum TimestampFormat {
    /** Seconds since the epoch as a JSON number, with a fraction when there is one: {@code 946845296.123}. */
    EPOCH_SECONDS,
    /** An RFC 3339 date-time string in UTC: {@code "2000-01-02T20:34:56.123Z"}. */
    DATE_TIME,
    /** An HTTP date (RFC 7231 IMF-fixdate) string: {@code "Sun, 02 Jan 2000 20:34:56 GMT"}. */
    HTTP_DATE;

    /** The format a C2J {@code timestampFormat} value names ({@code unixTimestamp}, {@code iso8601}, {@code rfc822}). */
    public static Optional<TimestampFormat> fromC2j(String value) {
        return switch (value) {
            case "unixTimestamp" -> Optional.of(EPOCH_SECONDS);
            case "iso8601" -> Optional.of(DATE_TIME);
            case "rfc822" -> Optional.of(HTTP_DATE);
            default -> Optional.empty();
        };
    }

    /** The format a Smithy {@code @timestampFormat} value names ({@code epoch-seconds}, {@code date-time}, {@code http-date}). */
    public static Optional<TimestampFormat> fromSmithy(String value) {
        return switch (value) {
            case "epoch-seconds" -> Optional.of(EPOCH_SECONDS);
            case "date-time" -> Optional.of(DATE_TIME);
            case "http-date" -> Optional.of(HTTP_DATE);
            default -> Optional.empty();
        };
    }

    /** The format that applies to a member: its own when it states one, else its target shape's, else epoch seconds. */
    public static TimestampFormat effective(TimestampFormat memberFormat, TimestampFormat shapeFormat) {
        if (memberFormat != null) {
            return memberFormat;
        }
        return shapeFormat != null ? shapeFormat : EPOCH_SECONDS;
    }
}
