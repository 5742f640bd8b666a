package dev.ddbstreams.runtime.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import dev.ddbstreams.runtime.exception.MalformedResponseException;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.quicktheories.QuickTheory;
import org.quicktheories.core.Gen;

/**
 * The timestamp formats of the AWS JSON protocols ({@code timestampFormat}), both directions, on the cases of the
 * Smithy awsJson protocol tests and on random instants: epoch seconds (the default), RFC 3339 date-times
 * ({@code iso8601}) and HTTP dates ({@code rfc822}). Reading takes every format whatever the model says, as the
 * protocol's tests require of clients.
 */
class TimestampFormatsTest {

    private static final JsonFactory JSON = new JsonFactory();
    private static final Instant SMITHY_TEST_INSTANT = Instant.ofEpochSecond(946845296);

    private static QuickTheory qt() {
        QuickTheory theory = QuickTheory.qt().withExamples(20_000);
        return "true".equals(System.getenv("CI")) ? theory.withFixedSeed(20261126L) : theory;
    }

    private static Instant read(String json) {
        try (JsonParser parser = JSON.createParser(json)) {
            parser.nextToken();
            return JsonReading.readTimestamp(parser, "Shape.member");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private interface Writer {
        void write(JsonGenerator generator, Instant instant) throws IOException;
    }

    private static String write(Writer writer, Instant instant) {
        StringWriter out = new StringWriter();
        try (JsonGenerator generator = JSON.createGenerator(out)) {
            writer.write(generator, instant);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    @Test
    void writesTheSmithyProtocolTestsForms() {
        assertThat(write(JsonWriting::writeTimestamp, SMITHY_TEST_INSTANT)).isEqualTo("946845296");
        assertThat(write(JsonWriting::writeDateTime, SMITHY_TEST_INSTANT)).isEqualTo("\"2000-01-02T20:34:56Z\"");
        assertThat(write(JsonWriting::writeHttpDate, SMITHY_TEST_INSTANT)).isEqualTo("\"Sun, 02 Jan 2000 20:34:56 GMT\"");
    }

    @Test
    void writesDateTimesWithTheFractionTheyHave() {
        assertThat(write(JsonWriting::writeDateTime, SMITHY_TEST_INSTANT.plusMillis(123))).isEqualTo("\"2000-01-02T20:34:56.123Z\"");
        assertThat(write(JsonWriting::writeDateTime, SMITHY_TEST_INSTANT.plusNanos(120_000))).isEqualTo("\"2000-01-02T20:34:56.000120Z\"");
        assertThat(write(JsonWriting::writeDateTime, SMITHY_TEST_INSTANT.plusNanos(1))).isEqualTo("\"2000-01-02T20:34:56.000000001Z\"");
        // An HTTP date has whole seconds; the AWS SDKs drop the fraction.
        assertThat(write(JsonWriting::writeHttpDate, SMITHY_TEST_INSTANT.plusMillis(999))).isEqualTo("\"Sun, 02 Jan 2000 20:34:56 GMT\"");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "946845296                              | 2000-01-02T20:34:56Z",
            "946845296.123                          | 2000-01-02T20:34:56.123Z",
            "\"2000-01-02T20:34:56Z\"               | 2000-01-02T20:34:56Z",
            "\"2000-01-02T20:34:56.000Z\"           | 2000-01-02T20:34:56Z",
            "\"2000-01-02T20:34:56.123Z\"           | 2000-01-02T20:34:56.123Z",
            "\"2000-01-02T20:34:56.123456789Z\"     | 2000-01-02T20:34:56.123456789Z",
            "\"2000-01-02t20:34:56z\"               | 2000-01-02T20:34:56Z",
            "\"2019-12-16T22:48:18-01:00\"          | 2019-12-16T23:48:18Z",
            "\"2019-12-17T00:48:18+01:00\"          | 2019-12-16T23:48:18Z",
            "\"Sun, 02 Jan 2000 20:34:56 GMT\"      | 2000-01-02T20:34:56Z",
            "\"Sun, 02 Jan 2000 20:34:56.000 GMT\"  | 2000-01-02T20:34:56Z",
            "\"Sun, 02 Jan 2000 20:34:56.5 GMT\"    | 2000-01-02T20:34:56.5Z",
            "\"Sun, 02 Jan 2000 21:34:56 +0100\"    | 2000-01-02T20:34:56Z"})
    void readsEveryFormatWhateverTheModelSays(String json, String expected) {
        assertThat(read(json)).isEqualTo(Instant.parse(expected));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "2000-01-02T20:34:56", "2000-01-02 20:34:56Z", "2000-01-02", "2000-13-02T20:34:56Z", "2000-02-30T20:34:56Z",
            "2000-01-02T20:34:56.1234567891Z", "Mon, 02 Jan 2000 20:34:56 GMT", "Sun, 02 Jan 2000 20:34:56",
            "yesterday", "", "946845296"})
    void refusesStringsThatNameNoInstant(String text) {
        assertThatThrownBy(() -> read("\"" + text + "\""))
                .isInstanceOf(MalformedResponseException.class)
                .hasMessageContaining("Shape.member: the string \"" + text + "\" is not a timestamp");
    }

    @Test
    void refusesToWriteYearsTheStringFormsCannotHold() {
        Instant tooLate = Instant.parse("9999-12-31T23:59:59.999999999Z").plusNanos(1);
        assertThatThrownBy(() -> write(JsonWriting::writeDateTime, tooLate))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cannot be written as an RFC 3339 date-time");
        assertThatThrownBy(() -> write(JsonWriting::writeHttpDate, Instant.parse("0000-01-01T00:00:00Z").minusSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cannot be written as an HTTP date");
    }

    /** Instants with four-digit years and any nanosecond, which both string forms can write. */
    private static Gen<Instant> writableInstants() {
        long first = Instant.parse("0000-01-01T00:00:00Z").getEpochSecond();
        long last = Instant.parse("9999-12-31T23:59:59Z").getEpochSecond();
        return longs().between(first, last).zip(integers().between(0, 999_999_999), Instant::ofEpochSecond);
    }

    @Test
    void aDateTimeReadsBackAsTheInstantWritten() {
        qt().forAll(writableInstants()).checkAssert(instant ->
                assertThat(read(write(JsonWriting::writeDateTime, instant))).isEqualTo(instant));
    }

    @Test
    void anHttpDateReadsBackAsTheInstantWrittenInWholeSeconds() {
        qt().forAll(writableInstants()).checkAssert(instant ->
                assertThat(read(write(JsonWriting::writeHttpDate, instant))).isEqualTo(Instant.ofEpochSecond(instant.getEpochSecond())));
    }
}
