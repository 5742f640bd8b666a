package dev.ddbstreams.runtime.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import dev.ddbstreams.runtime.core.Bytes;
import java.io.IOException;
import java.io.StringWriter;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class JsonWritingTest {

    private static final JsonFactory JSON = new JsonFactory();

    private interface Write {
        void to(JsonGenerator generator) throws IOException;
    }

    private static String written(Write write) throws IOException {
        StringWriter out = new StringWriter();
        try (JsonGenerator generator = JSON.createGenerator(out)) {
            write.to(generator);
        }
        return out.toString();
    }

    @ParameterizedTest
    @CsvSource({
        "2016-11-10T15:58:00Z, 1478793480",
        "2016-11-10T15:58:00.500Z, 1478793480.5",
        "2016-11-10T15:58:00.123456789Z, 1478793480.123456789",
        "2016-11-10T15:58:00.000000100Z, 1478793480.0000001",
        "1970-01-01T00:00:00Z, 0",
        "1970-01-01T00:00:00.000000001Z, 0.000000001",
        "1969-12-31T23:59:58.500Z, -1.5"
    })
    void writesEpochSecondsWithTheFractionTheInstantHas(String instant, String expected) throws IOException {
        assertThat(written(g -> JsonWriting.writeTimestamp(g, Instant.parse(instant)))).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"2016-11-10T15:58:00Z", "2016-11-10T15:58:00.123456789Z", "1969-07-20T20:17:40.1Z",
            "-1000000000-01-01T00:00:00Z", "+1000000000-12-31T23:59:59.999999999Z"})
    void timestampsRoundTrip(String value) throws IOException {
        Instant instant = Instant.parse(value);
        String json = written(g -> JsonWriting.writeTimestamp(g, instant));

        try (JsonParser parser = JSON.createParser(json)) {
            parser.nextToken();
            assertThat(JsonReading.readTimestamp(parser, "X.t")).isEqualTo(instant);
        }
    }

    @Test
    void writesPaddedStandardBase64() throws IOException {
        assertThat(written(g -> JsonWriting.writeBlob(g, Bytes.fromUtf8String("hello")))).isEqualTo("\"aGVsbG8=\"");
        assertThat(written(g -> JsonWriting.writeBlob(g, Bytes.fromByteArray(new byte[] {(byte) 0xff, (byte) 0xef}))))
                .isEqualTo("\"/+8=\"");
        assertThat(written(g -> JsonWriting.writeBlob(g, Bytes.empty()))).isEqualTo("\"\"");
    }

    @Test
    void blobsRoundTrip() throws IOException {
        byte[] all = new byte[256 * 3];
        for (int i = 0; i < all.length; i++) {
            all[i] = (byte) i;
        }
        Bytes bytes = Bytes.fromByteArray(all);
        String json = written(g -> JsonWriting.writeBlob(g, bytes));

        try (JsonParser parser = JSON.createParser(json)) {
            parser.nextToken();
            assertThat(JsonReading.readBlob(parser, "X.b")).isEqualTo(bytes);
        }
    }
}
