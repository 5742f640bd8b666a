package dev.ddbstreams.runtime.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import dev.ddbstreams.runtime.core.Bytes;
import dev.ddbstreams.runtime.exception.MalformedResponseException;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JsonReadingTest {

    private static final JsonFactory JSON = new JsonFactory();

    /** A parser on the first token of {@code json}. */
    private static JsonParser on(String json) throws IOException {
        JsonParser parser = JSON.createParser(json);
        parser.nextToken();
        return parser;
    }

    @Test
    void readsStrings() throws IOException {
        assertThat(JsonReading.readString(on("\"arn:aws:x\\u00e9\""), "Stream.StreamArn")).isEqualTo("arn:aws:x\u00e9");
    }

    @ParameterizedTest
    @CsvSource({"0, 0", "-2147483648, -2147483648", "2147483647, 2147483647"})
    void readsIntsAtTheEdgesOfTheRange(String json, int expected) throws IOException {
        assertThat(JsonReading.readInt(on(json), "GetRecordsInput.Limit")).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"2147483648", "-2147483649", "99999999999999999999"})
    void rejectsIntsOutOfRange(String json) {
        assertThatThrownBy(() -> JsonReading.readInt(on(json), "GetRecordsInput.Limit"))
                .isInstanceOf(MalformedResponseException.class)
                .hasMessageContaining("GetRecordsInput.Limit")
                .hasMessageContaining(json)
                .hasMessageContaining("int range");
    }

    @ParameterizedTest
    @CsvSource({"9223372036854775807, 9223372036854775807", "-9223372036854775808, -9223372036854775808",
            "12, 12"})
    void readsLongsAtTheEdgesOfTheRange(String json, long expected) throws IOException {
        assertThat(JsonReading.readLong(on(json), "StreamRecord.SizeBytes")).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"9223372036854775808", "-9223372036854775809"})
    void rejectsLongsOutOfRange(String json) {
        assertThatThrownBy(() -> JsonReading.readLong(on(json), "StreamRecord.SizeBytes"))
                .isInstanceOf(MalformedResponseException.class)
                .hasMessageContaining("StreamRecord.SizeBytes")
                .hasMessageContaining("long range");
    }

    @Test
    void rejectsDecimalsWhereIntegersBelong() {
        assertThatThrownBy(() -> JsonReading.readInt(on("1.5"), "GetRecordsInput.Limit"))
                .isInstanceOf(MalformedResponseException.class)
                .hasMessageContaining("expected an integer but found a decimal number");
    }

    @Test
    void readsBytesAndShortsWithRangeChecks() throws IOException {
        assertThat(JsonReading.readByte(on("-128"), "X.b")).isEqualTo((byte) -128);
        assertThat(JsonReading.readByte(on("127"), "X.b")).isEqualTo((byte) 127);
        assertThat(JsonReading.readShort(on("-32768"), "X.s")).isEqualTo((short) -32768);
        assertThat(JsonReading.readShort(on("32767"), "X.s")).isEqualTo((short) 32767);
        assertThatThrownBy(() -> JsonReading.readByte(on("128"), "X.b"))
                .isInstanceOf(MalformedResponseException.class)
                .hasMessageContaining("X.b: integer 128 is out of the byte range");
        assertThatThrownBy(() -> JsonReading.readShort(on("-32769"), "X.s"))
                .hasMessageContaining("X.s: integer -32769 is out of the short range");
        assertThatThrownBy(() -> JsonReading.readShort(on("9999999999"), "X.s"))
                .hasMessageContaining("out of the short range");
    }

    @Test
    void readsBigNumbersExactly() throws IOException {
        assertThat(JsonReading.readBigInteger(on("123456789012345678901234567890"), "X.i"))
                .isEqualTo(new BigInteger("123456789012345678901234567890"));
        assertThat(JsonReading.readBigDecimal(on("0.1000000000000000000000000001"), "X.d"))
                .isEqualTo(new BigDecimal("0.1000000000000000000000000001"));
        assertThat(JsonReading.readBigDecimal(on("42"), "X.d")).isEqualTo(new BigDecimal("42"));
        assertThatThrownBy(() -> JsonReading.readBigInteger(on("1.5"), "X.i"))
                .hasMessageContaining("X.i: expected an integer but found a decimal number");
        assertThatThrownBy(() -> JsonReading.readBigDecimal(on("\"1\""), "X.d"))
                .hasMessageContaining("X.d: expected a number but found a string");
    }

    @Test
    void readsRawValuesWholeAndLeavesTheParserOnTheirLastToken() throws IOException {
        JsonParser parser = JSON.createParser(
                "{\"New\": {\"a\": [1, 2.50, \"x\", null, true, {\"b\": {}}]}, \"Next\": 1}");
        parser.nextToken();
        parser.nextToken();
        parser.nextToken();

        String raw = JsonReading.readRawValue(parser, "Shape", "Member");

        assertThat(raw).isEqualTo("{\"a\":[1,2.50,\"x\",null,true,{\"b\":{}}]}");
        assertThat(parser.nextFieldName()).isEqualTo("Next");
    }

    @Test
    void skipsAValueWholeAndRefusesANameTwiceInAnyObjectInsideIt() throws IOException {
        JsonParser parser = JSON.createParser("{\"Later\": {\"a\": [{\"x\": 1}, {\"x\": 2}], \"b\": {\"x\": 3}}, \"Next\": 1}");
        parser.nextToken();
        parser.nextToken();
        parser.nextToken();
        JsonReading.skipValue(parser, "Shape.Later");
        assertThat(parser.nextFieldName()).isEqualTo("Next");

        JsonParser twice = on("{\"a\": [{\"x\": 1, \"y\": {}, \"x\": 2}]}");
        assertThatThrownBy(() -> JsonReading.skipUnknownMember(twice, "Shape", "Later"))
                .isInstanceOf(MalformedResponseException.class)
                .hasMessageContaining("Shape.Later: the name \"x\" appears more than once in an object")
                .hasMessageContaining("at /a/0/x");
    }

    @Test
    void aRawValueWithANameTwiceInsideIsRefused() throws IOException {
        JsonParser parser = on("{\"m\": {\"k\": 1, \"k\": 2}}");
        assertThatThrownBy(() -> JsonReading.readRawValue(parser, "Union", "XX"))
                .isInstanceOf(MalformedResponseException.class)
                .hasMessageContaining("Union.XX: the name \"k\" appears more than once");
    }

    @Test
    void readsRawScalars() throws IOException {
        assertThat(JsonReading.readRawValue(on("\"text\""), "Shape", "Member")).isEqualTo("\"text\"");
        assertThat(JsonReading.readRawValue(on("12345678901234567890123"), "Shape", "Member")).isEqualTo("12345678901234567890123");
    }

    @Test
    void readsBooleans() throws IOException {
        assertThat(JsonReading.readBoolean(on("true"), "X.flag")).isTrue();
        assertThat(JsonReading.readBoolean(on("false"), "X.flag")).isFalse();
    }

    @Test
    void readsDoublesIncludingTheNonFiniteStrings() throws IOException {
        assertThat(JsonReading.readDouble(on("1.5e3"), "X.d")).isEqualTo(1500.0);
        assertThat(JsonReading.readDouble(on("7"), "X.d")).isEqualTo(7.0);
        assertThat(JsonReading.readDouble(on("\"NaN\""), "X.d")).isNaN();
        assertThat(JsonReading.readDouble(on("\"Infinity\""), "X.d")).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(JsonReading.readDouble(on("\"-Infinity\""), "X.d")).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThatThrownBy(() -> JsonReading.readDouble(on("\"12\""), "X.d"))
                .isInstanceOf(MalformedResponseException.class)
                .hasMessageContaining("X.d");
    }

    @Test
    void readsFloatsAndRejectsOverflow() throws IOException {
        assertThat(JsonReading.readFloat(on("0.25"), "X.f")).isEqualTo(0.25f);
        assertThat(JsonReading.readFloat(on("\"Infinity\""), "X.f")).isEqualTo(Float.POSITIVE_INFINITY);
        assertThatThrownBy(() -> JsonReading.readFloat(on("1e300"), "X.f"))
                .isInstanceOf(MalformedResponseException.class)
                .hasMessageContaining("float range");
    }

    @ParameterizedTest
    @CsvSource({
        "1478793480, 2016-11-10T15:58:00Z",
        "1478793480.0, 2016-11-10T15:58:00Z",
        "1.47879348E9, 2016-11-10T15:58:00Z",
        "1.47879348e+9, 2016-11-10T15:58:00Z",
        "1478793480.123, 2016-11-10T15:58:00.123Z",
        "1478793480.123456789, 2016-11-10T15:58:00.123456789Z",
        "1478793480.1234567899, 2016-11-10T15:58:00.123456789Z",
        "1.4787934801E9, 2016-11-10T15:58:00.100Z",
        "0, 1970-01-01T00:00:00Z",
        "-1.5, 1969-12-31T23:59:58.500Z",
        "-0.000000001, 1969-12-31T23:59:59.999999999Z"
    })
    void readsTimestampsExactlyInEveryNumberForm(String json, String expected) throws IOException {
        assertThat(JsonReading.readTimestamp(on(json), "StreamRecord.ApproximateCreationDateTime"))
                .isEqualTo(Instant.parse(expected));
    }

    @Test
    void readsTimestampsThatADoubleCouldNotHoldExactly() throws IOException {
        // 1478793480.000000001 is not representable as a double; the nanosecond must survive.
        assertThat(JsonReading.readTimestamp(on("1478793480.000000001"), "X.t"))
                .isEqualTo(Instant.ofEpochSecond(1478793480L, 1));
    }

    @ParameterizedTest
    @CsvSource({"1e30", "-1e30", "1E999999999"})
    void rejectsTimestampsOutOfRange(String json) {
        assertThatThrownBy(() -> JsonReading.readTimestamp(on(json), "X.t"))
                .isInstanceOf(MalformedResponseException.class)
                .hasMessageContaining("X.t")
                .hasMessageContaining("out of the supported range");
    }

    @Test
    void rejectsStringsThatAreNoTimestamp() {
        assertThatThrownBy(() -> JsonReading.readTimestamp(on("\"2016-11-10 15:58\""), "X.t"))
                .isInstanceOf(MalformedResponseException.class)
                .hasMessageContaining("X.t: the string \"2016-11-10 15:58\" is not a timestamp");
        assertThatThrownBy(() -> JsonReading.readTimestamp(on("true"), "X.t"))
                .isInstanceOf(MalformedResponseException.class)
                .hasMessageContaining("X.t: expected a timestamp (epoch seconds, or an RFC 3339 or HTTP date string) but found a boolean");
    }

    @Test
    void readsBase64BlobsWithAndWithoutPadding() throws IOException {
        Bytes hello = Bytes.fromUtf8String("hello");
        assertThat(JsonReading.readBlob(on("\"aGVsbG8=\""), "AttributeValue.B")).isEqualTo(hello);
        assertThat(JsonReading.readBlob(on("\"aGVsbG8\""), "AttributeValue.B")).isEqualTo(hello);
        assertThat(JsonReading.readBlob(on("\"\""), "AttributeValue.B").length()).isZero();
        assertThat(JsonReading.readBlob(on("\"/+8=\""), "AttributeValue.B").asByteArray())
                .containsExactly(0xff, 0xef);
    }

    @Test
    void rejectsInvalidBase64NamingWhere() {
        assertThatThrownBy(() -> JsonReading.readBlob(on("\"not base64!\""), "AttributeValue.B"))
                .isInstanceOf(MalformedResponseException.class)
                .hasMessageContaining("AttributeValue.B")
                .hasMessageContaining("base64");
    }

    @Test
    void wrongTokenTypeNamesWhereWhatWasExpectedAndTheLocation() {
        assertThatThrownBy(() -> JsonReading.readString(on("\n  42"), "Record.eventID"))
                .isInstanceOf(MalformedResponseException.class)
                .hasMessage("Record.eventID: expected a string but found an integer (line 2, column 3)");
    }

    @Test
    void nullIsAWrongTokenForEveryReader() {
        assertThatThrownBy(() -> JsonReading.readString(on("null"), "Record.eventID"))
                .hasMessageContaining("Record.eventID: expected a string but found null");
        assertThatThrownBy(() -> JsonReading.readLong(on("null"), "StreamRecord.SizeBytes"))
                .hasMessageContaining("found null");
        assertThatThrownBy(() -> JsonReading.readBoolean(on("null"), "X.b")).hasMessageContaining("found null");
        assertThatThrownBy(() -> JsonReading.readBlob(on("null"), "X.b")).hasMessageContaining("found null");
        assertThatThrownBy(() -> JsonReading.readTimestamp(on("null"), "X.t")).hasMessageContaining("found null");
    }

    @Test
    void expectStartObjectAndArray() throws IOException {
        JsonReading.expectStartObject(on("{}"), "Record");
        JsonReading.expectStartArray(on("[]"), "Records");
        assertThatThrownBy(() -> JsonReading.expectStartObject(on("[]"), "Record"))
                .hasMessageContaining("Record: expected an object but found an array");
        assertThatThrownBy(() -> JsonReading.expectStartArray(on("{}"), "Records"))
                .hasMessageContaining("Records: expected an array but found an object");
    }

    @Test
    void expectStartObjectAtTheEndOfInputSaysSo() throws IOException {
        JsonParser parser = JSON.createParser("");
        parser.nextToken();

        assertThatThrownBy(() -> JsonReading.expectStartObject(parser, "GetRecordsOutput"))
                .hasMessageContaining("found the end of the input");
    }

    @Test
    void malformedDescribesAProblemAtTheCurrentToken() throws IOException {
        JsonParser parser = on("{\"X\": 1}");
        parser.nextToken();

        MalformedResponseException e = JsonReading.malformed(parser, "AttributeValue", "unknown member X");

        assertThat(e).hasMessage("AttributeValue: unknown member X (line 1, column 2) at /X");
    }
}
