package dev.ddbstreams.wire;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.DictionaryFile;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import dev.ddbstreams.runtime.exception.MalformedResponseException;
import java.io.CharConversionException;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Tag;

/**
 * Coverage-guided fuzzing of the response unmarshallers: whatever bytes arrive, every operation's output reader
 * either returns a value, which must then survive a round trip, or fails the way the client reports as
 * {@code MalformedResponseException} (our own, or a Jackson {@link JsonProcessingException} or a
 * {@link CharConversionException} for bytes that are no JSON text, which the client wraps into one). Anything else (a {@code NullPointerException}, a {@code NumberFormatException}, a
 * {@code StackOverflowError}) is a finding.
 *
 * <p>In the normal build this runs as a regression test over the corpus in
 * {@code src/test/resources/dev/ddbstreams/wire/UnmarshallerFuzzTestInputs/}; with {@code JAZZER_FUZZ=1} Jazzer
 * mutates it for as long as {@code maxDuration} (docs/testing.md has the command).
 */
@Tag("fuzz")
class UnmarshallerFuzzTest {

    // The parser the client reads responses with: the network stream left open; duplicate keys are refused by the
    // generated readers themselves.
    private static final JsonFactory JSON = JsonFactory.builder()
            .disable(StreamReadFeature.AUTO_CLOSE_SOURCE)
            .build();

    private static final WireModel MODEL = WireModel.get();
    private static final List<WireCodec> OUTPUTS = MODEL.operationNames().stream()
            .map(operation -> WireCodec.of(MODEL, MODEL.outputOf(operation)))
            .toList();

    @FuzzTest(maxDuration = "5m")
    @DictionaryFile(resourcePath = "/wire/fuzz.dict")
    void responseReadersFailOnlyClearly(byte[] body) throws IOException {
        for (WireCodec output : OUTPUTS) {
            Object value;
            try (JsonParser parser = JSON.createParser(body)) {
                value = output.readFirstValue(parser);
            } catch (MalformedResponseException | JsonProcessingException | CharConversionException expected) {
                continue;
            }
            // Whatever was accepted is a value the client can write and read back unchanged.
            assertThat(output.unmarshal(output.marshal(value))).isEqualTo(value);
        }
    }
}
