package dev.ddbstreams.runtime.json;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoField;
import java.util.Locale;

/**
 * The two string forms of a timestamp in the AWS JSON protocols, written and read: an RFC 3339 date-time
 * ({@code 2000-01-02T20:34:56.123Z}, the model's {@code iso8601} / {@code date-time}) and an HTTP date
 * ({@code Sun, 02 Jan 2000 20:34:56 GMT}, the model's {@code rfc822} / {@code http-date}).
 *
 * <p>Written as the AWS SDKs write them: a date-time in UTC with {@code Z} and the fraction of a second in groups of
 * three digits when there is one, an HTTP date in whole seconds (the format has no fraction). Read leniently, as
 * the protocol's tests require of clients: a date-time with any fraction and a {@code Z} or numeric offset, an HTTP
 * date with or without a fraction of a second.
 */
final class TimestampText {

    /** {@code yyyy-MM-ddTHH:mm:ss[.fraction](Z|+hh:mm|-hh:mm)}, case-insensitive as RFC 3339 allows. */
    private static final DateTimeFormatter DATE_TIME_READER = new DateTimeFormatterBuilder()
            .parseCaseInsensitive()
            .append(DateTimeFormatter.ISO_LOCAL_DATE)
            .appendLiteral('T')
            .appendValue(ChronoField.HOUR_OF_DAY, 2)
            .appendLiteral(':')
            .appendValue(ChronoField.MINUTE_OF_HOUR, 2)
            .appendLiteral(':')
            .appendValue(ChronoField.SECOND_OF_MINUTE, 2)
            .optionalStart()
            .appendFraction(ChronoField.NANO_OF_SECOND, 1, 9, true)
            .optionalEnd()
            .appendOffset("+HH:MM", "Z")
            .toFormatter(Locale.ROOT)
            .withResolverStyle(ResolverStyle.STRICT)
            .withChronology(java.time.chrono.IsoChronology.INSTANCE);

    /** IMF-fixdate with an optional fraction of a second: {@code Sun, 02 Jan 2000 20:34:56[.123] GMT}. */
    private static final DateTimeFormatter HTTP_DATE_READER = new DateTimeFormatterBuilder()
            .parseCaseInsensitive()
            .appendPattern("EEE, dd MMM uuuu HH:mm:ss")
            .optionalStart()
            .appendFraction(ChronoField.NANO_OF_SECOND, 1, 9, true)
            .optionalEnd()
            .appendLiteral(' ')
            .appendOffset("+HHMM", "GMT")
            .toFormatter(Locale.US)
            .withResolverStyle(ResolverStyle.STRICT)
            .withChronology(java.time.chrono.IsoChronology.INSTANCE);

    private static final DateTimeFormatter HTTP_DATE_WRITER =
            DateTimeFormatter.ofPattern("EEE, dd MMM uuuu HH:mm:ss 'GMT'", Locale.US).withZone(ZoneOffset.UTC);

    private static final Instant FIRST_WRITABLE = Instant.parse("0000-01-01T00:00:00Z");
    private static final Instant LAST_WRITABLE = Instant.parse("9999-12-31T23:59:59.999999999Z");

    private TimestampText() {}

    /**
     * The instant a date-time or HTTP date names, or null when the text is neither. A date-time names its offset;
     * one without ({@code 2000-01-02T20:34:56}) could be any instant and is refused.
     */
    static Instant parse(String text) {
        DateTimeFormatter reader = looksLikeDateTime(text) ? DATE_TIME_READER : HTTP_DATE_READER;
        try {
            return OffsetDateTime.parse(text, reader).toInstant();
        } catch (DateTimeException e) {
            return null;
        }
    }

    private static boolean looksLikeDateTime(String text) {
        return !text.isEmpty() && Character.isDigit(text.charAt(0));
    }

    /**
     * {@code instant} as an RFC 3339 date-time in UTC: {@code 2000-01-02T20:34:56Z}, with {@code .123},
     * {@code .123456} or {@code .123456789} when it has a fraction of a second.
     *
     * @throws IllegalArgumentException when its year is not in 0000 to 9999, which RFC 3339 cannot write
     */
    static String formatDateTime(Instant instant) {
        checkWritable(instant, "an RFC 3339 date-time");
        return DateTimeFormatter.ISO_INSTANT.format(instant);
    }

    /**
     * {@code instant} as an HTTP date, {@code Sun, 02 Jan 2000 20:34:56 GMT}: whole seconds, as the format has them
     * (a fraction of a second is dropped, as the AWS SDKs drop it).
     *
     * @throws IllegalArgumentException when its year is not in 0000 to 9999
     */
    static String formatHttpDate(Instant instant) {
        checkWritable(instant, "an HTTP date");
        return HTTP_DATE_WRITER.format(instant);
    }

    private static void checkWritable(Instant instant, String format) {
        if (instant.isBefore(FIRST_WRITABLE) || instant.isAfter(LAST_WRITABLE)) {
            throw new IllegalArgumentException("the timestamp " + instant + " cannot be written as " + format
                    + ", which has four-digit years (0000 to 9999)");
        }
    }
}
