package dev.ddbstreams.runtime.json;

import java.time.DateTimeException;
import java.time.Instant;

/**
 * Converts the text of a JSON number that counts seconds since the epoch into an {@link Instant} without a
 * {@code BigDecimal}, for the forms the service writes ({@code 1478793480}, {@code 1478793480.123},
 * {@code 1.47879348E9}): at most 18 significant digits and a small exponent. Anything else, and anything out of an
 * Instant's range, yields null and is left to {@link JsonReading#instantOf}, which handles every JSON number and
 * which this must agree with exactly (digits finer than a nanosecond are dropped, rounding towards the past).
 */
final class EpochSecondsText {

    private static final int MAX_DIGITS = 18;
    private static final int MAX_EXPONENT_DIGITS = 3;
    private static final long[] POWERS_OF_TEN = new long[MAX_DIGITS + 1];

    static {
        POWERS_OF_TEN[0] = 1;
        for (int i = 1; i < POWERS_OF_TEN.length; i++) {
            POWERS_OF_TEN[i] = POWERS_OF_TEN[i - 1] * 10;
        }
    }

    private EpochSecondsText() {}

    /** The instant, or null when the text is not one of the common forms (or not a number at all). */
    static Instant parse(char[] text, int offset, int length) {
        int end = offset + length;
        int at = offset;
        boolean negative = at < end && text[at] == '-';
        if (negative) {
            at++;
        }
        long significand = 0;
        int digits = 0;
        int fractionDigits = 0;
        boolean inFraction = false;
        for (; at < end; at++) {
            char c = text[at];
            if (c >= '0' && c <= '9') {
                if (++digits > MAX_DIGITS) {
                    return null;
                }
                significand = significand * 10 + (c - '0');
                if (inFraction) {
                    fractionDigits++;
                }
            } else if (c == '.' && !inFraction) {
                inFraction = true;
            } else {
                break;
            }
        }
        if (digits == 0) {
            return null;
        }
        int exponent = 0;
        if (at < end) {
            if (text[at] != 'e' && text[at] != 'E') {
                return null;
            }
            at++;
            boolean negativeExponent = at < end && text[at] == '-';
            if (at < end && (text[at] == '-' || text[at] == '+')) {
                at++;
            }
            if (at == end || end - at > MAX_EXPONENT_DIGITS) {
                return null;
            }
            for (; at < end; at++) {
                char c = text[at];
                if (c < '0' || c > '9') {
                    return null;
                }
                exponent = exponent * 10 + (c - '0');
            }
            if (negativeExponent) {
                exponent = -exponent;
            }
        }
        // The value is significand x 10^-scale.
        int scale = fractionDigits - exponent;
        long seconds;
        long nanos;
        if (scale <= 0) {
            if (-scale > MAX_DIGITS) {
                return significand == 0 ? Instant.EPOCH : null;
            }
            try {
                seconds = Math.multiplyExact(significand, POWERS_OF_TEN[-scale]);
            } catch (ArithmeticException e) {
                return null;
            }
            nanos = 0;
        } else if (scale <= MAX_DIGITS) {
            long unit = POWERS_OF_TEN[scale];
            seconds = significand / unit;
            long fraction = significand % unit;
            if (scale <= 9) {
                nanos = fraction * POWERS_OF_TEN[9 - scale];
            } else {
                long dropped = POWERS_OF_TEN[scale - 9];
                // Towards the past: a positive value loses its extra digits, a negative one rounds away from zero.
                nanos = negative ? (fraction + dropped - 1) / dropped : fraction / dropped;
            }
        } else {
            return null;
        }
        try {
            return negative ? Instant.ofEpochSecond(-seconds, -nanos) : Instant.ofEpochSecond(seconds, nanos);
        } catch (DateTimeException | ArithmeticException e) {
            return null;
        }
    }
}
