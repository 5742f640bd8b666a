package dev.ddbstreams.wire;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ddbstreams.runtime.exception.MalformedResponseException;
import dev.ddbstreams.runtime.exception.SdkClientException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * Bytes that are not UTF-8 text arrived whole: the response is malformed, and saying so matters, because the
 * other diagnosis, a connection cut off, sends whoever reads the log to look at the network. Then the client goes
 * on serving.
 */
class EncodingResponseTest {

    private static final HostileServer HOSTILE = new HostileServer();

    @AfterAll
    static void close() {
        HOSTILE.close();
    }

    @Test
    void invalidUtf8InAStringIsMalformed() {
        byte[] body = concat("{\"NextShardIterator\":\"", new byte[] {(byte) 0xFF, (byte) 0xFE}, "\"}");

        assertMalformed(HOSTILE.getRecordsFailure(body));
        HOSTILE.servesTheNextRequestNormally();
    }

    /**
     * Found by UnmarshallerFuzzTest: a brace followed by NUL bytes makes Jackson take the body for UTF-32, and its
     * decoder then throws {@link java.io.CharConversionException}, an {@code IOException} that is not a
     * {@code JsonProcessingException}.
     */
    @Test
    void nulBytesThatLookLikeUtf32AreMalformed() {
        byte[] body = concat("{", new byte[10], "\"Rse}\n.ord");

        assertMalformed(HOSTILE.getRecordsFailure(body));
        HOSTILE.servesTheNextRequestNormally();
    }

    private static void assertMalformed(SdkClientException failure) {
        assertThat(failure).isInstanceOf(MalformedResponseException.class)
                .hasMessageContaining("The response to GetRecords")
                .hasMessageNotContaining("connection");
    }

    private static byte[] concat(String before, byte[] middle, String after) {
        byte[] start = before.getBytes(StandardCharsets.UTF_8);
        byte[] end = after.getBytes(StandardCharsets.UTF_8);
        byte[] all = new byte[start.length + middle.length + end.length];
        System.arraycopy(start, 0, all, 0, start.length);
        System.arraycopy(middle, 0, all, start.length, middle.length);
        System.arraycopy(end, 0, all, start.length + middle.length, end.length);
        return all;
    }
}
