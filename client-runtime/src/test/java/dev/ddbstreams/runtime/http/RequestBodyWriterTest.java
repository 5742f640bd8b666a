package dev.ddbstreams.runtime.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonFactory;
import dev.ddbstreams.runtime.exception.SdkClientException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class RequestBodyWriterTest {

    private final RequestBodyWriter writer = new RequestBodyWriter(new JsonFactory());

    @Test
    void writesWhatTheMarshallerWrites() {
        byte[] body = writer.write("GetShardIterator", generator -> {
            generator.writeStartObject();
            generator.writeStringField("ShardIteratorType", "TRIM_HORIZON");
            generator.writeEndObject();
        });

        assertThat(new String(body, StandardCharsets.UTF_8)).isEqualTo("{\"ShardIteratorType\":\"TRIM_HORIZON\"}");
    }

    @Test
    void halfWrittenObjectIsReported() {
        assertThatThrownBy(() -> writer.write("GetShardIterator", generator -> {
            generator.writeStartObject();
            generator.writeStringField("ShardIteratorType", "TRIM_HORIZON");
        }))
                .isInstanceOf(SdkClientException.class)
                .hasMessageContaining("GetShardIterator")
                .hasMessageContaining("did not write a complete JSON object");
    }

    @Test
    void nothingWrittenIsReported() {
        assertThatThrownBy(() -> writer.write("ListStreams", generator -> { }))
                .isInstanceOf(SdkClientException.class)
                .hasMessageContaining("ListStreams");
    }

    @Test
    void marshallerIoFailureBecomesAClientException() {
        assertThatThrownBy(() -> writer.write("ListStreams", generator -> {
            throw new IOException("boom");
        }))
                .isInstanceOf(SdkClientException.class)
                .hasMessageContaining("ListStreams")
                .hasCauseInstanceOf(IOException.class);
    }
}
