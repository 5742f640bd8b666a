package dev.ddbstreams.wire;

import dev.ddbstreams.runtime.core.Bytes;
import java.time.Instant;
import org.quicktheories.core.RandomnessSource;
import org.quicktheories.impl.Constraint;

/**
 * Draws the scalar values of the wire format, each aimed at what breaks JSON codecs: text with escapes, control
 * characters and characters outside the Basic Multilingual Plane, numbers-as-strings of every form DynamoDB
 * allows, binary with every byte value, instants across the whole range an {@link Instant} holds.
 *
 * <p>Every choice is one draw from the {@link RandomnessSource} whose shrink point is the simplest option (the
 * empty string, the letter {@code a}, zero, the epoch), so QuickTheories shrinks a failing value towards it.
 * QuickTheories shrinks draw by draw, by position, so a sequence always takes the draws of its longest form and
 * ignores those past its length: a shorter string then leaves every later draw where it was, and shrinking the
 * length does not scramble the rest of the value.
 */
final class ScalarGenerators {

    /** Characters JSON must escape or that writers are tempted to: quotes, backslash, slash, controls, DEL. */
    private static final String ESCAPE_HEAVY = "\"\\/\b\f\n\r\t\u0000\u0001\u001f\u007f";

    /** Characters that are valid but special: line/paragraph separators, BOM, replacement char, NEL, NBSP. */
    private static final int[] SPECIAL_CODE_POINTS = {0x2028, 0x2029, 0xFEFF, 0xFFFD, 0xFFFF, 0x0085, 0x00A0, 0x10FFFF};

    private static final String[] EXTREME_NUMBERS = {
        "0", "-0", "1E-130", "-1E-130", "9.9999999999999999999999999999999999999E+125",
        "-9.9999999999999999999999999999999999999E+125", "0.000000000000000000000000000000000000000000001",
        "99999999999999999999999999999999999999", "1e+125", "12345678901234567890123456789012345678E-20"
    };

    private static final long CATEGORY_SIZE = 1L << 20;

    private ScalarGenerators() {}

    static long draw(RandomnessSource in, long min, long max) {
        return in.next(Constraint.between(min, max));
    }

    static boolean drawBoolean(RandomnessSource in) {
        return draw(in, 0, 1) == 1;
    }

    /**
     * Text of up to {@code maxLength} code points. Never a lone surrogate: UTF-8, the encoding of the wire, has no
     * way to carry one, so no JSON writer can send it.
     */
    static String text(RandomnessSource in, int maxLength) {
        int length = (int) draw(in, 0, maxLength);
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < maxLength; i++) {
            int codePoint = codePoint(in);
            if (i < length) {
                text.appendCodePoint(codePoint);
            }
        }
        return text.toString();
    }

    /**
     * One code point from one draw (so a string costs one draw per character): the draw's high part picks the kind
     * of character, its low part which one, and zero, the shrink point, is the letter {@code a}.
     */
    private static int codePoint(RandomnessSource in) {
        long pick = draw(in, 0, 6L * CATEGORY_SIZE - 1);
        int which = (int) (pick % CATEGORY_SIZE);
        switch ((int) (pick / CATEGORY_SIZE)) {
            case 0:
                return 'a' + which % 26;
            case 1:
                return 0x20 + which % (0x7F - 0x20);
            case 2:
                return ESCAPE_HEAVY.charAt(which % ESCAPE_HEAVY.length());
            case 3: {
                // The BMP above ASCII, stepping over the surrogate block.
                int bmp = 0x80 + which % (0x10000 - 0x80 - 0x800);
                return bmp < 0xD800 ? bmp : bmp + 0x800;
            }
            case 4:
                return SPECIAL_CODE_POINTS[which % SPECIAL_CODE_POINTS.length];
            default:
                return 0x10000 + which % (0x110000 - 0x10000);
        }
    }

    /**
     * A DynamoDB number as the wire carries it, a string: small and 38-digit integers, decimals, exponents from
     * {@code E-130} to {@code E+125}, and the extremes of that range.
     */
    static String number(RandomnessSource in) {
        switch ((int) draw(in, 0, 4)) {
            case 0:
                return Long.toString(draw(in, -1000, 1000));
            case 1:
                return sign(in) + digits(in, 38);
            case 2:
                return sign(in) + digits(in, 19) + "." + digits(in, 19);
            case 3: {
                String exponent = Long.toString(draw(in, -130, 125));
                return sign(in) + digits(in, 1) + "." + digits(in, 37) + (drawBoolean(in) ? "e" : "E")
                        + (exponent.startsWith("-") || !drawBoolean(in) ? exponent : "+" + exponent);
            }
            default:
                return EXTREME_NUMBERS[(int) draw(in, 0, EXTREME_NUMBERS.length - 1)];
        }
    }

    private static String sign(RandomnessSource in) {
        return drawBoolean(in) ? "-" : "";
    }

    private static String digits(RandomnessSource in, int maxDigits) {
        int count = (int) draw(in, 1, maxDigits);
        StringBuilder digits = new StringBuilder(count);
        for (int i = 0; i < maxDigits; i++) {
            char digit = (char) ('0' + draw(in, 0, 9));
            if (i < count) {
                digits.append(digit);
            }
        }
        return digits.toString();
    }

    /** Random bytes of up to {@code maxLength}, or all 256 byte values in order. */
    static Bytes bytes(RandomnessSource in, int maxLength) {
        if (draw(in, 0, 4) == 4) {
            byte[] every = new byte[256];
            for (int i = 0; i < every.length; i++) {
                every[i] = (byte) i;
            }
            return Bytes.fromByteArray(every);
        }
        byte[] bytes = new byte[(int) draw(in, 0, maxLength)];
        for (int i = 0; i < maxLength; i++) {
            byte value = (byte) draw(in, 0, 255);
            if (i < bytes.length) {
                bytes[i] = value;
            }
        }
        return Bytes.fromByteArray(bytes);
    }

    /**
     * An instant: recent times at second, milli-, micro- and nanosecond precision, any time an {@link Instant} can
     * hold, or one of its edges.
     */
    static Instant instant(RandomnessSource in) {
        switch ((int) draw(in, 0, 2)) {
            case 0: {
                long seconds = draw(in, 0, 4_102_444_800L);
                long unit = new long[] {1_000_000_000L, 1_000_000L, 1_000L, 1L}[(int) draw(in, 0, 3)];
                return Instant.ofEpochSecond(seconds, draw(in, 0, 1_000_000_000L / unit - 1) * unit);
            }
            case 1:
                return Instant.ofEpochSecond(draw(in, Instant.MIN.getEpochSecond(), Instant.MAX.getEpochSecond()),
                        draw(in, 0, 999_999_999));
            default: {
                Instant[] edges = {Instant.EPOCH, Instant.MIN, Instant.MAX, Instant.EPOCH.minusNanos(1),
                    Instant.EPOCH.plusNanos(1), Instant.ofEpochSecond(-1, 500_000_000)};
                return edges[(int) draw(in, 0, edges.length - 1)];
            }
        }
    }

    /**
     * An instant at millisecond precision within ±8,000 years of 1970: what the AWS SDK for Java v2 keeps of a
     * timestamp (it reads epoch seconds into milliseconds), so the differential tests compare like with like.
     */
    static Instant instantInMillis(RandomnessSource in) {
        return Instant.ofEpochMilli(draw(in, -250_000_000_000_000L, 250_000_000_000_000L));
    }
}
