package dev.ddbstreams.runtime.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import dev.ddbstreams.runtime.core.Bytes;
import dev.ddbstreams.runtime.core.Document;
import dev.ddbstreams.runtime.core.OrderedMapBuilder;
import dev.ddbstreams.runtime.exception.MalformedResponseException;
import java.io.IOException;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads one JSON value of a given type; called by generated unmarshallers.
 *
 * <p>Every method takes the parser positioned on the value's first token and a constant {@code where} naming the
 * shape and member being read (such as {@code "Record.eventID"}). A token of the wrong type, including JSON
 * {@code null}, throws {@link MalformedResponseException} naming {@code where}; generated code that treats
 * {@code null} as an absent member checks for {@link JsonToken#VALUE_NULL} before calling. The methods do not
 * advance the parser past the value's last token.
 */
public final class JsonReading {

    // The service pads its base64, but nothing is gained by rejecting a value that merely lacks the padding.

    private static final JsonFactory RAW_VALUE_WRITER = new JsonFactory();

    private static final BigDecimal MIN_EPOCH_SECOND = BigDecimal.valueOf(Instant.MIN.getEpochSecond());
    private static final BigDecimal MAX_EPOCH_SECOND = BigDecimal.valueOf(Instant.MAX.getEpochSecond() + 1);

    private JsonReading() {}

    /** A JSON string. */
    public static String readString(JsonParser parser, String where) throws IOException {
        expect(parser, where, JsonToken.VALUE_STRING, "a string");
        return parser.getText();
    }

    /** A JSON integer that fits in a {@code byte}. */
    public static byte readByte(JsonParser parser, String where) throws IOException {
        return (byte) readIntInRange(parser, where, Byte.MIN_VALUE, Byte.MAX_VALUE, "byte");
    }

    /** A JSON integer that fits in a {@code short}. */
    public static short readShort(JsonParser parser, String where) throws IOException {
        return (short) readIntInRange(parser, where, Short.MIN_VALUE, Short.MAX_VALUE, "short");
    }

    /** A JSON integer that fits in an {@code int}. */
    public static int readInt(JsonParser parser, String where) throws IOException {
        expect(parser, where, JsonToken.VALUE_NUMBER_INT, "an integer");
        if (parser.getNumberType() != JsonParser.NumberType.INT) {
            throw malformed(parser, where, "integer " + parser.getText() + " is out of the int range");
        }
        return parser.getIntValue();
    }

    /** A JSON integer that fits in a {@code long}. */
    public static long readLong(JsonParser parser, String where) throws IOException {
        expect(parser, where, JsonToken.VALUE_NUMBER_INT, "an integer");
        JsonParser.NumberType type = parser.getNumberType();
        if (type != JsonParser.NumberType.INT && type != JsonParser.NumberType.LONG) {
            throw malformed(parser, where, "integer " + parser.getText() + " is out of the long range");
        }
        return parser.getLongValue();
    }

    /** A JSON integer of any size. */
    public static BigInteger readBigInteger(JsonParser parser, String where) throws IOException {
        expect(parser, where, JsonToken.VALUE_NUMBER_INT, "an integer");
        return parser.getBigIntegerValue();
    }

    /** A JSON number of any size and precision, exactly as written. */
    public static BigDecimal readBigDecimal(JsonParser parser, String where) throws IOException {
        JsonToken token = parser.currentToken();
        if (token != JsonToken.VALUE_NUMBER_INT && token != JsonToken.VALUE_NUMBER_FLOAT) {
            throw wrongToken(parser, where, "a number");
        }
        // The token's text, not a double, so every digit the service wrote is kept.
        return new BigDecimal(parser.getText());
    }

    /** {@code true} or {@code false}. */
    public static boolean readBoolean(JsonParser parser, String where) throws IOException {
        JsonToken token = parser.currentToken();
        if (token == JsonToken.VALUE_TRUE) {
            return true;
        }
        if (token == JsonToken.VALUE_FALSE) {
            return false;
        }
        throw wrongToken(parser, where, "a boolean");
    }

    /**
     * A JSON number, or one of the strings {@code "NaN"}, {@code "Infinity"} and {@code "-Infinity"} by which
     * AWS JSON protocols write values JSON numbers cannot hold.
     */
    public static double readDouble(JsonParser parser, String where) throws IOException {
        JsonToken token = parser.currentToken();
        if (token == JsonToken.VALUE_NUMBER_INT || token == JsonToken.VALUE_NUMBER_FLOAT) {
            return parser.getDoubleValue();
        }
        if (token == JsonToken.VALUE_STRING) {
            switch (parser.getText()) {
                case "NaN":
                    return Double.NaN;
                case "Infinity":
                    return Double.POSITIVE_INFINITY;
                case "-Infinity":
                    return Double.NEGATIVE_INFINITY;
                default:
                    throw malformed(parser, where, "expected a number but found the string \"" + parser.getText()
                            + "\"");
            }
        }
        throw wrongToken(parser, where, "a number");
    }

    /** Like {@link #readDouble}, for a number that must fit in a {@code float}. */
    public static float readFloat(JsonParser parser, String where) throws IOException {
        double value = readDouble(parser, where);
        float narrowed = (float) value;
        if (Float.isInfinite(narrowed) && !Double.isInfinite(value)) {
            throw malformed(parser, where, "number " + parser.getText() + " is out of the float range");
        }
        return narrowed;
    }

    /**
     * A timestamp, in any of the forms the AWS JSON protocols write one, whatever the model's format for it says (as
     * the protocol's tests require of clients, and as the AWS SDKs read):
     * <ul>
     *   <li>epoch seconds, integer ({@code 1478793480}) or decimal ({@code 1478793480.123}, {@code 1.47879348E9}),
     *       the default format. The number is converted exactly, never through a {@code double}; digits finer than
     *       a nanosecond, which an {@link Instant} cannot hold, are dropped (rounding towards the past);
     *   <li>an RFC 3339 date-time string ({@code "2000-01-02T20:34:56.123Z"}, {@code "2019-12-16T22:48:18-01:00"}),
     *       the {@code iso8601} format, with any fraction of a second and a {@code Z} or numeric offset;
     *   <li>an HTTP date string ({@code "Sun, 02 Jan 2000 20:34:56 GMT"}, a fraction of a second allowed), the
     *       {@code rfc822} format.
     * </ul>
     */
    public static Instant readTimestamp(JsonParser parser, String where) throws IOException {
        JsonToken token = parser.currentToken();
        if (token == JsonToken.VALUE_STRING) {
            return readTimestampText(parser, where);
        }
        if (token != JsonToken.VALUE_NUMBER_INT && token != JsonToken.VALUE_NUMBER_FLOAT) {
            throw wrongToken(parser, where, "a timestamp (epoch seconds, or an RFC 3339 or HTTP date string)");
        }
        // Almost every timestamp is a plain decimal of a few digits; only the others pay for a BigDecimal.
        Instant common = EpochSecondsText.parse(parser.getTextCharacters(), parser.getTextOffset(), parser.getTextLength());
        if (common != null) {
            return common;
        }
        BigDecimal seconds;
        try {
            // The token's text is the exact decimal the service wrote.
            seconds = new BigDecimal(parser.getText());
        } catch (NumberFormatException e) {
            throw malformed(parser, where, "timestamp " + parser.getText() + " is not a decimal number");
        }
        Instant instant = instantOf(seconds);
        if (instant == null) {
            throw malformed(parser, where, "timestamp " + parser.getText() + " is out of the supported range");
        }
        return instant;
    }

    // Kept out of readTimestamp so that the epoch-seconds path, which every stream record takes, stays small.
    private static Instant readTimestampText(JsonParser parser, String where) throws IOException {
        String text = parser.getText();
        Instant instant = TimestampText.parse(text);
        if (instant == null) {
            throw malformed(parser, where, "the string \"" + abbreviate(text) + "\" is not a timestamp (an RFC 3339 date-time "
                    + "such as 2000-01-02T20:34:56.123Z, or an HTTP date such as Sun, 02 Jan 2000 20:34:56 GMT)");
        }
        return instant;
    }

    private static String abbreviate(String text) {
        return text.length() <= 64 ? text : text.substring(0, 64) + "...";
    }

    /**
     * The instant {@code seconds} after the epoch, dropping digits finer than a nanosecond (rounding towards the
     * past), or null when it is outside what an {@link Instant} can hold.
     */
    static Instant instantOf(BigDecimal seconds) {
        // Compared before any arithmetic so an absurd exponent such as 1E999999999 cannot make us expand it.
        if (seconds.compareTo(MIN_EPOCH_SECOND) < 0 || seconds.compareTo(MAX_EPOCH_SECOND) >= 0) {
            return null;
        }
        // Below a nanosecond in magnitude (such as 1E-30000000) the value floors to the epoch or just before it;
        // deciding that first keeps the rescaling below from expanding an absurd negative exponent.
        if (seconds.signum() == 0 || seconds.precision() - seconds.scale() <= -9) {
            return seconds.signum() < 0 ? Instant.EPOCH.minusNanos(1) : Instant.EPOCH;
        }
        BigDecimal wholeSeconds = seconds.setScale(0, RoundingMode.FLOOR);
        long nanos = seconds.subtract(wholeSeconds).movePointRight(9).setScale(0, RoundingMode.FLOOR).longValueExact();
        return Instant.ofEpochSecond(wholeSeconds.longValueExact(), nanos);
    }

    /** A base64 string, decoded. */
    public static Bytes readBlob(JsonParser parser, String where) throws IOException {
        expect(parser, where, JsonToken.VALUE_STRING, "a base64 string");
        try {
            // The JDK's decoder is strict (no line breaks, nothing after the padding), as the service's encoder and
            // the AWS SDK are; padding itself stays optional.
            return Bytes.fromByteArrayUnsafe(Base64.getDecoder().decode(parser.getText()));
        } catch (IllegalArgumentException e) {
            throw malformed(parser, where, "invalid base64: " + e.getMessage());
        }
    }

    /**
     * A {@code document} value: whatever JSON value the parser is on, null included, however deeply nested (the
     * parser's nesting limit bounds it), with every number's text kept exactly. A key that appears twice in an object
     * is refused, as everywhere else in a response.
     */
    public static Document readDocument(JsonParser parser, String where) throws IOException {
        JsonToken token = parser.currentToken();
        if (token == null) {
            throw wrongToken(parser, where, "a document");
        }
        switch (token) {
            case VALUE_NULL:
                return Document.fromNull();
            case VALUE_TRUE:
                return Document.fromBoolean(true);
            case VALUE_FALSE:
                return Document.fromBoolean(false);
            case VALUE_STRING:
                return Document.fromString(parser.getText());
            case VALUE_NUMBER_INT:
            case VALUE_NUMBER_FLOAT:
                // The token's text: the digits as the service wrote them, which a double or BigDecimal could change.
                return Document.fromNumber(parser.getText());
            case START_ARRAY: {
                List<Document> elements = new ArrayList<>();
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    elements.add(readDocument(parser, where));
                }
                return Document.fromList(elements);
            }
            case START_OBJECT: {
                OrderedMapBuilder<Document> entries = new OrderedMapBuilder<>();
                String key;
                while ((key = parser.nextFieldName()) != null) {
                    parser.nextToken();
                    if (!entries.put(key, readDocument(parser, where))) {
                        throw duplicateKey(parser, where, key);
                    }
                }
                return Document.fromMap(entries.build());
            }
            default:
                throw wrongToken(parser, where, "a document");
        }
    }

    /**
     * The current value, however deeply nested, as compact JSON text, leaving the parser on its last token. Lets a
     * union keep a member this client does not know so it can be sent back unchanged. Numbers keep their value
     * exactly, though not necessarily their spelling ({@code 1.5e3} may come back as {@code 1.5E+3}). A name that
     * appears twice in an object inside it is refused, as everywhere else in a response ({@code where} names the
     * member, for the message, as {@code shape.member}).
     */
    public static String readRawValue(JsonParser parser, String shape, String member) throws IOException {
        StringWriter json = new StringWriter();
        try (JsonGenerator generator = RAW_VALUE_WRITER.createGenerator(json)) {
            walkValue(parser, shape, member, generator);
        }
        return json.toString();
    }

    /**
     * Skips the current value, however deeply nested, leaving the parser on its last token: a member this client
     * does not know, or the body of an operation without output. A name that appears twice in an object inside it
     * is refused all the same, since the document is ambiguous whoever reads it.
     */
    public static void skipValue(JsonParser parser, String where) throws IOException {
        walkValue(parser, where, null, null);
    }

    /**
     * Skips the value of {@code member}, which {@code shape} does not have, as {@link #skipValue} does. The two
     * names are joined only for a message: generated readers call this from every structure, and a string
     * concatenation there makes the reader's code larger for the JIT to inline.
     */
    public static void skipUnknownMember(JsonParser parser, String shape, String member) throws IOException {
        walkValue(parser, shape, member, null);
    }

    // The names met in each object still open, innermost first; arrays hold an empty, never-written set.
    private static void walkValue(JsonParser parser, String shape, String member, JsonGenerator copy)
            throws IOException {
        JsonToken token = parser.currentToken();
        if (token == null || !token.isStructStart()) {
            if (copy != null) {
                copy.copyCurrentEventExact(parser);
            }
            return;
        }
        Deque<Set<String>> open = new ArrayDeque<>();
        while (true) {
            if (copy != null) {
                copy.copyCurrentEventExact(parser);
            }
            switch (token) {
                case START_OBJECT:
                    open.push(new HashSet<>());
                    break;
                case START_ARRAY:
                    open.push(Collections.emptySet());
                    break;
                case FIELD_NAME:
                    if (!open.peek().add(parser.currentName())) {
                        throw malformed(parser, member == null ? shape : shape + "." + member,
                                "the name \"" + parser.currentName() + "\" appears more than once in an object");
                    }
                    break;
                case END_OBJECT:
                case END_ARRAY:
                    open.pop();
                    if (open.isEmpty()) {
                        return;
                    }
                    break;
                default:
                    break;
            }
            token = parser.nextToken();
            if (token == null) {
                throw wrongToken(parser, member == null ? shape : shape + "." + member, "the rest of the value");
            }
        }
    }

    /**
     * Notes that the member with bit {@code memberBit} has been met in the object being read, and refuses a second
     * occurrence: with "last one wins" a corrupted or tampered response could change a value unnoticed. Generated
     * readers of shapes with up to 64 members keep the members met in a {@code long}.
     *
     * @return {@code seen} with {@code memberBit} set
     */
    public static long firstOccurrence(JsonParser parser, long seen, long memberBit, String where) {
        if ((seen & memberBit) != 0) {
            throw duplicateMember(parser, where);
        }
        return seen | memberBit;
    }

    /** As {@link #firstOccurrence(JsonParser, long, long, String)}, for shapes with more than 64 members. */
    public static void firstOccurrence(JsonParser parser, boolean[] seen, int memberIndex, String where) {
        if (seen[memberIndex]) {
            throw duplicateMember(parser, where);
        }
        seen[memberIndex] = true;
    }

    /**
     * Notes a member the reader does not know (and skips or keeps as raw JSON), refusing it a second time like a
     * known one. {@code seen} starts as null and is only created for an object that has unknown members, which
     * responses of the model the client was generated from never have.
     *
     * @return the names of the unknown members met so far
     */
    public static Set<String> firstOccurrence(JsonParser parser, Set<String> seen, String unknownMember, String where) {
        Set<String> names = seen == null ? new HashSet<>() : seen;
        if (!names.add(unknownMember)) {
            throw duplicateMember(parser, where + "." + unknownMember);
        }
        return names;
    }

    private static MalformedResponseException duplicateMember(JsonParser parser, String where) {
        return malformed(parser, where, "the member appears more than once in the object");
    }

    /** The exception for a map whose {@code key} appears a second time; the reader refuses such a response. */
    public static MalformedResponseException duplicateKey(JsonParser parser, String where, String key) {
        return malformed(parser, where, "the key \"" + key + "\" appears more than once in the map");
    }

    /** Checks that the parser is on the start of an object. */
    public static void expectStartObject(JsonParser parser, String where) {
        expect(parser, where, JsonToken.START_OBJECT, "an object");
    }

    /** Checks that the parser is on the start of an array. */
    public static void expectStartArray(JsonParser parser, String where) {
        expect(parser, where, JsonToken.START_ARRAY, "an array");
    }

    /**
     * An exception to throw for a problem found at the parser's current token, such as an unknown union member or a
     * missing required member: names {@code where} and the JSON line and column.
     */
    public static MalformedResponseException malformed(JsonParser parser, String where, String problem) {
        return new MalformedResponseException(where + ": " + problem + location(parser));
    }

    private static int readIntInRange(JsonParser parser, String where, int min, int max, String typeName)
            throws IOException {
        expect(parser, where, JsonToken.VALUE_NUMBER_INT, "an integer");
        if (parser.getNumberType() != JsonParser.NumberType.INT
                || parser.getIntValue() < min || parser.getIntValue() > max) {
            throw malformed(parser, where, "integer " + parser.getText() + " is out of the " + typeName + " range");
        }
        return parser.getIntValue();
    }

    private static void expect(JsonParser parser, String where, JsonToken expected, String description) {
        if (parser.currentToken() != expected) {
            throw wrongToken(parser, where, description);
        }
    }

    private static MalformedResponseException wrongToken(JsonParser parser, String where, String expected) {
        return malformed(parser, where, "expected " + expected + " but found " + describe(parser.currentToken()));
    }

    private static String describe(JsonToken token) {
        if (token == null) {
            return "the end of the input";
        }
        switch (token) {
            case START_OBJECT:
                return "an object";
            case END_OBJECT:
                return "the end of an object";
            case START_ARRAY:
                return "an array";
            case END_ARRAY:
                return "the end of an array";
            case FIELD_NAME:
                return "a field name";
            case VALUE_STRING:
                return "a string";
            case VALUE_NUMBER_INT:
                return "an integer";
            case VALUE_NUMBER_FLOAT:
                return "a decimal number";
            case VALUE_TRUE:
            case VALUE_FALSE:
                return "a boolean";
            case VALUE_NULL:
                return "null";
            default:
                return token.name();
        }
    }

    private static String location(JsonParser parser) {
        JsonLocation location = parser.currentTokenLocation();
        if (location == null || location.getLineNr() < 1) {
            return pathOf(parser);
        }
        return " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")" + pathOf(parser);
    }

    /**
     * Where in the document the parser is, as a JSON pointer ({@code " at /Records/3/dynamodb/Keys"}), or an empty
     * string at the top: with a list index it pins down a value that a shape and member name alone cannot.
     */
    public static String pathOf(JsonParser parser) {
        String pointer = parser.getParsingContext().pathAsPointer().toString();
        return pointer.isEmpty() ? "" : " at " + pointer;
    }
}
